/**
 * Closing a brede tafel and its minutes (verslag): closing takes milestone versions of
 * the notes and of every bound project under one label and makes draft minutes; the
 * facilitator finalises them. The minutes are read from the records (attendance,
 * agenda, decisions, actions) and the notes as they were in the milestone version, for
 * the page and the exports alike — internal, or public (Woo): organisations only.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import * as Y from 'yjs';
import { can, canCloseTafel, canFinaliseMinutes, canSeeReference, type Actor } from '../../domain/permissions.ts';
import { plainText as commentText } from '../../domain/comment-body.ts';
import { LOOKUP } from '../../domain/reference.ts';
import { documentName } from '../../collab/documents.ts';
import { readVersion, type RichNode } from '../../collab/version-diff.ts';
import { dateTimeFormat } from '../../i18n/time.ts';
import { db } from '../db/client.ts';
import { docVersions, organisations, projects, tafelAgendaItems, tafelAgendaProjects, tafelAttendance, tafelInvitations, tafelMinutes, tafels, users } from '../db/schema.ts';
import { getVersion } from '../documents/versions.ts';
import { log } from '../log.ts';
import { listThreads } from './comments.ts';
import { loadTafel, tafelResource } from './tafel-ref.ts';
import { listActions, listDecisions } from './tafels-records.ts';
import { takeMilestone, type VersionActor } from './versions.ts';
import { asResource } from './projects.ts';
import { redactor } from '../../domain/redact.ts';
import { descriptionBlocks, type Description } from '../exports/blocks.ts';
import { redactBlocks, redactNode } from '../exports/redact-notes.ts';
import { liveRecord } from './tafel-live-record.ts';
import { endLiveOnClose } from './tafel-live.ts';

const dayMonth = dateTimeFormat('nl', { day: 'numeric', month: 'long', year: 'numeric' });

/** "Na brede tafel Oost, 12 maart 2030": the label of the milestone versions. */
export const milestoneLabel = (title: string, startsAt: Date) => `Na brede tafel ${title}, ${dayMonth.format(startsAt)}`;

export type CloseResult = { ok: true; milestoneId: string } | { ok: false; reason: 'not-found' | 'forbidden' | 'closed' };

/**
 * Closes the tafel once: the status flips first (only one of two simultaneous closes
 * gets past it), then the milestone versions, then the draft minutes pointing at them.
 */
export async function closeTafel(actor: VersionActor, id: string): Promise<CloseResult> {
	const tafel = await loadTafel(id);
	if (!tafel) return { ok: false, reason: 'not-found' };
	if (!can(actor, 'manage', tafelResource(tafel.ref))) return { ok: false, reason: 'forbidden' };
	if (!canCloseTafel(actor, tafel.ref)) return { ok: false, reason: 'closed' };
	const flipped = await db()
		.update(tafels)
		.set({ status: 'closed', closedAt: new Date(), closedBy: actor.userId, updatedAt: new Date() })
		.where(and(eq(tafels.id, id), eq(tafels.status, 'planned')))
		.returning({ id: tafels.id });
	if (!flipped.length) return { ok: false, reason: 'closed' };
	await endLiveOnClose(id);
	const bound = await db()
		.selectDistinct({ projectId: tafelAgendaProjects.projectId })
		.from(tafelAgendaProjects)
		.innerJoin(tafelAgendaItems, eq(tafelAgendaItems.id, tafelAgendaProjects.agendaItemId))
		.where(and(eq(tafelAgendaItems.tafelId, id), eq(tafelAgendaItems.status, 'accepted')));
	const docs = [documentName.tafelNotes(id), ...bound.map((b) => documentName.project(b.projectId))];
	const { milestoneId } = await takeMilestone(docs, milestoneLabel(tafel.row.title, tafel.row.startsAt), { userId: actor.userId, name: actor.name, organisationId: actor.organisationId });
	await db().insert(tafelMinutes).values({ tafelId: id, status: 'draft', milestoneId });
	return { ok: true, milestoneId };
}

