/**
 * Which measure the dashboard charts show, as the URL says it (read by the dashboard's
 * route, shown by its components).
 */
export const MEASURES = ['count', 'totalBudget', 'requestedAmount'] as const;
export type Measure = (typeof MEASURES)[number];

// Dutch in the URL, like the grid's parameters: these links get shared.
export const MEASURE_PARAM = 'maat';
export const MEASURE_VALUES: Record<Measure, string> = { count: 'aantal', totalBudget: 'begroting', requestedAmount: 'gevraagd' };

export function parseMeasure(params: URLSearchParams): Measure {
	const raw = params.get(MEASURE_PARAM);
	return MEASURES.find((m) => MEASURE_VALUES[m] === raw) ?? 'count';
}
