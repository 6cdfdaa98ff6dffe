/**
 * A brede tafel as its page and the JSON API show it: details, invitations and answers,
 * the agenda with the bound projects' key fields and open thread counts, proposals,
 * decisions and actions per item, attendance, and what the reader may do.
 */
import { and, asc, count, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { can, canRespondToTafel, canSeeReference, type Actor } from '../../domain/permissions.ts';
import { LOOKUP } from '../../domain/reference.ts';
import { db } from '../db/client.ts';
import { commentThreads, docVersions, organisations, projectLinks, projects, tafelAgendaItems, tafelAgendaProjects, tafelMinutes, users } from '../db/schema.ts';
import { documentName } from '../../collab/documents.ts';
import { previousInSeries } from './tafels-candidates.ts';
import { loadTafel, tafelResource, type LoadedTafel } from './tafel-ref.ts';
import { listInvitations, type InvitationView } from './tafels.ts';
import { listActions, listAttendance, listDecisions, type ActionView, type DecisionView } from './tafels-records.ts';
import { asResource } from './projects.ts';

export interface BoundProject {
	id: string;
	code: string;
	title: string;
	status: string;
	phase: string;
	ownerAbbreviation: string;
	provinces: string[];
	totalBudget: number | null;
	openThreads: number;
	/** Its milestone version from the previous tafel of the series (closed), to compare with now; null when there is none. */
	sincePrevious: { versionId: string; tafelTitle: string; versionsSince: number } | null;
	/** The coupling the item is about, when it binds two coupled projects. */
	linkType: string | null;
}

export interface AgendaItemView {
	id: string;
	position: number;
	title: string;
	minutes: number | null;
	note: string;
	status: 'proposed' | 'accepted' | 'declined';
	proposedByName: string | null;
	proposedByMe: boolean;
	projects: BoundProject[];
}

export interface TafelDetail {
	id: string;
	title: string;
	startsAt: string;
	durationMinutes: number;
	place: string;
	onlineLink: string;
	description: string;
	themeId: string;
	themeLabel: string;
	series: string;
	status: 'planned' | 'closed';
	createdByName: string | null;
	invitations: InvitationView[];
	agenda: AgendaItemView[];
	proposals: AgendaItemView[];
	decisions: DecisionView[];
	actions: ActionView[];
	attendance: Awaited<ReturnType<typeof listAttendance>>;
	may: { manage: boolean; propose: boolean; respond: boolean; comment: boolean; edit: boolean };
	/** The invitation the reader answers (in person, else their organisation's). */
	myInvitationId: string | null;
}

/** Open threads per project that this reader may see (shared ones, and their own organisation's internal ones). */
async function openThreadCounts(actor: Actor, projectIds: string[]): Promise<Map<string, number>> {
	if (!projectIds.length) return new Map();
	const rows = await db()
		.select({ projectId: commentThreads.projectId, n: count() })
		.from(commentThreads)
		.where(and(inArray(commentThreads.projectId, projectIds), isNull(commentThreads.resolvedAt), or(eq(commentThreads.visibility, 'platform'), eq(commentThreads.organisationId, actor.organisationId))))
		.groupBy(commentThreads.projectId);
	return new Map(rows.map((r) => [r.projectId ?? '', Number(r.n)]));
}

/**
 * What changed in each project since the previous tafel of the series: the milestone
 * version that tafel's closing took of it, and how many versions came after.
 */
async function sincePreviousTafel(tafel: LoadedTafel, projectIds: string[]): Promise<Map<string, BoundProject['sincePrevious']>> {
	const out = new Map<string, BoundProject['sincePrevious']>();
	if (!projectIds.length) return out;
	const previous = await previousInSeries(tafel.row.series, tafel.row.startsAt, tafel.row.id);
	if (!previous) return out;
	const [minutes] = await db().select({ milestoneId: tafelMinutes.milestoneId }).from(tafelMinutes).where(eq(tafelMinutes.tafelId, previous.id));
	if (!minutes) return out;
	const names = new Map(projectIds.map((id) => [documentName.project(id), id]));
	const milestones = await db()
		.select({ id: docVersions.id, docName: docVersions.docName, createdAt: docVersions.createdAt })
		.from(docVersions)
		.where(and(eq(docVersions.milestoneId, minutes.milestoneId), inArray(docVersions.docName, [...names.keys()])));
	for (const v of milestones) {
		const [{ n }] = await db().select({ n: sql<number>`count(*)::int` }).from(docVersions).where(and(eq(docVersions.docName, v.docName), gt(docVersions.createdAt, v.createdAt)));
		out.set(names.get(v.docName)!, { versionId: v.id, tafelTitle: previous.title, versionsSince: n });
	}
	return out;
}

async function agendaOf(actor: Actor, tafel: LoadedTafel, manages: boolean): Promise<AgendaItemView[]> {
	const items = await db()
		.select({ item: tafelAgendaItems, by: users.name })
		.from(tafelAgendaItems)
		.leftJoin(users, eq(users.id, tafelAgendaItems.proposedBy))
		.where(eq(tafelAgendaItems.tafelId, tafel.row.id))
		.orderBy(asc(tafelAgendaItems.position), asc(tafelAgendaItems.createdAt));
	// A declined proposal stays visible to whoever proposed it and to those who decide.
	const visible = items.filter(({ item }) => item.status !== 'declined' || manages || item.proposedBy === actor.userId);
	const bound = visible.length
		? await db()
				.select({ agendaItemId: tafelAgendaProjects.agendaItemId, project: projects, ownerAbbreviation: organisations.abbreviation, linkType: projectLinks.type })
				.from(tafelAgendaProjects)
				.innerJoin(projects, eq(projects.id, tafelAgendaProjects.projectId))
				.innerJoin(organisations, eq(organisations.id, projects.ownerOrganisationId))
				.leftJoin(projectLinks, eq(projectLinks.id, tafelAgendaProjects.linkId))
				.where(inArray(tafelAgendaProjects.agendaItemId, visible.map((v) => v.item.id)))
				.orderBy(asc(projects.code))
		: [];
	const seen = bound.filter((b) => canSeeReference(actor, asResource(b.project)));
	const seenIds = [...new Set(seen.map((b) => b.project.id))];
	const [threads, since] = await Promise.all([openThreadCounts(actor, seenIds), sincePreviousTafel(tafel, seenIds)]);
	return visible.map(({ item, by }) => ({
		id: item.id, position: item.position, title: item.title, minutes: item.minutes, note: item.note, status: item.status,
		proposedByName: by, proposedByMe: item.proposedBy === actor.userId,
		projects: seen
			.filter((b) => b.agendaItemId === item.id)
			.map(({ project: p, ownerAbbreviation, linkType }) => ({
				id: p.id, code: p.code, title: p.title, status: p.status, phase: p.phase, ownerAbbreviation, provinces: p.provinces,
				totalBudget: p.totalBudget, openThreads: threads.get(p.id) ?? 0, sincePrevious: since.get(p.id) ?? null, linkType
			}))
	}));
}

/** null = no such tafel (every platform user may read an existing one: permissions.ts). */
export async function getTafelDetail(actor: Actor, id: string): Promise<TafelDetail | null> {
	const tafel = await loadTafel(id);
	if (!tafel) return null;
	const resource = tafelResource(tafel.ref);
	if (!can(actor, 'read', resource)) return null;
	const manages = can(actor, 'manage', resource);
	const [items, invitations, decisions, actions, attendance, creator] = await Promise.all([
		agendaOf(actor, tafel, manages),
		listInvitations(id),
		listDecisions(actor, id),
		listActions(actor, { tafelId: id }),
		listAttendance(tafel),
		tafel.row.createdBy ? db().select({ name: users.name }).from(users).where(eq(users.id, tafel.row.createdBy)) : Promise.resolve([])
	]);
	const personal = invitations.find((i) => i.userId === actor.userId);
	const organisational = invitations.find((i) => i.userId === null && i.organisationId === actor.organisationId);
	const respond = canRespondToTafel(actor, tafel.ref);
	const r = tafel.row;
	return {
		id: r.id, title: r.title, startsAt: r.startsAt.toISOString(), durationMinutes: r.durationMinutes, place: r.place, onlineLink: r.onlineLink,
		description: r.description, themeId: r.themeId, themeLabel: LOOKUP.themes.get(r.themeId)?.label ?? '', series: r.series, status: r.status,
		createdByName: creator[0]?.name ?? null,
		invitations,
		agenda: items.filter((i) => i.status === 'accepted'),
		proposals: items.filter((i) => i.status !== 'accepted'),
		decisions, actions,
		attendance: manages ? attendance : attendance.filter((a) => a.present),
		may: {
			manage: manages,
			propose: !manages && can(actor, 'comment', resource),
			respond,
			comment: can(actor, 'comment', resource),
			edit: can(actor, 'edit', resource)
		},
		myInvitationId: respond ? ((personal ?? organisational)?.id ?? null) : null
	};
}
