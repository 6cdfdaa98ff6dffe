/** What a live tafel leaves for its minutes: the time spent per agenda item and the revealed voting rounds. */
import { eq } from 'drizzle-orm';
import { spentMs } from '../../domain/tafel-live.ts';
import { db } from '../db/client.ts';
import { tafelLiveTimers } from '../db/schema.ts';
import { revealedRounds, type VoteResult } from './tafel-live-votes.ts';

/** `until`: a timer still running when the tafel closed counts up to the closing. */
export async function liveRecord(tafelId: string, until: Date): Promise<{ spentMinutes: Map<string, number>; votes: VoteResult[] }> {
	const timers = await db().select().from(tafelLiveTimers).where(eq(tafelLiveTimers.tafelId, tafelId));
	const spentMinutes = new Map(timers.map((t) => [t.agendaItemId, Math.round(spentMs({ elapsedMs: t.elapsedMs, runningSince: t.startedAt?.getTime() ?? null }, until.getTime()) / 60_000)]));
	return { spentMinutes, votes: await revealedRounds(tafelId) };
}
