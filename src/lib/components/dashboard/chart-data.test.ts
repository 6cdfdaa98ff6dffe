import { expect, test } from 'vitest';
import { DEFAULT_QUERY } from '$lib/domain/inventory-query';
import { THEMES } from '$lib/domain/reference';
import { chartRows, gridHref, measureHref, parseMeasure } from './chart-data';

test('the measure comes from ?maat= and falls back to the project count', () => {
	expect(parseMeasure(new URLSearchParams('maat=begroting'))).toBe('totalBudget');
	expect(parseMeasure(new URLSearchParams('maat=gevraagd'))).toBe('requestedAmount');
	expect(parseMeasure(new URLSearchParams('maat=<script>'))).toBe('count');
	expect(parseMeasure(new URLSearchParams())).toBe('count');
});

test('every theme gets a row, largest first by the measure, and projects without a theme are kept', () => {
	const groups = [
		{ key: 'gz', count: 2, totalBudget: 900, requestedAmount: 10 },
		{ key: 'lwv', count: 5, totalBudget: 100, requestedAmount: 50 },
		{ key: null, count: 1, totalBudget: 5, requestedAmount: 0 }
	];
	const byCount = chartRows('theme', groups, 'count', 'Geen thema');
	expect(byCount).toHaveLength(THEMES.length + 1);
	expect(byCount.slice(0, 3).map((r) => r.key)).toEqual(['lwv', 'gz', null]);
	expect(byCount[2].label).toBe('Geen thema');
	expect(byCount.at(-1)!.count).toBe(0);
	expect(chartRows('theme', groups, 'totalBudget', '-')[0].key).toBe('gz');
});

test('links keep the filters: measure links stay on the dashboard, bars go to the grid', () => {
	const query = { ...DEFAULT_QUERY, statuses: ['idee'] };
	expect(measureHref(query, 'totalBudget')).toBe('?status=idee&maat=begroting');
	expect(measureHref(DEFAULT_QUERY, 'count')).toBe('?');
	expect(gridHref(query, 'province', 'NL-NB')).toBe('/projecten?provincie=NL-NB&status=idee');
	expect(gridHref(DEFAULT_QUERY, 'instrument', 'efro')).toBe('/projecten?instrument=efro');
});
