/**
 * Brede tafels: creating and changing one, who is invited, their answers, and the list
 * of "Mijn tafels". The agenda is in tafels-agenda.ts, decisions/actions/attendance in
 * tafels-records.ts, the page's whole view in tafels-detail.ts. Every decision asks
 * domain/permissions.ts.
 */
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { can, canRespondToTafel, type Actor } from '../../domain/permissions.ts';
import { amsterdamToInstant, checkText, validateTafel, type TafelInput, type TafelProblem } from '../../domain/tafel.ts';
import { db, type Db } from '../db/client.ts';
import { organisations, tafelAgendaItems, tafelInvitations, tafels, users, type TafelResponse } from '../db/schema.ts';
import { generateId } from '../auth/tokens.ts';
import { announce, notifyTafel } from './notifications.ts';
import { loadTafel, tafelResource } from './tafel-ref.ts';

export { loadTafel, tafelResource };

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface TafelSummary {
	id: string;
	title: string;
	startsAt: string;
	durationMinutes: number;
	place: string;
	onlineLink: string;
	themeId: string;
	status: 'planned' | 'closed';
	agendaItems: number;
	invited: boolean;
}

/**
 * "Mijn tafels": the tafels the actor is invited to (in person or through their
 * organisation); facilitators and admins, who run them, see all. Upcoming first by date,
 * past newest first.
 */
export async function listTafels(actor: Actor): Promise<{ upcoming: TafelSummary[]; past: TafelSummary[]; all: boolean }> {
	const all = can(actor, 'manage', { kind: 'tafels' });
	const mine = or(
		eq(tafelInvitations.userId, actor.userId),
		actor.role === 'observer' ? sql`false` : and(isNull(tafelInvitations.userId), eq(tafelInvitations.organisationId, actor.organisationId))
	);
	const invitedIds = db().selectDistinct({ id: tafelInvitations.tafelId }).from(tafelInvitations).where(mine);
	const rows = await db()
		.select({
			tafel: tafels,
			// Qualified by hand: in a one-table select drizzle renders ${tafels.id} as a bare "id", which inside the subquery is the agenda item's own id.
			agendaItems: sql<number>`(select count(*)::int from ${tafelAgendaItems} where ${tafelAgendaItems.tafelId} = ${tafels}.${sql.identifier(tafels.id.name)} and ${tafelAgendaItems.status} = 'accepted')`,
			invited: sql<boolean>`${tafels.id} in ${invitedIds}`
		})
		.from(tafels)
		.where(all ? undefined : inArray(tafels.id, invitedIds))
		.orderBy(asc(tafels.startsAt))
		.limit(500);
	const now = Date.now();
	const summaries = rows.map(({ tafel: t, agendaItems, invited }) => ({
		id: t.id, title: t.title, startsAt: t.startsAt.toISOString(), durationMinutes: t.durationMinutes, place: t.place, onlineLink: t.onlineLink,
		themeId: t.themeId, status: t.status, agendaItems: Number(agendaItems), invited: Boolean(invited)
	}));
	// A tafel is past once it has ended, or once it is closed.
	const ended = (s: TafelSummary) => s.status === 'closed' || Date.parse(s.startsAt) + s.durationMinutes * 60_000 < now;
	return { upcoming: summaries.filter((s) => !ended(s)), past: summaries.filter(ended).reverse(), all };
}

export interface TafelFormInput extends TafelInput {
	organisationIds: string[];
	/** People invited in person, by e-mail address as typed. */
	people: string[];
}

export type SaveResult = { ok: true; id: string } | { ok: false; reason: 'forbidden' | 'not-found' } | { ok: false; reason: 'invalid'; errors: Record<string, TafelProblem | 'unknown-organisation' | 'unknown-person' | 'no-invitees'> };