export type FinaliseResult = { ok: true } | { ok: false; reason: 'not-found' | 'forbidden' | 'final' };

/** Draft → final, once; afterwards the minutes and their comments are read-only. */
export async function finaliseMinutes(actor: Actor, id: string): Promise<FinaliseResult> {
	const tafel = await loadTafel(id);
	if (!tafel || !tafel.ref.minutes) return { ok: false, reason: 'not-found' };
	if (!can(actor, 'manage', tafelResource(tafel.ref))) return { ok: false, reason: 'forbidden' };
	if (!canFinaliseMinutes(actor, tafel.ref)) return { ok: false, reason: 'final' };
	const done = await db()
		.update(tafelMinutes)
		.set({ status: 'final', finalisedBy: actor.userId, finalisedAt: new Date() })
		.where(and(eq(tafelMinutes.tafelId, id), eq(tafelMinutes.status, 'draft')))
		.returning({ id: tafelMinutes.tafelId });
	return done.length ? { ok: true } : { ok: false, reason: 'final' };
}

export interface MinutesProject {
	id: string;
	code: string;
	title: string;
	/** The milestone version of the project taken on closing (null: none, e.g. bound later). */
	versionId: string | null;
}
export interface MinutesDecision {
	text: string;
	projects: string[];
}
export interface MinutesAction {
	text: string;
	organisation: string;
	/** The person it is assigned to; never in the public variant. */
	person: string | null;
	dueDate: string | null;
	status: 'open' | 'done';
	projects: string[];
}
export interface MinutesItem {
	title: string;
	minutes: number | null;
	note: string;
	projects: MinutesProject[];
	decisions: MinutesDecision[];
	actions: MinutesAction[];
	/** Minutes actually spent on it while the tafel ran live (its timer); null when it was not timed. */
	spentMinutes: number | null;
}
/** A dot-voting round held live, as revealed: options by dots, most first. */
export interface MinutesVote {
	item: string;
	dots: number;
	voters: number;
	result: { code: string; title: string; dots: number }[];
}
export interface MinutesThread {
	quote: string;
	resolved: boolean;
	comments: { author: string; organisation: string; body: string }[];
}
export interface Minutes {
	tafelId: string;
	title: string;
	startsAt: Date;
	durationMinutes: number;
	place: string;
	/** Dutch, for the exports; pages show the theme by id in the reader's language. */
	themeLabel: string;
	themeId: string;
	series: string;
	status: 'draft' | 'final';
	finalisedAt: Date | null;
	milestoneLabel: string;
	public: boolean;
	/** Who was there, by organisation; people's names only in the internal variant. */
	attendees: { organisation: string; people: string[] }[];
	items: MinutesItem[];
	/** Decisions and actions not tied to an agenda item. */
	other: MinutesItem | null;
	/** The notes as they were on closing; null when that version cannot be read. */
	notes: RichNode | null;
	notesBlocks: Description;
	/** Comment threads on the notes and minutes the reader may see; never in the public variant. */
	threads: MinutesThread[];
	votes: MinutesVote[];
	may: { finalise: boolean; comment: boolean };
}

/** About 30 pages of notes in a PDF or DOCX; layout shares the event loop with the collab server. */
export const NOTES_LIMIT = 60_000;

/** The notes in the milestone version: as rich text (page, Markdown) and as printable blocks (PDF, DOCX). */
async function notesOf(tafelId: string, milestoneId: string): Promise<{ text: RichNode; blocks: Description } | null> {
	const name = documentName.tafelNotes(tafelId);
	const [row] = await db().select({ id: docVersions.id }).from(docVersions).where(and(eq(docVersions.docName, name), eq(docVersions.milestoneId, milestoneId)));
	if (!row) return null;
	const version = await getVersion(name, row.id);
	if (!version) return null;
	const doc = new Y.Doc();
	try {
		Y.applyUpdate(doc, version.state);
		return { text: readVersion('tafel-notes', version.state).text, blocks: descriptionBlocks(doc, NOTES_LIMIT, 'tafel-notes') };
	} catch (err) {
		log.warn({ doc: name, err: String(err) }, 'notes version not readable for the minutes');
		return null;
	} finally {
		doc.destroy();
	}
}

