/**
 * When the load generator, not the server, set the latencies. A reader stamps an
 * arrival when its event loop gets to the message; a loop that lags by L ms adds up to
 * L ms to a sample. So a run's latency ratio is refused when the generator's loop lag
 * p99 (the highest of any worker and the coordinator) could account for a real part of
 * the measured p99:
 *
 *   saturated  ⇔  lag p99 > 20 ms  or  lag p99 > max(2 ms, 25 % of the run's latency p99)
 *
 * 25 %: the generator may blur a figure by a quarter at most before a ratio of two
 * such figures says more about the generator than about the servers. The 2 ms floor:
 * below it the lag is timer and scheduling noise of a 2-core machine (and a p99 of a
 * few ms is itself within loopback noise); 20 ms: a lag that long is a saturated
 * generator whatever the servers do.
 *
 * The text says why the loop lagged: its own work (the busiest worker's event loop was
 * busy for at least half the window: too many clients per process) or the machine
 * (a mostly idle loop that still woke late: other processes held the cores). Either
 * way the arrival times carry the lag, so either way there is no ratio.
 */
import type { FanoutResult } from './fanout.ts';
import { ratio } from './stats.ts';

export const GENERATOR_LAG = { limitMs: 20, shareOfP99: 0.25, floorMs: 2 } as const;

/** A worker whose loop was busy this share of the window or more was saturated by its own clients. */
const BUSY_PCT = 50;

/** null when the generator kept up; else the reason, as printed in place of a ratio. */
export function generatorVerdict(lagP99Ms: number, busyPct: number, latencyP99Ms: number | null): string | null {
	const allowed = Math.min(GENERATOR_LAG.limitMs, Math.max(GENERATOR_LAG.floorMs, GENERATOR_LAG.shareOfP99 * (latencyP99Ms ?? 0)));
	if (lagP99Ms <= allowed) return null;
	// The busy share is in the measured table; the cell stays short.
	return busyPct >= BUSY_PCT ? `generator saturated (lag p99 ${lagP99Ms} ms)` : `generator delayed by the machine (lag p99 ${lagP99Ms} ms)`;
}

/** Deliveries below this share make a latency percentile meaningless (the slowest never arrived). */
const MIN_DELIVERED_PCT = 99;

/** A ratio of figures that scale with what was delivered (bytes received per client), or "n/c" when either run fell behind. */
export function deliveryRatio(a: FanoutResult | null | undefined, b: FanoutResult | null | undefined, pick: (r: FanoutResult) => number | null): number | string | null {
	if (!a || !b) return null;
	const short = [a, b].find((r) => r.deliveredPct < MIN_DELIVERED_PCT);
	return short ? `n/c (delivered ${short.deliveredPct} %)` : ratio(pick(a), pick(b));
}

/**
 * A latency ratio of two runs, or why there is none: the generator was saturated in
 * either run, or either run lost deliveries.
 */
export function latencyRatio(a: FanoutResult | null | undefined, b: FanoutResult | null | undefined, pick: (r: FanoutResult) => number | null): number | string | null {
	if (!a || !b) return null;
	const saturated = a.generator.saturated ?? b.generator.saturated;
	if (saturated) return saturated;
	const short = [a, b].find((r) => r.deliveredPct < MIN_DELIVERED_PCT);
	if (short) return `n/c (delivered ${short.deliveredPct} %)`;
	return ratio(pick(a), pick(b));
}