/** The invitees as rows: known, active organisations and people; unknown ones are errors. */
async function resolveInvitees(input: TafelFormInput): Promise<{ organisationIds: string[]; people: { id: string; organisationId: string }[]; errors: Record<string, 'unknown-organisation' | 'unknown-person' | 'no-invitees'> }> {
	const errors: Record<string, 'unknown-organisation' | 'unknown-person' | 'no-invitees'> = {};
	const wantedOrgs = [...new Set(input.organisationIds.map((o) => o.slice(0, 80)))].slice(0, 100);
	const orgs = wantedOrgs.length ? await db().select({ id: organisations.id }).from(organisations).where(and(inArray(organisations.id, wantedOrgs), eq(organisations.active, true))) : [];
	if (orgs.length !== wantedOrgs.length) errors.organisationIds = 'unknown-organisation';
	const emails = [...new Set(input.people.map((p) => p.trim().toLowerCase()).filter(Boolean))].slice(0, 100);
	const people = emails.length
		? await db().select({ id: users.id, organisationId: users.organisationId, email: users.email }).from(users).where(and(inArray(sql`lower(${users.email})`, emails), eq(users.active, true)))
		: [];
	if (people.length !== emails.length) errors.people = 'unknown-person';
	if (!wantedOrgs.length && !emails.length) errors.organisationIds = 'no-invitees';
	return { organisationIds: orgs.map((o) => o.id), people: people.map((p) => ({ id: p.id, organisationId: p.organisationId })), errors };
}

/** Adds the invitations not there yet and notifies the people they newly reach. */
async function invite(tx: Tx, actor: Actor, tafelId: string, organisationIds: string[], people: { id: string; organisationId: string }[]): Promise<string[]> {
	const existing = await tx.select({ organisationId: tafelInvitations.organisationId, userId: tafelInvitations.userId }).from(tafelInvitations).where(eq(tafelInvitations.tafelId, tafelId));
	const newOrgs = organisationIds.filter((o) => !existing.some((e) => e.userId === null && e.organisationId === o));
	const newPeople = people.filter((p) => !existing.some((e) => e.userId === p.id));
	const rows = [
		...newOrgs.map((organisationId) => ({ id: `ti-${generateId()}`, tafelId, organisationId, userId: null })),
		...newPeople.map((p) => ({ id: `ti-${generateId()}`, tafelId, organisationId: p.organisationId, userId: p.id }))
	];
	if (rows.length) await tx.insert(tafelInvitations).values(rows);
	// Everyone the new invitations reach: people who take part in the invited organisations, and those invited in person.
	const reached = newOrgs.length
		? await tx.select({ id: users.id }).from(users).where(and(inArray(users.organisationId, newOrgs), eq(users.active, true), sql`${users.role} <> 'observer'`))
		: [];
	const recipients = [...new Set([...reached.map((u) => u.id), ...newPeople.map((p) => p.id)])];
	return notifyTafel(tx, actor, 'tafel-invitation', tafelId, null, recipients);
}

function rowValues(values: ReturnType<typeof validateTafel> & { ok: true }) {
	const v = values.value;
	return { title: v.title, startsAt: amsterdamToInstant(v.date, v.time), durationMinutes: v.durationMinutes, place: v.place, onlineLink: v.onlineLink, description: v.description, themeId: v.themeId, series: v.series };
}

/** Only facilitators and admins create a tafel; invitees hear of it in their inbox. */
export async function createTafel(actor: Actor, input: TafelFormInput): Promise<SaveResult> {
	if (!can(actor, 'edit', { kind: 'tafels' })) return { ok: false, reason: 'forbidden' };
	const checked = validateTafel(input);
	const invitees = await resolveInvitees(input);
	const errors = { ...(checked.ok ? {} : checked.errors), ...invitees.errors };
	if (!checked.ok || Object.keys(errors).length) return { ok: false, reason: 'invalid', errors };
	const id = generateId();
	const notified = await db().transaction(async (tx) => {
		await tx.insert(tafels).values({ id, ...rowValues(checked), createdBy: actor.userId });
		return invite(tx, actor, id, invitees.organisationIds, invitees.people);
	});
	announce(notified);
	return { ok: true, id };
}

/**
 * Changing a tafel: its details, and invitations added (nobody is un-invited here, so no
 * answer or notification is lost; removing is for a later version).
 */
export async function updateTafel(actor: Actor, id: string, input: TafelFormInput): Promise<SaveResult> {
	const tafel = await loadTafel(id);
	if (!tafel) return { ok: false, reason: 'not-found' };
	if (!can(actor, 'manage', tafelResource(tafel.ref))) return { ok: false, reason: 'forbidden' };
	const checked = validateTafel(input);
	const invitees = await resolveInvitees({ ...input, organisationIds: [...input.organisationIds, ...tafel.ref.invitedOrganisationIds] });
	const errors = { ...(checked.ok ? {} : checked.errors), ...invitees.errors };
	if (!checked.ok || Object.keys(errors).length) return { ok: false, reason: 'invalid', errors };
	const notified = await db().transaction(async (tx) => {
		await tx.update(tafels).set({ ...rowValues(checked), updatedAt: new Date() }).where(eq(tafels.id, id));
		return invite(tx, actor, id, invitees.organisationIds, invitees.people);
	});
	announce(notified);
	return { ok: true, id };
}

