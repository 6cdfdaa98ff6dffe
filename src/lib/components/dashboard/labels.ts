/** Words and numbers the dashboard shows, in the user's language. */
import { m } from '$lib/paraglide/messages.js';
import { formatEuroShort } from '$lib/i18n/project-labels';
import type { ChartRow, Measure } from './chart-data';

export function measureLabel(measure: Measure): string {
	return { count: m.dashboard_measure_count, totalBudget: m.dashboard_measure_budget, requestedAmount: m.dashboard_measure_requested }[measure]();
}

export const numberLocale = (locale: string) => (locale === 'en' ? 'en-GB' : 'nl-NL');

/** The chart's value: a count, or a short euro amount ("€ 3,5 mln."). */
export function formatMeasure(value: number, measure: Measure, locale: string): string {
	return measure === 'count' ? value.toLocaleString(numberLocale(locale)) : formatEuroShort(value, locale);
}

export function projectsLabel(count: number, locale: string): string {
	return count === 1 ? m.dashboard_projects_one() : m.dashboard_projects({ count: count.toLocaleString(numberLocale(locale)) });
}

/** The accessible name of a bar or province: "Noord-Brabant: 23 projecten, begroting € 312 mln.". */
export function itemLabel(row: ChartRow, measure: Measure, locale: string): string {
	const amount =
		measure === 'requestedAmount'
			? m.dashboard_amount_requested({ amount: formatEuroShort(row.requestedAmount, locale) })
			: m.dashboard_amount_budget({ amount: formatEuroShort(row.totalBudget, locale) });
	return m.dashboard_item({ name: row.label, projects: projectsLabel(row.count, locale), amount });
}

/** The smaller figure beside a bar: money next to a count, the count next to money. */
export function secondaryValue(row: ChartRow, measure: Measure, locale: string): string {
	return measure === 'count' ? formatEuroShort(row.totalBudget, locale) : projectsLabel(row.count, locale);
}
