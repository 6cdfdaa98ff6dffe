/**
 * What a brede tafel records while its notes are written: decisions and actions, each
 * tied to an agenda item and to projects, which land on those projects' timelines; the
 * owners' "Mijn acties" with its open/done toggle; and who was present.
 */
import { and, desc, eq, inArray, or } from 'drizzle-orm';
import { can, canCompleteAction, canSeeReference, isInvited, type Actor } from '../../domain/permissions.ts';
import { checkText, isCalendarDay, type TafelProblem } from '../../domain/tafel.ts';
import { db, type Db } from '../db/client.ts';
import { organisations, projectEvents, projects, tafelActionProjects, tafelActions, tafelAgendaItems, tafelAgendaProjects, tafelAttendance, tafelDecisionProjects, tafelDecisions, tafels, users } from '../db/schema.ts';
import { generateId } from '../auth/tokens.ts';
import { events } from '../events.ts';
import { announce, notifyTafel } from './notifications.ts';
import { loadTafel, tafelResource, type LoadedTafel } from './tafel-ref.ts';
import { asResource } from './projects.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Who = Actor & { name: string };
export type RecordResult = { ok: true; id: string } | { ok: false; reason: 'not-found' | 'forbidden' } | { ok: false; reason: 'invalid'; errors: Record<string, TafelProblem | 'bad-item' | 'bad-organisation' | 'bad-person' | 'bad-project'> };

interface Tied {
	tafel: LoadedTafel;
	agendaItemId: string;
	/** The projects linked, all bound to the agenda item. */
	projectIds: string[];
}

/** The tafel (managed by the actor), its agenda item, and linked projects from among the item's. */
async function tie(actor: Actor, tafelId: string, agendaItemId: string, projectIds: string[]): Promise<Tied | { ok: false; reason: 'not-found' | 'forbidden' } | { errors: Record<string, 'bad-item' | 'bad-project'> }> {
	const tafel = await loadTafel(tafelId);
	if (!tafel) return { ok: false, reason: 'not-found' };
	if (!can(actor, 'manage', tafelResource(tafel.ref))) return { ok: false, reason: 'forbidden' };
	const [item] = await db().select({ id: tafelAgendaItems.id }).from(tafelAgendaItems).where(and(eq(tafelAgendaItems.id, agendaItemId), eq(tafelAgendaItems.tafelId, tafelId), eq(tafelAgendaItems.status, 'accepted')));
	if (!item) return { errors: { agendaItemId: 'bad-item' } };
	const bound = await db().select({ projectId: tafelAgendaProjects.projectId }).from(tafelAgendaProjects).where(eq(tafelAgendaProjects.agendaItemId, agendaItemId));
	const wanted = [...new Set(projectIds)].slice(0, 20);
	if (wanted.some((id) => !bound.some((b) => b.projectId === id))) return { errors: { projects: 'bad-project' } };
	return { tafel, agendaItemId, projectIds: wanted };
}

/**
 * The timeline entries on each linked project; who and when are the event's own.
 * fromValue = the tafel's title; toValue = the tafel's id, for actions "id:organisation".
 */
async function onTimelines(tx: Tx, actor: Who, projectIds: string[], kind: string, values: { fromValue: string; toValue: string; note: string }): Promise<void> {
	if (!projectIds.length) return;
	await tx.insert(projectEvents).values(projectIds.map((projectId) => ({ projectId, kind, ...values, userId: actor.userId, userName: actor.name, organisationId: actor.organisationId })));
}

async function announceProjects(projectIds: string[]): Promise<void> {
	if (!projectIds.length) return;
	const rows = await db().select({ id: projects.id, ownerOrganisationId: projects.ownerOrganisationId, visibility: projects.visibility }).from(projects).where(inArray(projects.id, projectIds));
	for (const p of rows) events.publish({ type: 'project-changed', projectId: p.id, ownerOrganisationId: p.ownerOrganisationId, visibility: p.visibility });
}

