/**
 * Dot voting at a live tafel: a round over the tafel's shared projects, each person's
 * dots stored apart and secret, and the reveal that adds them up once and stores the
 * result (for the bar chart and the minutes). Nothing here returns anyone's dots
 * before the reveal.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { checkVotes } from '../../domain/tafel-live.ts';
import type { Actor } from '../../domain/permissions.ts';
import { db } from '../db/client.ts';
import { tafelLive, tafelVoteRounds, tafelVotes } from '../db/schema.ts';
import { generateId } from '../auth/tokens.ts';
import { liveProjects } from './tafel-live-state.ts';
import type { LoadedTafel } from './tafel-ref.ts';

type Outcome = { ok: true; publish: boolean } | { ok: false; problem: string };
type LiveRow = typeof tafelLive.$inferSelect;

/** Opens a round with N dots (1–20) per person; one at a time. */
export async function openVoteRound(actor: Actor, tafel: LoadedTafel, live: LiveRow, input: Record<string, unknown>, now: Date): Promise<Outcome> {
	const dots = input.dots;
	if (typeof dots !== 'number' || !Number.isInteger(dots) || dots < 1 || dots > 20) return { ok: false, problem: 'bad-dots' };
	if (typeof input.stacking !== 'boolean') return { ok: false, problem: 'bad-stacking' };
	if (live.voteRoundId) {
		const [current] = await db().select({ status: tafelVoteRounds.status }).from(tafelVoteRounds).where(eq(tafelVoteRounds.id, live.voteRoundId));
		if (current?.status === 'open') return { ok: false, problem: 'vote-open' };
	}
	const options = (await liveProjects(tafel.row.id)).map((p) => ({ projectId: p.id, code: p.code, title: p.title }));
	if (options.length < 2) return { ok: false, problem: 'too-few-options' };
	const id = generateId();
	await db().insert(tafelVoteRounds).values({ id, tafelId: tafel.row.id, agendaItemId: live.agendaItemId, dots, stacking: input.stacking, options, openedBy: actor.userId, createdAt: now });
	await db().update(tafelLive).set({ voteRoundId: id, updatedAt: now }).where(eq(tafelLive.tafelId, tafel.row.id));
	return { ok: true, publish: true };
}

/** Replaces this person's dots in the open round; refused beyond their N dots. */
export async function castVotes(actor: Actor, roundId: string | null, input: unknown): Promise<Outcome> {
	const [round] = roundId ? await db().select().from(tafelVoteRounds).where(eq(tafelVoteRounds.id, roundId)) : [];
	if (!round || round.status !== 'open') return { ok: false, problem: 'no-vote' };
	const checked = checkVotes(input, round);
	if (!checked.ok) return { ok: false, problem: checked.problem };
	await db().transaction(async (tx) => {
		await tx.delete(tafelVotes).where(and(eq(tafelVotes.roundId, round.id), eq(tafelVotes.userId, actor.userId)));
		const rows = Object.entries(checked.votes).map(([projectId, dots]) => ({ roundId: round.id, userId: actor.userId, projectId, dots }));
		if (rows.length) await tx.insert(tafelVotes).values(rows);
	});
	return { ok: true, publish: true };
}

/** Adds up the dots once and stores the result; from here on they are public. */
export async function revealVoteRound(tafelId: string, roundId: string | null, now: Date): Promise<Outcome> {
	const [round] = roundId ? await db().select().from(tafelVoteRounds).where(and(eq(tafelVoteRounds.id, roundId), eq(tafelVoteRounds.tafelId, tafelId))) : [];
	if (!round || round.status !== 'open') return { ok: false, problem: 'no-vote' };
	const sums = await db()
		.select({ projectId: tafelVotes.projectId, dots: sql<number>`sum(${tafelVotes.dots})::int` })
		.from(tafelVotes)
		.where(eq(tafelVotes.roundId, round.id))
		.groupBy(tafelVotes.projectId)
		.orderBy(asc(tafelVotes.projectId));
	const [voters] = await db().select({ n: sql<number>`count(distinct ${tafelVotes.userId})::int` }).from(tafelVotes).where(eq(tafelVotes.roundId, round.id));
	const result = round.options.map((o) => ({ projectId: o.projectId, dots: Number(sums.find((s) => s.projectId === o.projectId)?.dots ?? 0) })).sort((a, b) => b.dots - a.dots);
	const revealed = await db()
		.update(tafelVoteRounds)
		.set({ status: 'revealed', result, voters: Number(voters?.n ?? 0), revealedAt: now })
		.where(and(eq(tafelVoteRounds.id, round.id), eq(tafelVoteRounds.status, 'open')))
		.returning({ id: tafelVoteRounds.id });
	return revealed.length ? { ok: true, publish: true } : { ok: false, problem: 'no-vote' };
}

export interface VoteResult {
	dots: number;
	stacking: boolean;
	voters: number;
	agendaItemId: string | null;
	result: { code: string; title: string; dots: number }[];
}

/** The revealed rounds of a tafel, oldest first, for the minutes. */
export async function revealedRounds(tafelId: string): Promise<VoteResult[]> {
	const rounds = await db().select().from(tafelVoteRounds).where(and(eq(tafelVoteRounds.tafelId, tafelId), eq(tafelVoteRounds.status, 'revealed'))).orderBy(asc(tafelVoteRounds.createdAt));
	return rounds.map((r) => ({
		dots: r.dots,
		stacking: r.stacking,
		voters: r.voters ?? 0,
		agendaItemId: r.agendaItemId,
		result: (r.result ?? []).map((x) => {
			const option = r.options.find((o) => o.projectId === x.projectId);
			return { code: option?.code ?? '', title: option?.title ?? '', dots: x.dots };
		})
	}));
}
