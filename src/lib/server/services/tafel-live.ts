/**
 * Running a brede tafel live: the one owner of the live tables. Every change asks the
 * policy (`canTafelLive`), is stored, bumps the version, and the new state is published
 * on the app event bus — on this instance and, through Redis, on every other — so every
 * browser at the table receives the same state in one message.
 */
import { and, eq, sql } from 'drizzle-orm';
import { canTafelLive, type Actor, type TafelLiveAction } from '../../domain/permissions.ts';
import { LIVE_REACTIONS, LIVE_SECTIONS, type LiveReactionKind, type LiveSection, type LiveState } from '../../domain/tafel-live.ts';
import { db } from '../db/client.ts';
import { tafelAgendaItems, tafelLive, tafelLiveHands, tafelLiveReactions, tafelLiveTimers, tafelPresence } from '../db/schema.ts';
import { events } from '../events.ts';
import { hit, isLimited } from '../auth/rate-limit.ts';
import { loadTafel, type LoadedTafel } from './tafel-ref.ts';
import { liveProjects, liveStateFor, PRESENCE_MS, readFacilitatorPart, readPublicState } from './tafel-live-state.ts';
import { castVotes, openVoteRound, revealVoteRound } from './tafel-live-votes.ts';

/** The longest time box of one agenda item. */
const MAX_TIMER_MS = 24 * 60 * 60_000;

export type LiveResult = { ok: true; state: LiveState } | { ok: false; reason: 'not-found' | 'forbidden' | 'invalid' | 'rate-limited'; problem?: string };

/**
 * Each hand, reaction or vote is sent to everyone at the table: one person may not flood
 * a hundred screens (the heartbeat is not counted; it sends nothing but arrivals).
 */
const OWN_LIMIT = { max: 30, windowMs: 60_000 };

/** Which policy action each request needs; anything not listed is refused as invalid. */
const NEEDS: Record<string, TafelLiveAction> = {
	start: 'steer', stop: 'steer', item: 'steer', show: 'steer', summon: 'steer', 'timer-start': 'steer', 'timer-pause': 'steer', 'timer-add': 'steer',
	floor: 'steer', 'clear-queue': 'steer', 'vote-open': 'steer', 'vote-reveal': 'steer', 'vote-close': 'steer',
	hand: 'hand', react: 'react', vote: 'vote', here: 'presence'
};

type Input = Record<string, unknown>;
type Outcome = { ok: true; publish: boolean } | { ok: false; problem: string };
const done: Outcome = { ok: true, publish: true };
const bad = (problem: string): Outcome => ({ ok: false, problem });
const str = (value: unknown, max = 80) => (typeof value === 'string' ? value.slice(0, max) : '');

async function liveRow(tafelId: string) {
	const [row] = await db().select().from(tafelLive).where(eq(tafelLive.tafelId, tafelId));
	return row ?? null;
}

/** The running timer of an item stops counting: what ran is added to the time spent. */
async function pauseTimer(tafelId: string, itemId: string | null, now: Date): Promise<void> {
	if (!itemId) return;
	await db()
		.update(tafelLiveTimers)
		.set({ elapsedMs: sql`${tafelLiveTimers.elapsedMs} + greatest(0, floor(extract(epoch from (${now.toISOString()}::timestamptz - ${tafelLiveTimers.startedAt})) * 1000))::int`, startedAt: null })
		.where(and(eq(tafelLiveTimers.tafelId, tafelId), eq(tafelLiveTimers.agendaItemId, itemId), sql`${tafelLiveTimers.startedAt} is not null`));
}

async function ensureTimer(tafelId: string, itemId: string): Promise<void> {
	const [item] = await db().select({ minutes: tafelAgendaItems.minutes }).from(tafelAgendaItems).where(eq(tafelAgendaItems.id, itemId));
	// An item without a time box gets ten minutes; the facilitator adds more.
	await db().insert(tafelLiveTimers).values({ tafelId, agendaItemId: itemId, budgetMs: (item?.minutes ?? 10) * 60_000 }).onConflictDoNothing();
}

async function acceptedItem(tafelId: string, itemId: string): Promise<boolean> {
	const [row] = await db().select({ id: tafelAgendaItems.id }).from(tafelAgendaItems).where(and(eq(tafelAgendaItems.id, itemId), eq(tafelAgendaItems.tafelId, tafelId), eq(tafelAgendaItems.status, 'accepted')));
	return !!row;
}