/** A decision of the table, by the facilitator, on the linked projects' timelines. */
export async function recordDecision(actor: Who, tafelId: string, input: { agendaItemId: string; text: string; projectIds: string[] }): Promise<RecordResult> {
	const tied = await tie(actor, tafelId, input.agendaItemId, input.projectIds);
	if ('reason' in tied) return tied;
	const text = checkText(input.text, 2000, true);
	const errors = { ...('errors' in tied ? tied.errors : {}), ...(text.ok ? {} : { text: text.problem }) };
	if ('errors' in tied || !text.ok) return { ok: false, reason: 'invalid', errors };
	const id = `td-${generateId()}`;
	await db().transaction(async (tx) => {
		await tx.insert(tafelDecisions).values({ id, tafelId, agendaItemId: tied.agendaItemId, text: text.value, createdBy: actor.userId });
		if (tied.projectIds.length) await tx.insert(tafelDecisionProjects).values(tied.projectIds.map((projectId) => ({ decisionId: id, projectId })));
		await onTimelines(tx, actor, tied.projectIds, 'tafel-decision', { fromValue: tied.tafel.row.title, toValue: tafelId, note: text.value });
	});
	await announceProjects(tied.projectIds);
	return { ok: true, id };
}

/**
 * An action for an organisation (and optionally one of its people), by the facilitator:
 * on the linked projects' timelines, in the owners' inbox and "Mijn acties".
 */
export async function recordAction(actor: Who, tafelId: string, input: { agendaItemId: string; text: string; ownerOrganisationId: string; ownerUserId: string; dueDate: string; projectIds: string[] }): Promise<RecordResult> {
	const tied = await tie(actor, tafelId, input.agendaItemId, input.projectIds);
	if ('reason' in tied) return tied;
	const errors: Record<string, TafelProblem | 'bad-item' | 'bad-organisation' | 'bad-person' | 'bad-project'> = 'errors' in tied ? { ...tied.errors } : {};
	const text = checkText(input.text, 2000, true);
	if (!text.ok) errors.text = text.problem;
	const [organisation] = await db().select({ id: organisations.id, name: organisations.name }).from(organisations).where(and(eq(organisations.id, String(input.ownerOrganisationId).slice(0, 80)), eq(organisations.active, true)));
	if (!organisation) errors.ownerOrganisationId = 'bad-organisation';
	const ownerUserId = input.ownerUserId.trim() || null;
	if (ownerUserId && organisation) {
		const [person] = await db().select({ id: users.id }).from(users).where(and(eq(users.id, ownerUserId.slice(0, 80)), eq(users.organisationId, organisation.id), eq(users.active, true)));
		if (!person) errors.ownerUserId = 'bad-person';
	}
	const dueDate = input.dueDate.trim() || null;
	if (dueDate && !isCalendarDay(dueDate)) errors.dueDate = 'bad-date';
	if ('errors' in tied || !text.ok || !organisation || Object.keys(errors).length) return { ok: false, reason: 'invalid', errors };
	const id = `ta-${generateId()}`;
	const notified = await db().transaction(async (tx) => {
		await tx.insert(tafelActions).values({ id, tafelId, agendaItemId: tied.agendaItemId, text: text.value, ownerOrganisationId: organisation.id, ownerUserId, dueDate, createdBy: actor.userId });
		if (tied.projectIds.length) await tx.insert(tafelActionProjects).values(tied.projectIds.map((projectId) => ({ actionId: id, projectId })));
		await onTimelines(tx, actor, tied.projectIds, 'tafel-action', { fromValue: tied.tafel.row.title, toValue: `${tafelId}:${organisation.name}`, note: text.value });
		const owners = await tx.select({ id: users.id }).from(users).where(and(eq(users.organisationId, organisation.id), eq(users.active, true), inArray(users.role, ['member', 'participant', 'facilitator', 'admin'])));
		return notifyTafel(tx, actor, 'tafel-action', tafelId, id, [...owners.map((o) => o.id), ...(ownerUserId ? [ownerUserId] : [])]);
	});
	announce(notified);
	await announceProjects(tied.projectIds);
	return { ok: true, id };
}

