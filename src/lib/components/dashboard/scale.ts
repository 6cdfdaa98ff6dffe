/**
 * The map's colour scale: equal steps with round boundaries, so the legend reads
 * "1–5, 6–10 …" or "€ 0–75 mln …" rather than arbitrary quantile cut-offs.
 */

/** One blue hue, light to dark. The lightest still has 3:1 against white, as WCAG asks of graphics. */
export const MAP_COLOURS = ['#6095d1', '#3673b9', '#24568f', '#163d69', '#0c2542'] as const;
/** Label text per step with at least 4.5:1 on its fill. */
export const MAP_TEXT = ['#0f172a', '#ffffff', '#ffffff', '#ffffff', '#ffffff'] as const;

export interface Bin {
	/** Values above `from` (and for counts: from `from + 1`) up to and including `to`. */
	from: number;
	to: number;
	colour: string;
	text: string;
}

const NICE = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 8, 10];

/** The smallest "round" number (1, 1.5, 2, 2.5 … × 10ⁿ) at or above `raw`. */
export function niceStep(raw: number): number {
	if (!(raw > 0)) return 1;
	const power = 10 ** Math.floor(Math.log10(raw));
	const factor = NICE.find((n) => n * power >= raw * (1 - 1e-9)) ?? 10;
	return factor * power;
}

/** Five bins covering 1 … max; counts get whole-number boundaries. */
export function colourBins(max: number, wholeNumbers: boolean): Bin[] {
	const raw = niceStep(max / MAP_COLOURS.length);
	const step = wholeNumbers ? Math.max(1, Math.ceil(raw)) : raw;
	return MAP_COLOURS.map((colour, i) => ({ from: i * step, to: (i + 1) * step, colour, text: MAP_TEXT[i] }));
}

/** Index of the bin a value falls in, or -1 for zero (shown as "no projects", not as a colour). */
export function binIndex(bins: Bin[], value: number): number {
	if (!(value > 0) || bins.length === 0) return -1;
	const index = bins.findIndex((bin) => value <= bin.to);
	return index === -1 ? bins.length - 1 : index;
}