async function steer(actor: Actor, tafel: LoadedTafel, action: string, input: Input): Promise<Outcome> {
	const tafelId = tafel.row.id;
	const now = new Date();
	const live = await liveRow(tafelId);
	const set = (values: Partial<typeof tafelLive.$inferInsert>) => db().update(tafelLive).set({ ...values, updatedAt: now }).where(eq(tafelLive.tafelId, tafelId));
	switch (action) {
		case 'start': {
			const [first] = live?.agendaItemId ? [] : await db().select({ id: tafelAgendaItems.id }).from(tafelAgendaItems).where(and(eq(tafelAgendaItems.tafelId, tafelId), eq(tafelAgendaItems.status, 'accepted'))).orderBy(tafelAgendaItems.position).limit(1);
			await db().insert(tafelLive).values({ tafelId, active: true, startedBy: actor.userId, agendaItemId: first?.id ?? null }).onConflictDoUpdate({ target: tafelLive.tafelId, set: { active: true, startedBy: actor.userId, updatedAt: now } });
			return done;
		}
	}
	if (!live?.active) return bad('not-live');
	switch (action) {
		case 'stop':
			await pauseTimer(tafelId, live.agendaItemId, now);
			await db().delete(tafelLiveHands).where(eq(tafelLiveHands.tafelId, tafelId));
			await db().delete(tafelLiveReactions).where(eq(tafelLiveReactions.tafelId, tafelId));
			await set({ active: false, floorUserId: null, shownProjectId: null, shownSection: '' });
			return done;
		case 'item': {
			const itemId = str(input.itemId);
			if (!(await acceptedItem(tafelId, itemId))) return bad('bad-item');
			if (itemId === live.agendaItemId) return done;
			// A running clock moves on with the meeting: the next item's timer starts where the last one stops.
			const [previous] = live.agendaItemId ? await db().select({ startedAt: tafelLiveTimers.startedAt }).from(tafelLiveTimers).where(and(eq(tafelLiveTimers.tafelId, tafelId), eq(tafelLiveTimers.agendaItemId, live.agendaItemId))) : [];
			await pauseTimer(tafelId, live.agendaItemId, now);
			if (previous?.startedAt) {
				await ensureTimer(tafelId, itemId);
				await db().update(tafelLiveTimers).set({ startedAt: now }).where(and(eq(tafelLiveTimers.tafelId, tafelId), eq(tafelLiveTimers.agendaItemId, itemId), sql`${tafelLiveTimers.startedAt} is null`));
			}
			// Reactions were to the previous item; the new item starts with the record view cleared.
			await db().delete(tafelLiveReactions).where(eq(tafelLiveReactions.tafelId, tafelId));
			await set({ agendaItemId: itemId, shownProjectId: null, shownSection: '' });
			return done;
		}
		case 'show':
		case 'summon': {
			const projectId = input.projectId === null && action === 'show' ? null : str(input.projectId);
			const section = str(input.section ?? '', 20) as LiveSection;
			if (!LIVE_SECTIONS.includes(section)) return bad('bad-section');
			if (projectId !== null && !(await liveProjects(tafelId)).some((p) => p.id === projectId)) return bad('bad-project');
			await set({ shownProjectId: projectId, shownSection: projectId ? section : '', ...(action === 'summon' ? { summonSeq: live.summonSeq + 1 } : {}) });
			return done;
		}
		case 'timer-start':
		case 'timer-pause':
		case 'timer-add': {
			const itemId = live.agendaItemId;
			if (!itemId) return bad('no-item');
			await ensureTimer(tafelId, itemId);
			const where = and(eq(tafelLiveTimers.tafelId, tafelId), eq(tafelLiveTimers.agendaItemId, itemId));
			if (action === 'timer-start') await db().update(tafelLiveTimers).set({ startedAt: now }).where(and(where, sql`${tafelLiveTimers.startedAt} is null`));
			else if (action === 'timer-pause') await pauseTimer(tafelId, itemId, now);
			else {
				const minutes = input.minutes;
				if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1 || minutes > 60) return bad('bad-minutes');
				// At most a day on one item: the stored milliseconds must never overflow (that answered 500).
				const added = await db()
					.update(tafelLiveTimers)
					.set({ budgetMs: sql`${tafelLiveTimers.budgetMs} + ${minutes * 60_000}`, addedMinutes: sql`${tafelLiveTimers.addedMinutes} + ${minutes}` })
					.where(and(where, sql`${tafelLiveTimers.budgetMs} + ${minutes * 60_000} <= ${MAX_TIMER_MS}`))
					.returning({ budgetMs: tafelLiveTimers.budgetMs });
				if (!added.length) return bad('timer-too-long');
			}
			return done;
		}
		case 'floor': {
			const userId = str(input.userId);
			const removed = await db().delete(tafelLiveHands).where(and(eq(tafelLiveHands.tafelId, tafelId), eq(tafelLiveHands.userId, userId))).returning({ userId: tafelLiveHands.userId });
			if (!removed.length) return bad('not-in-queue');
			await set({ floorUserId: userId });
			return done;
		}
		case 'clear-queue':
			await db().delete(tafelLiveHands).where(eq(tafelLiveHands.tafelId, tafelId));
			await set({ floorUserId: null });
			return done;
		case 'vote-open':
			return openVoteRound(actor, tafel, live, input, now);
		case 'vote-reveal':
			return revealVoteRound(tafelId, live.voteRoundId, now);
		case 'vote-close':
			await set({ voteRoundId: null });
			return done;
	}
	return bad('unknown-action');
}