/** Done or open again; who and when go on the linked projects' timelines. */
export async function setActionStatus(actor: Who, actionId: string, status: 'open' | 'done'): Promise<{ ok: true } | { ok: false; reason: 'not-found' | 'forbidden' }> {
	if (typeof actionId !== 'string' || actionId.length > 80) return { ok: false, reason: 'not-found' };
	const [row] = await db().select({ action: tafelActions, tafelTitle: tafels.title, organisationName: organisations.name }).from(tafelActions).innerJoin(tafels, eq(tafels.id, tafelActions.tafelId)).innerJoin(organisations, eq(organisations.id, tafelActions.ownerOrganisationId)).where(eq(tafelActions.id, actionId));
	if (!row) return { ok: false, reason: 'not-found' };
	if (!canCompleteAction(actor, row.action)) return { ok: false, reason: 'forbidden' };
	if (row.action.status === status) return { ok: true };
	const linked = (await db().select({ projectId: tafelActionProjects.projectId }).from(tafelActionProjects).where(eq(tafelActionProjects.actionId, actionId))).map((r) => r.projectId);
	await db().transaction(async (tx) => {
		await tx.update(tafelActions).set(status === 'done' ? { status, doneBy: actor.userId, doneAt: new Date() } : { status, doneBy: null, doneAt: null }).where(eq(tafelActions.id, actionId));
		await onTimelines(tx, actor, linked, status === 'done' ? 'tafel-action-done' : 'tafel-action-reopened', { fromValue: row.tafelTitle, toValue: `${row.action.tafelId}:${row.organisationName}`, note: row.action.text });
	});
	await announceProjects(linked);
	return { ok: true };
}

export interface ActionView {
	id: string;
	tafelId: string;
	tafelTitle: string;
	agendaItemId: string | null;
	text: string;
	ownerOrganisationId: string;
	ownerOrganisationName: string;
	ownerUserName: string | null;
	dueDate: string | null;
	status: 'open' | 'done';
	doneByName: string | null;
	doneAt: string | null;
	createdAt: string;
	projects: { id: string; code: string; title: string }[];
	canToggle: boolean;
}

/** Actions with names and linked projects (only those the actor may see), newest first. */
export async function listActions(actor: Actor, where: { tafelId?: string; mine?: boolean }): Promise<ActionView[]> {
	const condition = where.tafelId
		? eq(tafelActions.tafelId, where.tafelId)
		: or(eq(tafelActions.ownerOrganisationId, actor.organisationId), eq(tafelActions.ownerUserId, actor.userId));
	const rows = await db()
		.select({ action: tafelActions, tafelTitle: tafels.title, organisationName: organisations.name })
		.from(tafelActions)
		.innerJoin(tafels, eq(tafels.id, tafelActions.tafelId))
		.innerJoin(organisations, eq(organisations.id, tafelActions.ownerOrganisationId))
		.where(condition)
		.orderBy(desc(tafelActions.createdAt))
		.limit(500);
	if (!rows.length) return [];
	const ids = rows.map((r) => r.action.id);
	const linked = await db()
		.select({ actionId: tafelActionProjects.actionId, id: projects.id, code: projects.code, title: projects.title, ownerOrganisationId: projects.ownerOrganisationId, visibility: projects.visibility, archivedAt: projects.archivedAt })
		.from(tafelActionProjects)
		.innerJoin(projects, eq(projects.id, tafelActionProjects.projectId))
		.where(inArray(tafelActionProjects.actionId, ids));
	const people = [...new Set(rows.flatMap((r) => [r.action.ownerUserId, r.action.doneBy]).filter((x): x is string => !!x))];
	const names = new Map(people.length ? (await db().select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, people))).map((u) => [u.id, u.name]) : []);
	return rows.map(({ action: a, tafelTitle, organisationName }) => ({
		id: a.id, tafelId: a.tafelId, tafelTitle, agendaItemId: a.agendaItemId, text: a.text,
		ownerOrganisationId: a.ownerOrganisationId, ownerOrganisationName: organisationName,
		ownerUserName: a.ownerUserId ? (names.get(a.ownerUserId) ?? null) : null,
		dueDate: a.dueDate, status: a.status,
		doneByName: a.doneBy ? (names.get(a.doneBy) ?? null) : null, doneAt: a.doneAt?.toISOString() ?? null,
		createdAt: a.createdAt.toISOString(),
		projects: linked.filter((l) => l.actionId === a.id && canSeeReference(actor, asResource(l))).map((l) => ({ id: l.id, code: l.code, title: l.title })),
		canToggle: canCompleteAction(actor, a)
	}));
}