/**
 * Who was there, by organisation: the people ticked present, and the organisations that
 * answered present or represented (an organisation may be there without an account).
 */
async function attendeesOf(tafelId: string, publicVariant: boolean): Promise<Minutes['attendees']> {
	const present = await db()
		.select({ organisation: organisations.name, name: users.name })
		.from(tafelAttendance)
		.innerJoin(organisations, eq(organisations.id, tafelAttendance.organisationId))
		.innerJoin(users, eq(users.id, tafelAttendance.userId))
		.where(and(eq(tafelAttendance.tafelId, tafelId), eq(tafelAttendance.present, true)));
	const answered = await db()
		.select({ organisation: organisations.name })
		.from(tafelInvitations)
		.innerJoin(organisations, eq(organisations.id, tafelInvitations.organisationId))
		.where(and(eq(tafelInvitations.tafelId, tafelId), inArray(tafelInvitations.response, ['present', 'represented'])));
	const byOrganisation = new Map<string, string[]>();
	for (const r of [...present, ...answered.map((a) => ({ organisation: a.organisation, name: '' }))]) {
		const people = byOrganisation.get(r.organisation) ?? [];
		if (r.name && !publicVariant && !people.includes(r.name)) people.push(r.name);
		byOrganisation.set(r.organisation, people);
	}
	return [...byOrganisation].sort(([a], [b]) => a.localeCompare(b, 'nl')).map(([organisation, people]) => ({ organisation, people: people.sort((a, b) => a.localeCompare(b, 'nl')) }));
}

/**
 * The minutes of a closed tafel as this actor may read them; null when there are none
 * (not closed, unknown, unreadable). Projects the actor may not see are left out; the
 * public variant also leaves out concept projects, person names, e-mail addresses and
 * every comment thread.
 */
