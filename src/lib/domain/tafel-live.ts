/**
 * The live state of a brede tafel as browsers receive it, written once for the server
 * (which builds it) and the browser (which shows it), with the timer arithmetic both do
 * the same way. The state is public to everyone who may read the tafel; the parts only
 * a facilitator sees (reaction counts, how many have voted) are `facilitator`, and the
 * dots a person cast are `mine`, sent to that person alone. Nobody's dots are in it
 * before the reveal.
 */
export const LIVE_REACTIONS = ['eens', 'oneens', 'vraag'] as const;
export type LiveReactionKind = (typeof LIVE_REACTIONS)[number];

/** Sections of a project a facilitator may point at ('' = the whole record). */
export const LIVE_SECTIONS = ['', 'beschrijving', 'inhoud', 'planning', 'financiering', 'regio', 'beleid', 'contact'] as const;
export type LiveSection = (typeof LIVE_SECTIONS)[number];

export interface LivePerson {
	userId: string;
	name: string;
	organisation: string;
}

export interface LiveTimer {
	itemId: string;
	budgetMs: number;
	elapsedMs: number;
	/** Server time (ms) the timer was started; null while paused. */
	runningSince: number | null;
	addedMinutes: number;
}

export interface LiveVoteRound {
	id: string;
	status: 'open' | 'revealed';
	dots: number;
	stacking: boolean;
	options: { projectId: string; code: string; title: string }[];
	/** Only after the reveal: dots per option, and how many people voted. */
	result: { projectId: string; dots: number }[] | null;
	voters: number | null;
}

export interface LiveState {
	tafelId: string;
	tafelTitle: string;
	version: number;
	/** The server's clock when the state was read, so a browser can correct its own. */
	serverNow: number;
	active: boolean;
	/** The facilitator who started it and leads. */
	leader: LivePerson | null;
	item: { id: string; title: string; position: number } | null;
	agenda: { id: string; title: string; position: number; minutes: number | null }[];
	/** The tafel's projects, to show, summon and vote on. */
	projects: { id: string; code: string; title: string }[];
	shown: { projectId: string; code: string; title: string; section: LiveSection } | null;
	summonSeq: number;
	timer: LiveTimer | null;
	queue: (LivePerson & { raisedAt: number })[];
	floor: LivePerson | null;
	vote: LiveVoteRound | null;
	/** Who has the tafel open, by organisation, next to the organisations invited. */
	presence: { organisation: string; people: string[] }[];
	invitedOrganisations: string[];
	facilitator?: { reactions: Record<LiveReactionKind, number>; voters: number };
	mine?: { votes: Record<string, number>; used: number };
}

/** Remaining time in ms at server time `now` (negative: over time). */
export function remainingMs(timer: LiveTimer, now: number): number {
	return timer.budgetMs - spentMs(timer, now);
}

/** Time spent on the item at server time `now`. */
export function spentMs(timer: Pick<LiveTimer, 'elapsedMs' | 'runningSince'>, now: number): number {
	return timer.elapsedMs + (timer.runningSince === null ? 0 : Math.max(0, now - timer.runningSince));
}

/** "4:05", "-0:30": minutes and seconds, rounded up so 0:00 shows only at zero. */
export function clock(ms: number): string {
	const negative = ms < 0;
	const total = Math.ceil(Math.abs(ms) / 1000) * (negative ? -1 : 1);
	const abs = Math.abs(total);
	return `${negative && abs > 0 ? '-' : ''}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * A person's dots as sent by a browser, checked against the round: known options,
 * whole non-negative numbers, at most one per option unless stacking, at most N in all.
 */
export function checkVotes(input: unknown, round: { dots: number; stacking: boolean; options: { projectId: string }[] }): { ok: true; votes: Record<string, number>; used: number } | { ok: false; problem: 'bad-votes' | 'too-many-dots' } {
	if (!input || typeof input !== 'object' || Array.isArray(input)) return { ok: false, problem: 'bad-votes' };
	const entries = Object.entries(input as Record<string, unknown>);
	if (entries.length > round.options.length) return { ok: false, problem: 'bad-votes' };
	const known = new Set(round.options.map((o) => o.projectId));
	const votes: Record<string, number> = {};
	let used = 0;
	for (const [projectId, value] of entries) {
		if (!known.has(projectId) || typeof value !== 'number' || !Number.isInteger(value) || value < 0) return { ok: false, problem: 'bad-votes' };
		if (value > (round.stacking ? round.dots : 1)) return { ok: false, problem: 'too-many-dots' };
		if (value > 0) votes[projectId] = value;
		used += value;
	}
	return used > round.dots ? { ok: false, problem: 'too-many-dots' } : { ok: true, votes, used };
}
