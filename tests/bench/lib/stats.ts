/** Percentiles and ratios for the bench report. */

export interface Summary {
	n: number;
	p50: number | null;
	p95: number | null;
	p99: number | null;
	max: number | null;
	mean: number | null;
}

/** Nearest-rank percentile of unsorted samples (null without samples). */
export function percentile(sorted: number[], p: number): number | null {
	if (sorted.length === 0) return null;
	const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
	return sorted[rank - 1];
}

export function summarize(samples: number[]): Summary {
	const sorted = Float64Array.from(samples).sort();
	const list = Array.from(sorted);
	const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
	return {
		n: list.length,
		p50: round(percentile(list, 50)),
		p95: round(percentile(list, 95)),
		p99: round(percentile(list, 99)),
		max: round(list.length ? list[list.length - 1] : null),
		mean: round(list.length ? list.reduce((s, v) => s + v, 0) / list.length : null)
	};
}

/** ours / anchor, rounded; null when either side is missing or the anchor is 0. */
export function ratio(ours: number | null | undefined, anchor: number | null | undefined): number | null {
	if (ours === null || ours === undefined || anchor === null || anchor === undefined || anchor === 0) return null;
	return Math.round((ours / anchor) * 100) / 100;
}

export const round = (v: number | null | undefined, digits = 1): number | null => (v === null || v === undefined || !Number.isFinite(v) ? null : Math.round(v * 10 ** digits) / 10 ** digits);

/** The first line of an error, short enough for a table cell. */
export const firstLine = (err: unknown): string => String(err instanceof Error ? err.message : err).split('\n')[0].slice(0, 160);
