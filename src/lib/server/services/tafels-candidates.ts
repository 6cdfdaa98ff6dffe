/**
 * Agenda candidates offered to the facilitator while preparing a tafel: open actions of
 * the previous tafel of the same series, open threads on the projects of the tafel's
 * theme or agenda (only those the facilitator may see), projects changed since the
 * previous tafel's milestone, and links proposed between projects of different
 * provinces. Each becomes an agenda item with one click (the ordinary addItem action).
 */
import { and, asc, desc, eq, gt, inArray, isNull, lt, ne, or } from 'drizzle-orm';
import { can, canSeeReference, canSeeThread, type Actor } from '../../domain/permissions.ts';
import { documentName } from '../../collab/documents.ts';
import { db } from '../db/client.ts';
import { commentThreads, comments, docVersions, projectLinks, projects, tafelActionProjects, tafelActions, tafelAgendaItems, tafelAgendaProjects, tafelMinutes, tafels, organisations } from '../db/schema.ts';
import { plainText } from '../../domain/comment-body.ts';
import { loadTafel, tafelResource } from './tafel-ref.ts';
import { asResource } from './projects.ts';

export type CandidateKind = 'action' | 'thread' | 'changed' | 'link';

export interface AgendaCandidate {
	key: string;
	kind: CandidateKind;
	title: string;
	note: string;
	/** Project codes, as the agenda form takes them. */
	projects: string;
}

const PER_KIND = 8;
const dutchDay = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' });
const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The tafel of the same series that started last before this one. */
export async function previousInSeries(series: string, startsAt: Date, id: string) {
	if (!series) return null;
	const [row] = await db().select().from(tafels).where(and(eq(tafels.series, series), lt(tafels.startsAt, startsAt), ne(tafels.id, id))).orderBy(desc(tafels.startsAt)).limit(1);
	return row ?? null;
}

async function boundProjectIds(tafelId: string): Promise<string[]> {
	const rows = await db()
		.selectDistinct({ id: tafelAgendaProjects.projectId })
		.from(tafelAgendaProjects)
		.innerJoin(tafelAgendaItems, eq(tafelAgendaItems.id, tafelAgendaProjects.agendaItemId))
		.where(and(eq(tafelAgendaItems.tafelId, tafelId), eq(tafelAgendaItems.status, 'accepted')));
	return rows.map((r) => r.id);
}