export const RESPONSES: readonly TafelResponse[] = ['present', 'absent', 'represented'];
export type RespondResult = { ok: true } | { ok: false; reason: 'not-found' | 'forbidden' | 'invalid'; field?: string; problem?: TafelProblem | 'bad-response' };

/**
 * An invitee answers: for themselves when invited in person, otherwise for their
 * organisation's invitation (one answer per organisation, the latest counts).
 */
export async function respondToTafel(actor: Actor, id: string, response: string, representedBy: string): Promise<RespondResult> {
	const tafel = await loadTafel(id);
	if (!tafel) return { ok: false, reason: 'not-found' };
	if (!canRespondToTafel(actor, tafel.ref)) return { ok: false, reason: 'forbidden' };
	if (!RESPONSES.includes(response as TafelResponse)) return { ok: false, reason: 'invalid', field: 'response', problem: 'bad-response' };
	const name = checkText(representedBy, 200, response === 'represented');
	if (!name.ok) return { ok: false, reason: 'invalid', field: 'representedBy', problem: name.problem };
	const personal = tafel.ref.invitedUserIds.includes(actor.userId);
	const which = personal
		? and(eq(tafelInvitations.tafelId, id), eq(tafelInvitations.userId, actor.userId))
		: and(eq(tafelInvitations.tafelId, id), isNull(tafelInvitations.userId), eq(tafelInvitations.organisationId, actor.organisationId));
	await db()
		.update(tafelInvitations)
		.set({ response: response as TafelResponse, representedBy: response === 'represented' ? name.value : '', respondedBy: actor.userId, respondedAt: new Date() })
		.where(which);
	return { ok: true };
}

/** Invitations with names and answers, organisations first. */
export async function listInvitations(id: string) {
	const rows = await db()
		.select({
			id: tafelInvitations.id,
			organisationId: tafelInvitations.organisationId,
			organisationName: organisations.name,
			organisationAbbreviation: organisations.abbreviation,
			userId: tafelInvitations.userId,
			response: tafelInvitations.response,
			representedBy: tafelInvitations.representedBy,
			respondedBy: tafelInvitations.respondedBy,
			respondedAt: tafelInvitations.respondedAt
		})
		.from(tafelInvitations)
		.innerJoin(organisations, eq(organisations.id, tafelInvitations.organisationId))
		.where(eq(tafelInvitations.tafelId, id))
		.orderBy(sql`${tafelInvitations.userId} is not null`, asc(organisations.name));
	const ids = [...new Set(rows.flatMap((r) => [r.userId, r.respondedBy]).filter((x): x is string => !!x))];
	const names = new Map(ids.length ? (await db().select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids))).map((u) => [u.id, u.name]) : []);
	return rows.map((r) => ({
		id: r.id,
		organisationId: r.organisationId,
		organisationName: r.organisationName,
		organisationAbbreviation: r.organisationAbbreviation,
		userId: r.userId,
		userName: r.userId ? (names.get(r.userId) ?? '') : null,
		response: r.response,
		representedBy: r.representedBy,
		respondedByName: r.respondedBy ? (names.get(r.respondedBy) ?? '') : null,
		respondedAt: r.respondedAt?.toISOString() ?? null
	}));
}
export type InvitationView = Awaited<ReturnType<typeof listInvitations>>[number];

/** The organisations and people a facilitator can invite (active ones). */
export async function inviteOptions() {
	const orgs = await db().select({ id: organisations.id, name: organisations.name, abbreviation: organisations.abbreviation, type: organisations.type }).from(organisations).where(eq(organisations.active, true)).orderBy(asc(organisations.name));
	return orgs;
}

/** For the edit form: the tafel's stored values and who is invited in person. */
export async function tafelForEdit(actor: Actor, id: string) {
	const tafel = await loadTafel(id);
	if (!tafel || !can(actor, 'manage', tafelResource(tafel.ref))) return null;
	const people = tafel.ref.invitedUserIds.length ? await db().select({ email: users.email }).from(users).where(inArray(users.id, [...tafel.ref.invitedUserIds])).orderBy(asc(users.email)) : [];
	return { row: tafel.row, organisationIds: [...tafel.ref.invitedOrganisationIds], people: people.map((p) => p.email) };
}
