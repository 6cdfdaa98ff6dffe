/**
 * What the dashboard charts show: the measure chosen in the URL and the rows of each
 * chart, with every reference value present (a theme without projects is news too).
 */
import { INSTRUMENTS, LOOKUP, PROVINCES, THEMES, type Option } from '$lib/domain/reference';
import { withQuery, type InventoryQuery } from '$lib/domain/inventory-query';
import { localizedOptions } from '$lib/i18n/reference-labels';

import { MEASURE_PARAM, MEASURE_VALUES, type Measure } from '$lib/domain/dashboard-measure';

export { MEASURE_PARAM, MEASURE_VALUES, MEASURES, parseMeasure, type Measure } from '$lib/domain/dashboard-measure';

export type Dimension = 'theme' | 'province' | 'instrument';

export interface GroupTotals {
	key: string | null;
	count: number;
	totalBudget: number;
	requestedAmount: number;
}

export interface ChartRow {
	/** Reference id, or null for projects without a value (they get no grid link). */
	key: string | null;
	label: string;
	count: number;
	totalBudget: number;
	requestedAmount: number;
}

const OPTIONS: Record<Dimension, () => Option[]> = { theme: () => localizedOptions('themes', THEMES), province: () => localizedOptions('provinces', PROVINCES), instrument: () => localizedOptions('instruments', INSTRUMENTS) };
const LOOKUPS = { theme: LOOKUP.themes, province: LOOKUP.provinces, instrument: LOOKUP.instruments };

/** All reference values of the dimension plus any unknown ones in the data, largest first by the measure. */
export function chartRows(dimension: Dimension, groups: GroupTotals[], measure: Measure, noValueLabel: string): ChartRow[] {
	const byKey = new Map(groups.map((g) => [g.key ?? '', g]));
	const rows: ChartRow[] = OPTIONS[dimension]().map((o) => ({ key: o.id, label: o.label, ...totalsOf(byKey.get(o.id)) }));
	for (const g of groups) {
		if (g.key && LOOKUPS[dimension].has(g.key)) continue;
		rows.push({ key: g.key || null, label: g.key || noValueLabel, ...totalsOf(g) });
	}
	// Ties keep reference order, so a dashboard without data still reads like the filter lists.
	return rows.map((row, i) => ({ row, i })).sort((a, b) => b.row[measure] - a.row[measure] || a.i - b.i).map(({ row }) => row);
}

function totalsOf(g: GroupTotals | undefined): Pick<ChartRow, 'count' | 'totalBudget' | 'requestedAmount'> {
	return { count: g?.count ?? 0, totalBudget: g?.totalBudget ?? 0, requestedAmount: g?.requestedAmount ?? 0 };
}

/** The dashboard's own link for another measure, keeping every filter. */
export function measureHref(query: InventoryQuery, measure: Measure): string {
	const params = new URLSearchParams(withQuery(query, {}).slice(1));
	if (measure !== 'count') params.set(MEASURE_PARAM, MEASURE_VALUES[measure]);
	const s = params.toString();
	return s ? `?${s}` : '?';
}

/** The grid narrowed to one bar or province, on top of the dashboard's filters. */
export function gridHref(query: InventoryQuery, dimension: Dimension, key: string): string {
	const change = dimension === 'theme' ? { themes: [key] } : dimension === 'province' ? { provinces: [key] } : { instruments: [key] };
	return `/projecten${withQuery(query, change)}`;
}