/** null = no such tafel or not the actor's to prepare (only those who manage a planned tafel get candidates). */
export async function agendaCandidates(actor: Actor, id: string): Promise<AgendaCandidate[] | null> {
	const tafel = await loadTafel(id);
	if (!tafel || !can(actor, 'manage', tafelResource(tafel.ref)) || tafel.ref.status !== 'planned') return null;
	const previous = await previousInSeries(tafel.row.series, tafel.row.startsAt, id);
	const out: AgendaCandidate[] = [];

	// Open actions of the previous tafel carry over.
	if (previous) {
		const open = await db()
			.select({ action: tafelActions, organisation: organisations.name })
			.from(tafelActions)
			.innerJoin(organisations, eq(organisations.id, tafelActions.ownerOrganisationId))
			.where(and(eq(tafelActions.tafelId, previous.id), eq(tafelActions.status, 'open')))
			.orderBy(asc(tafelActions.createdAt))
			.limit(PER_KIND);
		const linked = open.length
			? await db().select({ actionId: tafelActionProjects.actionId, project: projects }).from(tafelActionProjects).innerJoin(projects, eq(projects.id, tafelActionProjects.projectId)).where(inArray(tafelActionProjects.actionId, open.map((o) => o.action.id)))
			: [];
		for (const { action, organisation } of open) {
			const codes = linked.filter((l) => l.actionId === action.id && canSeeReference(actor, asResource(l.project))).map((l) => l.project.code);
			out.push({ key: `action-${action.id}`, kind: 'action', title: cut(`Actie: ${action.text}`, 200), note: `Open actie van ${previous.title} voor ${organisation}${action.dueDate ? `, uiterlijk ${dutchDay.format(new Date(`${action.dueDate}T00:00:00Z`))}` : ''}.`, projects: codes.join(', ') });
		}
	}

	// The projects this tafel is about: its theme's, those on its agenda, and those of the previous tafel's agenda.
	// Only shared (platform) projects: a candidate's text goes onto an agenda every invitee
	// reads, so a concept project of the facilitator's own organisation must not be named there.
	const bound = await boundProjectIds(id);
	const previousBound = previous ? await boundProjectIds(previous.id) : [];
	const pool = (
		await db()
			.select()
			.from(projects)
			.where(and(isNull(projects.archivedAt), eq(projects.visibility, 'platform'), or(...[tafel.row.themeId ? eq(projects.themeId, tafel.row.themeId) : undefined, bound.length || previousBound.length ? inArray(projects.id, [...bound, ...previousBound]) : undefined].filter((c) => c !== undefined))))
			.orderBy(asc(projects.code))
			.limit(300)
	).filter((p) => canSeeReference(actor, asResource(p)));
	if (!pool.length) return out;
	const byId = new Map(pool.map((p) => [p.id, p]));

	// Open platform threads (an organisation's internal threads never become agenda text); those on projects of the agenda first.
	const threads = await db()
		.select()
		.from(commentThreads)
		.where(and(inArray(commentThreads.projectId, [...byId.keys()]), isNull(commentThreads.resolvedAt), eq(commentThreads.visibility, 'platform')))
		.orderBy(desc(commentThreads.lastActivityAt))
		.limit(200);
	const visible = threads
		.filter((t) => t.projectId && canSeeThread(actor, t, asResource(byId.get(t.projectId)!)))
		.sort((a, b) => Number(bound.includes(b.projectId!)) - Number(bound.includes(a.projectId!)))
		.slice(0, PER_KIND);
	const firsts = visible.length ? await db().select({ threadId: comments.threadId, body: comments.body, createdAt: comments.createdAt }).from(comments).where(and(inArray(comments.threadId, visible.map((t) => t.id)), isNull(comments.deletedAt))).orderBy(asc(comments.createdAt)) : [];
	for (const t of visible) {
		const p = byId.get(t.projectId!)!;
		const first = firsts.find((c) => c.threadId === t.id);
		out.push({ key: `thread-${t.id}`, kind: 'thread', title: cut(`Open discussie bij ${p.code} · ${p.title}`, 200), note: cut(first ? plainText(first.body) : t.quote, 2000), projects: p.code });
	}

	// Projects changed since the previous tafel's milestone (a version taken after it).
	if (previous) {
		const [minutes] = await db().select({ milestoneId: tafelMinutes.milestoneId }).from(tafelMinutes).where(eq(tafelMinutes.tafelId, previous.id));
		const [milestone] = minutes ? await db().select({ at: docVersions.createdAt }).from(docVersions).where(eq(docVersions.milestoneId, minutes.milestoneId)).orderBy(asc(docVersions.createdAt)).limit(1) : [];
		const since = milestone?.at ?? previous.closedAt ?? previous.startsAt;
		const names = pool.map((p) => documentName.project(p.id));
		const changed = await db()
			.selectDistinct({ docName: docVersions.docName })
			.from(docVersions)
			.where(and(inArray(docVersions.docName, names), gt(docVersions.createdAt, since), or(isNull(docVersions.milestoneId), ne(docVersions.milestoneId, minutes?.milestoneId ?? ''))))
			.limit(PER_KIND);
		for (const { docName } of changed) {
			const p = pool.find((x) => documentName.project(x.id) === docName);
			if (p) out.push({ key: `changed-${p.id}`, kind: 'changed', title: cut(`Gewijzigd: ${p.code} · ${p.title}`, 200), note: `Gewijzigd sinds ${previous.title}.`, projects: p.code });
		}
	}

	// Links proposed between projects of different provinces.
	const ids = [...byId.keys()];
	const links = await db()
		.select()
		.from(projectLinks)
		.where(and(or(inArray(projectLinks.fromProjectId, ids), inArray(projectLinks.toProjectId, ids)), previous ? gt(projectLinks.createdAt, previous.startsAt) : undefined))
		.orderBy(desc(projectLinks.createdAt))
		.limit(100);
	const others = links.flatMap((l) => [l.fromProjectId, l.toProjectId]).filter((x) => !byId.has(x));
	const extra = others.length ? (await db().select().from(projects).where(inArray(projects.id, others))).filter((p) => canSeeReference(actor, asResource(p))) : [];
	for (const p of extra) byId.set(p.id, p);
	let linkCount = 0;
	for (const l of links) {
		const [a, b] = [byId.get(l.fromProjectId), byId.get(l.toProjectId)];
		if (!a || !b || linkCount >= PER_KIND) continue;
		if (!a.provinces.length || !b.provinces.length || a.provinces.some((x) => b.provinces.includes(x))) continue;
		linkCount++;
		out.push({ key: `link-${l.id}`, kind: 'link', title: cut(`Koppeling ${a.code} – ${b.code}`, 200), note: cut(`${a.title} (${a.provinces.join(', ')}) en ${b.title} (${b.provinces.join(', ')})${l.note ? `: ${l.note}` : ''}`, 2000), projects: `${a.code}, ${b.code}` });
	}

	// What is already on the agenda is not offered again.
	const onAgenda = new Set((await db().select({ title: tafelAgendaItems.title }).from(tafelAgendaItems).where(eq(tafelAgendaItems.tafelId, id))).map((r) => r.title));
	return out.filter((c) => !onAgenda.has(c.title));
}