export async function getMinutes(actor: Actor, id: string, options: { public: boolean }): Promise<Minutes | null> {
	const tafel = await loadTafel(id);
	if (!tafel || !can(actor, 'read', tafelResource(tafel.ref))) return null;
	const [minutes] = await db().select().from(tafelMinutes).where(eq(tafelMinutes.tafelId, id));
	if (!minutes) return null;
	const pub = options.public;
	const names = pub ? (await db().select({ name: users.name }).from(users)).map((u) => u.name) : [];
	const representatives = pub ? (await db().select({ name: tafelInvitations.representedBy }).from(tafelInvitations).where(eq(tafelInvitations.tafelId, id))).map((r) => r.name) : [];
	const redact = pub ? redactor([...names, ...representatives]) : null;
	const fix = redact ?? ((s: string) => s);

	const items = await db().select().from(tafelAgendaItems).where(and(eq(tafelAgendaItems.tafelId, id), eq(tafelAgendaItems.status, 'accepted'))).orderBy(asc(tafelAgendaItems.position));
	const bound = items.length
		? await db()
				.select({ agendaItemId: tafelAgendaProjects.agendaItemId, project: projects })
				.from(tafelAgendaProjects)
				.innerJoin(projects, eq(projects.id, tafelAgendaProjects.projectId))
				.where(inArray(tafelAgendaProjects.agendaItemId, items.map((i) => i.id)))
				.orderBy(asc(projects.code))
		: [];
	const shown = bound.filter((b) => canSeeReference(actor, asResource(b.project)) && (!pub || b.project.visibility === 'platform'));
	const versions = await db()
		.select({ id: docVersions.id, docName: docVersions.docName })
		.from(docVersions)
		.where(eq(docVersions.milestoneId, minutes.milestoneId));
	const versionOf = (projectId: string) => versions.find((v) => v.docName === documentName.project(projectId))?.id ?? null;
	const publicCodes = new Set(shown.map((b) => b.project.code));
	const codes = (list: { code: string }[]) => list.map((p) => p.code).filter((c) => !pub || publicCodes.has(c));

	const [decisions, actions] = await Promise.all([listDecisions(actor, id), listActions(actor, { tafelId: id })]);
	const recordsFor = (itemId: string | null) => ({
		decisions: decisions.filter((d) => d.agendaItemId === itemId).map((d) => ({ text: fix(d.text), projects: codes(d.projects) })),
		actions: actions
			.filter((a) => a.agendaItemId === itemId)
			.reverse()
			.map((a) => ({ text: fix(a.text), organisation: a.ownerOrganisationName, person: pub ? null : a.ownerUserName, dueDate: a.dueDate, status: a.status, projects: codes(a.projects) }))
	});
	const itemIds = new Set(items.map((i) => i.id));
	const loose = { decisions: decisions.filter((d) => !d.agendaItemId || !itemIds.has(d.agendaItemId)), actions: actions.filter((a) => !a.agendaItemId || !itemIds.has(a.agendaItemId)) };
	const other: MinutesItem | null =
		loose.decisions.length || loose.actions.length
			? {
					title: 'Overig', minutes: null, note: '', projects: [], spentMinutes: null,
					decisions: loose.decisions.map((d) => ({ text: fix(d.text), projects: codes(d.projects) })),
					actions: loose.actions.map((a) => ({ text: fix(a.text), organisation: a.ownerOrganisationName, person: pub ? null : a.ownerUserName, dueDate: a.dueDate, status: a.status, projects: codes(a.projects) }))
				}
			: null;

	const notes = await notesOf(id, minutes.milestoneId);
	const live = await liveRecord(id, tafel.row.closedAt ?? new Date());
	const threads = pub ? null : await listThreads(actor, documentName.tafelNotes(id));
	const r = tafel.row;
	return {
		tafelId: id, title: fix(r.title), startsAt: r.startsAt, durationMinutes: r.durationMinutes, place: fix(r.place),
		themeLabel: LOOKUP.themes.get(r.themeId)?.label ?? '', themeId: r.themeId, series: r.series, status: minutes.status, finalisedAt: minutes.finalisedAt,
		milestoneLabel: milestoneLabel(r.title, r.startsAt),
		public: pub,
		attendees: await attendeesOf(id, pub),
		items: items.map((item) => ({
			title: fix(item.title), minutes: item.minutes, note: fix(item.note),
			projects: shown.filter((b) => b.agendaItemId === item.id).map(({ project: p }) => ({ id: p.id, code: p.code, title: fix(p.title), versionId: versionOf(p.id) })),
			...recordsFor(item.id),
			spentMinutes: live.spentMinutes.get(item.id) ?? null
		})),
		votes: live.votes.map((v) => ({ item: fix(items.find((i) => i.id === v.agendaItemId)?.title ?? ''), dots: v.dots, voters: v.voters, result: v.result.map((r) => ({ ...r, title: fix(r.title) })) })),
		other,
		notes: notes && redact ? redactNode(notes.text, redact) : (notes?.text ?? null),
		notesBlocks: notes ? { truncated: notes.blocks.truncated, blocks: redact ? redactBlocks(notes.blocks.blocks, redact) : notes.blocks.blocks } : { blocks: [], truncated: false },
		threads: (threads?.threads ?? []).map((t) => ({ quote: t.quote, resolved: t.resolved, comments: t.comments.map((c) => ({ author: c.authorName, organisation: c.authorOrganisation, body: commentText(c.body) })) })),
		may: { finalise: canFinaliseMinutes(actor, tafel.ref), comment: can(actor, 'comment', { kind: 'document', docKind: 'tafel-notes', tafel: tafel.ref }) }
	};
}