/** What a person at the table does for themselves. */
async function own(actor: Actor, tafel: LoadedTafel, action: string, input: Input): Promise<Outcome> {
	const tafelId = tafel.row.id;
	if (action === 'hand') {
		if (input.up === true) await db().insert(tafelLiveHands).values({ tafelId, userId: actor.userId }).onConflictDoNothing();
		else if (input.up === false) await db().delete(tafelLiveHands).where(and(eq(tafelLiveHands.tafelId, tafelId), eq(tafelLiveHands.userId, actor.userId)));
		else return bad('bad-hand');
		return done;
	}
	if (action === 'react') {
		const kind = str(input.kind, 10) as LiveReactionKind;
		if (input.kind === null) await db().delete(tafelLiveReactions).where(and(eq(tafelLiveReactions.tafelId, tafelId), eq(tafelLiveReactions.userId, actor.userId)));
		else if (!LIVE_REACTIONS.includes(kind)) return bad('bad-reaction');
		else await db().insert(tafelLiveReactions).values({ tafelId, userId: actor.userId, kind }).onConflictDoUpdate({ target: [tafelLiveReactions.tafelId, tafelLiveReactions.userId], set: { kind, at: new Date() } });
		return done;
	}
	if (action === 'vote') return castVotes(actor, (await liveRow(tafelId))?.voteRoundId ?? null, input.votes);
	// Presence: a heartbeat; only an arrival (not each beat) is news for the others.
	const [before] = await db().select({ seenAt: tafelPresence.seenAt }).from(tafelPresence).where(and(eq(tafelPresence.tafelId, tafelId), eq(tafelPresence.userId, actor.userId)));
	await db().insert(tafelPresence).values({ tafelId, userId: actor.userId }).onConflictDoUpdate({ target: [tafelPresence.tafelId, tafelPresence.userId], set: { seenAt: new Date() } });
	return { ok: true, publish: !before || before.seenAt.getTime() < Date.now() - PRESENCE_MS };
}

/** Bumps the version and sends the new state to every browser at the table (on every instance). */
export async function publishLive(tafel: LoadedTafel): Promise<void> {
	await db().update(tafelLive).set({ version: sql`${tafelLive.version} + 1` }).where(eq(tafelLive.tafelId, tafel.row.id));
	const state = await readPublicState(tafel);
	const facilitator = await readFacilitatorPart(tafel.row.id, state.vote?.status === 'open' ? state.vote.id : null);
	events.publish({ type: 'tafel-live', tafelId: tafel.row.id, tafel: tafel.ref, state, facilitator });
}

/** One live request of a browser: `{ action, … }`. Refused unless the policy allows it for this tafel now. */
export async function liveAction(actor: Actor, tafelId: string, input: Input): Promise<LiveResult> {
	const tafel = await loadTafel(tafelId);
	if (!tafel) return { ok: false, reason: 'not-found' };
	const action = str(input.action, 20);
	const needs = Object.hasOwn(NEEDS, action) ? NEEDS[action] : null;
	if (!needs) return { ok: false, reason: 'invalid', problem: 'unknown-action' };
	const live = await liveRow(tafelId);
	if (!canTafelLive(actor, needs, tafel.ref, { active: live?.active ?? false })) return { ok: false, reason: 'forbidden' };
	if (needs === 'hand' || needs === 'react' || needs === 'vote') {
		const key = `tafel-live:${tafelId}:${actor.userId}`;
		if (await isLimited(key, OWN_LIMIT)) return { ok: false, reason: 'rate-limited' };
		await hit(key, OWN_LIMIT);
	}
	const outcome = needs === 'steer' ? await steer(actor, tafel, action, input) : await own(actor, tafel, action, input);
	if (!outcome.ok) return { ok: false, reason: 'invalid', problem: outcome.problem };
	if (outcome.publish) await publishLive(tafel);
	return { ok: true, state: await liveStateFor(actor, tafel) };
}

/** Closing a tafel ends its live mode: timers stop (the time spent is final) and every bar hears it. */
export async function endLiveOnClose(tafelId: string): Promise<void> {
	const live = await liveRow(tafelId);
	if (!live?.active) return;
	await pauseTimer(tafelId, live.agendaItemId, new Date());
	await db().update(tafelLive).set({ active: false, floorUserId: null, updatedAt: new Date() }).where(eq(tafelLive.tafelId, tafelId));
	const tafel = await loadTafel(tafelId);
	if (tafel) await publishLive(tafel);
}
