/**
 * Event-loop lag of a load-generator process (a worker or the coordinator): how late
 * its timers fire. A message that arrives while the loop is busy is timestamped that
 * much later, so this lag is what the generator itself adds to a measured latency.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** The histogram times a timer of this period; each sample includes the period itself, which is subtracted. */
const RESOLUTION_MS = 5;

export interface LoopLag {
	p50Ms: number;
	p99Ms: number;
	maxMs: number;
}

const lagOf = (ns: number) => Math.max(0, Math.round((ns / 1e6 - RESOLUTION_MS) * 100) / 100);

export function startLoopLag(): { stop(): LoopLag } {
	const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
	histogram.enable();
	return {
		stop() {
			histogram.disable();
			if (histogram.count === 0) return { p50Ms: 0, p99Ms: 0, maxMs: 0 };
			return { p50Ms: lagOf(histogram.percentile(50)), p99Ms: lagOf(histogram.percentile(99)), maxMs: lagOf(histogram.max) };
		}
	};
}
