/**
 * Reads the live state of a brede tafel from the database, as everyone at the table may
 * see it, plus the parts for the facilitator and for one voter. The only reader of the
 * live tables; `tafel-live.ts` changes them and publishes what this returns.
 */
import { and, asc, count, countDistinct, eq, gt, isNull, sql } from 'drizzle-orm';
import { can, canTafelLive, isInvited, type Actor } from '../../domain/permissions.ts';
import { LIVE_REACTIONS, type LiveReactionKind, type LiveSection, type LiveState } from '../../domain/tafel-live.ts';
import { db } from '../db/client.ts';
import { organisations, projects, tafelAgendaItems, tafelAgendaProjects, tafelInvitations, tafelLive, tafelLiveHands, tafelLiveReactions, tafelLiveTimers, tafelPresence, tafelVoteRounds, tafelVotes, users } from '../db/schema.ts';
import { loadTafel, tafelResource, type LoadedTafel } from './tafel-ref.ts';

/** A heartbeat every 30 s keeps someone "here"; two missed ones and they have left. */
export const PRESENCE_MS = 75_000;

export type PublicLiveState = Omit<LiveState, 'facilitator' | 'mine'>;

/** The tafel's shared projects (bound to an accepted agenda item): what can be shown, summoned and voted on. */
export async function liveProjects(tafelId: string): Promise<LiveState['projects']> {
	return db()
		.selectDistinct({ id: projects.id, code: projects.code, title: projects.title })
		.from(tafelAgendaProjects)
		.innerJoin(tafelAgendaItems, eq(tafelAgendaItems.id, tafelAgendaProjects.agendaItemId))
		.innerJoin(projects, eq(projects.id, tafelAgendaProjects.projectId))
		// Concept projects are internal to their organisation: never shown to the whole table.
		.where(and(eq(tafelAgendaItems.tafelId, tafelId), eq(tafelAgendaItems.status, 'accepted'), eq(projects.visibility, 'platform'), isNull(projects.archivedAt)))
		.orderBy(asc(projects.code));
}

const person = { userId: users.id, name: users.name, organisation: organisations.name };

async function presenceOf(tafelId: string, now: number): Promise<LiveState['presence']> {
	const rows = await db()
		.select(person)
		.from(tafelPresence)
		.innerJoin(users, eq(users.id, tafelPresence.userId))
		.innerJoin(organisations, eq(organisations.id, users.organisationId))
		.where(and(eq(tafelPresence.tafelId, tafelId), gt(tafelPresence.seenAt, new Date(now - PRESENCE_MS))));
	const byOrganisation = new Map<string, string[]>();
	for (const r of rows) byOrganisation.set(r.organisation, [...(byOrganisation.get(r.organisation) ?? []), r.name]);
	return [...byOrganisation].sort(([a], [b]) => a.localeCompare(b, 'nl')).map(([organisation, people]) => ({ organisation, people: people.sort((a, b) => a.localeCompare(b, 'nl')) }));
}

/** The state everyone who may read the tafel may see (no reaction counts, no votes before the reveal). */
export async function readPublicState(tafel: LoadedTafel): Promise<PublicLiveState> {
	const tafelId = tafel.row.id;
	const now = Date.now();
	const [live] = await db().select().from(tafelLive).where(eq(tafelLive.tafelId, tafelId));
	const agenda = await db()
		.select({ id: tafelAgendaItems.id, title: tafelAgendaItems.title, position: tafelAgendaItems.position, minutes: tafelAgendaItems.minutes })
		.from(tafelAgendaItems)
		.where(and(eq(tafelAgendaItems.tafelId, tafelId), eq(tafelAgendaItems.status, 'accepted')))
		.orderBy(asc(tafelAgendaItems.position));
	const list = await liveProjects(tafelId);
	const item = agenda.find((a) => a.id === live?.agendaItemId) ?? null;
	const shownProject = list.find((p) => p.id === live?.shownProjectId);
	const [timer] = item ? await db().select().from(tafelLiveTimers).where(and(eq(tafelLiveTimers.tafelId, tafelId), eq(tafelLiveTimers.agendaItemId, item.id))) : [];
	const queue = await db()
		.select({ ...person, raisedAt: tafelLiveHands.raisedAt })
		.from(tafelLiveHands)
		.innerJoin(users, eq(users.id, tafelLiveHands.userId))
		.innerJoin(organisations, eq(organisations.id, users.organisationId))
		.where(eq(tafelLiveHands.tafelId, tafelId))
		.orderBy(asc(tafelLiveHands.raisedAt), asc(tafelLiveHands.userId));
	const [leader] = live?.startedBy ? await db().select(person).from(users).innerJoin(organisations, eq(organisations.id, users.organisationId)).where(eq(users.id, live.startedBy)) : [];
	const [floor] = live?.floorUserId ? await db().select(person).from(users).innerJoin(organisations, eq(organisations.id, users.organisationId)).where(eq(users.id, live.floorUserId)) : [];
	const [round] = live?.voteRoundId ? await db().select().from(tafelVoteRounds).where(eq(tafelVoteRounds.id, live.voteRoundId)) : [];
	const invited = await db()
		.selectDistinct({ name: organisations.name })
		.from(tafelInvitations)
		.innerJoin(organisations, eq(organisations.id, tafelInvitations.organisationId))
		.where(eq(tafelInvitations.tafelId, tafelId));
	return {
		tafelId,
		tafelTitle: tafel.row.title,
		version: live?.version ?? 0,
		serverNow: now,
		active: (live?.active ?? false) && tafel.row.status === 'planned',
		leader: leader ?? null,
		item: item && { id: item.id, title: item.title, position: item.position },
		agenda,
		projects: list,
		shown: shownProject ? { projectId: shownProject.id, code: shownProject.code, title: shownProject.title, section: (live?.shownSection ?? '') as LiveSection } : null,
		summonSeq: live?.summonSeq ?? 0,
		timer: timer ? { itemId: timer.agendaItemId, budgetMs: timer.budgetMs, elapsedMs: timer.elapsedMs, runningSince: timer.startedAt?.getTime() ?? null, addedMinutes: timer.addedMinutes } : null,
		queue: queue.map((q) => ({ userId: q.userId, name: q.name, organisation: q.organisation, raisedAt: q.raisedAt.getTime() })),
		floor: floor ?? null,
		// The dots themselves are never read here: only the stored result, once revealed.
		vote: round
			? { id: round.id, status: round.status, dots: round.dots, stacking: round.stacking, options: round.options, result: round.status === 'revealed' ? round.result : null, voters: round.status === 'revealed' ? round.voters : null }
			: null,
		presence: await presenceOf(tafelId, now),
		invitedOrganisations: invited.map((i) => i.name).sort((a, b) => a.localeCompare(b, 'nl'))
	};
}