export interface DecisionView {
	id: string;
	agendaItemId: string | null;
	text: string;
	createdByName: string | null;
	createdAt: string;
	projects: { id: string; code: string; title: string }[];
}

export async function listDecisions(actor: Actor, tafelId: string): Promise<DecisionView[]> {
	const rows = await db().select({ decision: tafelDecisions, by: users.name }).from(tafelDecisions).leftJoin(users, eq(users.id, tafelDecisions.createdBy)).where(eq(tafelDecisions.tafelId, tafelId)).orderBy(tafelDecisions.createdAt);
	if (!rows.length) return [];
	const linked = await db()
		.select({ decisionId: tafelDecisionProjects.decisionId, id: projects.id, code: projects.code, title: projects.title, ownerOrganisationId: projects.ownerOrganisationId, visibility: projects.visibility, archivedAt: projects.archivedAt })
		.from(tafelDecisionProjects)
		.innerJoin(projects, eq(projects.id, tafelDecisionProjects.projectId))
		.where(inArray(tafelDecisionProjects.decisionId, rows.map((r) => r.decision.id)));
	return rows.map(({ decision: d, by }) => ({
		id: d.id, agendaItemId: d.agendaItemId, text: d.text, createdByName: by, createdAt: d.createdAt.toISOString(),
		projects: linked.filter((l) => l.decisionId === d.id && canSeeReference(actor, asResource(l))).map((l) => ({ id: l.id, code: l.code, title: l.title }))
	}));
}

/** The people who could be at the table, by organisation, and whether they were recorded present. */
export async function listAttendance(tafel: LoadedTafel) {
	const { invitedOrganisationIds, invitedUserIds } = tafel.ref;
	const people = await db()
		.select({ id: users.id, name: users.name, role: users.role, organisationId: users.organisationId, organisationName: organisations.name })
		.from(users)
		.innerJoin(organisations, eq(organisations.id, users.organisationId))
		.where(and(eq(users.active, true), or(invitedOrganisationIds.length ? inArray(users.organisationId, [...invitedOrganisationIds]) : undefined, invitedUserIds.length ? inArray(users.id, [...invitedUserIds]) : undefined)))
		.orderBy(organisations.name, users.name);
	const recorded = await db().select().from(tafelAttendance).where(eq(tafelAttendance.tafelId, tafel.row.id));
	return people
		.filter((p) => isInvited({ userId: p.id, organisationId: p.organisationId, role: p.role }, tafel.ref))
		.map((p) => ({ userId: p.id, name: p.name, organisationId: p.organisationId, organisationName: p.organisationName, present: recorded.find((r) => r.userId === p.id)?.present ?? false }));
}

/** The facilitator ticks who was there; everyone else invited is recorded absent. */
export async function recordAttendance(actor: Actor, tafelId: string, presentUserIds: string[]): Promise<{ ok: true } | { ok: false; reason: 'not-found' | 'forbidden' }> {
	const tafel = await loadTafel(tafelId);
	if (!tafel) return { ok: false, reason: 'not-found' };
	if (!can(actor, 'manage', tafelResource(tafel.ref))) return { ok: false, reason: 'forbidden' };
	const people = await listAttendance(tafel);
	const present = new Set(presentUserIds);
	if (!people.length) return { ok: true };
	const rows = people.map((p) => ({ tafelId, userId: p.userId, organisationId: p.organisationId, present: present.has(p.userId), recordedBy: actor.userId, recordedAt: new Date() }));
	await db().transaction(async (tx) => {
		await tx.delete(tafelAttendance).where(eq(tafelAttendance.tafelId, tafelId));
		await tx.insert(tafelAttendance).values(rows);
	});
	return { ok: true };
}