/** What only those who steer see: reactions to the current item as counts, and how many have voted. */
export async function readFacilitatorPart(tafelId: string, voteRoundId: string | null): Promise<NonNullable<LiveState['facilitator']>> {
	const rows = await db().select({ kind: tafelLiveReactions.kind, n: count() }).from(tafelLiveReactions).where(eq(tafelLiveReactions.tafelId, tafelId)).groupBy(tafelLiveReactions.kind);
	const reactions = Object.fromEntries(LIVE_REACTIONS.map((k) => [k, Number(rows.find((r) => r.kind === k)?.n ?? 0)])) as Record<LiveReactionKind, number>;
	const [voted] = voteRoundId ? await db().select({ n: countDistinct(tafelVotes.userId) }).from(tafelVotes).where(eq(tafelVotes.roundId, voteRoundId)) : [];
	return { reactions, voters: Number(voted?.n ?? 0) };
}

/** The dots this person cast in the open round (theirs alone). */
export async function readMine(userId: string, voteRoundId: string | null): Promise<NonNullable<LiveState['mine']>> {
	if (!voteRoundId) return { votes: {}, used: 0 };
	const rows = await db().select({ projectId: tafelVotes.projectId, dots: tafelVotes.dots }).from(tafelVotes).where(and(eq(tafelVotes.roundId, voteRoundId), eq(tafelVotes.userId, userId)));
	return { votes: Object.fromEntries(rows.map((r) => [r.projectId, r.dots])), used: rows.reduce((sum, r) => sum + r.dots, 0) };
}

/** The whole state for one reader: the public part, the facilitator's part when they steer, their own dots. */
export async function liveStateFor(actor: Actor, tafel: LoadedTafel): Promise<LiveState> {
	const state = await readPublicState(tafel);
	const roundId = state.vote?.status === 'open' ? state.vote.id : null;
	return {
		...state,
		...(can(actor, 'manage', tafelResource(tafel.ref)) ? { facilitator: await readFacilitatorPart(tafel.row.id, roundId) } : {}),
		mine: await readMine(actor.userId, roundId)
	};
}

/**
 * Whether the actor takes part — invited, or the facilitator who leads it: the live bar
 * follows them across pages. Other facilitators and admins see it on the tafel's page
 * (and steer from there), without being followed around by every tafel that runs.
 */
export function attends(actor: Actor, tafel: LoadedTafel, leaderId: string | null): boolean {
	return isInvited(actor, tafel.ref) || actor.userId === leaderId;
}

/** Live tafels the actor takes part in (for the bar on every page); usually none or one. */
export async function activeLiveTafelIds(): Promise<string[]> {
	const rows = await db().select({ id: tafelLive.tafelId }).from(tafelLive).where(sql`${tafelLive.active}`);
	return rows.map((r) => r.id);
}

/** The live state of one tafel for a reader who may read it; null otherwise (unknown or not theirs to see). */
export async function readLiveState(actor: Actor, tafelId: string): Promise<LiveState | null> {
	const tafel = await loadTafel(tafelId);
	if (!tafel || !can(actor, 'read', tafelResource(tafel.ref))) return null;
	return liveStateFor(actor, tafel);
}

/** The live tafel this person takes part in, for the bar on every page; null when none runs. */
export async function attendedLiveState(actor: Actor): Promise<LiveState | null> {
	for (const id of await activeLiveTafelIds()) {
		const tafel = await loadTafel(id);
		if (!tafel || tafel.row.status !== 'planned') continue;
		const state = await liveStateFor(actor, tafel);
		if (attends(actor, tafel, state.leader?.userId ?? null)) return state;
	}
	return null;
}

/** For the tafel page: its live state and whether the reader takes part (null: not theirs to see). */
export async function liveOnTafelPage(actor: Actor, tafelId: string): Promise<{ state: LiveState; attending: boolean; mayStart: boolean } | null> {
	const tafel = await loadTafel(tafelId);
	if (!tafel || !can(actor, 'read', tafelResource(tafel.ref))) return null;
	const state = await liveStateFor(actor, tafel);
	return { state, attending: attends(actor, tafel, state.leader?.userId ?? null), mayStart: canTafelLive(actor, 'steer', tafel.ref, { active: false }) };
}
