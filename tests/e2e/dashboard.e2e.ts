import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

const EVA = 'lid.ezk@demo.tafel';

const number = (text: string | null) => Number((text ?? '').replace(/\D/g, '')) || 0;
/** The grid's summary line starts with the count of the whole filtered set. */
const gridCount = async (page: Page) => number(((await page.getByRole('status').filter({ hasText: 'project' }).textContent()) ?? '').replace(/project.*$/s, ''));
const chart = (page: Page, name: RegExp) => page.getByRole('figure', { name });

/** Opens the chart's "Toon als tabel" and reads it as key → [count, total, requested]. */
async function tableOf(figure: Locator): Promise<Map<string, number[]>> {
	await figure.getByText('Toon als tabel').click();
	const rows = figure.locator('table tbody tr');
	await expect(rows.first()).toBeVisible();
	const result = new Map<string, number[]>();
	for (const row of await rows.all()) {
		const cells = (await row.locator('td').allTextContents()).map(number);
		result.set((await row.getAttribute('data-key')) ?? '', cells);
	}
	return result;
}

test('the dashboard counts per theme, province and instrument match the grid', async ({ page, loginAs, expectAccessible }) => {
	await loginAs(page, EVA);
	await page.goto('/dashboard');
	await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
	await expectAccessible(page);
	const total = number((await page.getByText(/^\d+ projecten · totaal/).textContent())?.replace(/projecten.*$/s, '') ?? '');
	expect(total).toBeGreaterThan(0);

	const checks = [
		{ figure: /^Aantal projecten per thema/, param: 'thema' },
		{ figure: /^Aantal projecten per provincie/, param: 'provincie' },
		{ figure: /^Aantal projecten per instrument/, param: 'instrument' }
	];
	for (const { figure, param } of checks) {
		const table = await tableOf(chart(page, figure));
		const [key, [count]] = [...table].find(([k, [n]]) => k && n > 0)!;
		// Every bar names its numbers, so the chart itself is readable without the table.
		const bar = chart(page, figure).locator(`a.bar-row[data-key="${key}"]`);
		await expect(bar).toHaveAttribute('aria-label', new RegExp(`: ${count} project`));
		await expect(bar).toHaveAttribute('href', `/projecten?${param}=${key}`);
		await page.goto(`/projecten?${param}=${key}`);
		expect(await gridCount(page), `${param}=${key}`).toBe(count);
		await page.goto('/dashboard');
	}
	await page.goto('/projecten');
	expect(await gridCount(page)).toBe(total);
});

test('the map filters the grid: click and Enter on Noord-Brabant open its projects', async ({ page, loginAs, expectAccessible }) => {
	await loginAs(page, EVA);
	await page.goto('/dashboard');
	const map = chart(page, /^Kaart: aantal projecten per provincie/);
	await expect(map).toContainText('Bron: CBS, PDOK');
	await expect(map.locator('a[data-province]')).toHaveCount(12);
	const brabant = map.getByRole('link', { name: /^Noord-Brabant: \d+ project/ });
	const expected = number(((await brabant.getAttribute('aria-label')) ?? '').replace(/project.*$/, ''));

	await brabant.click();
	await expect(page).toHaveURL(/\/projecten\?provincie=NL-NB$/);
	expect(await gridCount(page)).toBe(expected);
	const provinces = await page.locator('tbody tr[data-project] td:nth-child(3)').allTextContents();
	expect(provinces.length).toBeGreaterThan(0);
	for (const cell of provinces) expect(cell).toContain('Noord-Brabant');
	await expectAccessible(page);

	await page.goto('/dashboard');
	await brabant.focus();
	await expect(brabant).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/projecten\?provincie=NL-NB$/);
});

test('the table alternatives hold the same numbers as the charts and the map', async ({ page, loginAs, expectAccessible }) => {
	await loginAs(page, EVA);
	await page.goto('/dashboard');
	for (const name of [/^Aantal projecten per thema/, /^Aantal projecten per instrument/, /^Aantal projecten per provincie/]) {
		const figure = chart(page, name);
		const table = await tableOf(figure);
		const bars = await figure.locator('.bar-row').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-key') ?? '', r.querySelector('.value strong')?.textContent ?? '']));
		expect(bars.length).toBe(table.size);
		for (const [key, value] of bars) expect(number(value), key).toBe(table.get(key)![0]);
	}
	const map = chart(page, /^Kaart/);
	const table = await tableOf(map);
	expect(table.size).toBe(12);
	let compared = 0;
	for (const [key, [count, budget]] of table) {
		const label = (await map.locator(`a[data-province="${key}"]`).getAttribute('aria-label')) ?? '';
		expect(label, key).toMatch(new RegExp(`: ${count} project`));
		// The table has whole euros, the label "€ 544,5 mln."; they must agree to the shown precision.
		const short = /begroting €\s?([\d.,]+)\s(mln|mld)/.exec(label);
		if (short) {
			compared++;
			const unit = short[2] === 'mln' ? 1e6 : 1e9;
			expect(Math.abs(Number(short[1].replace(/\./g, '').replace(',', '.')) * unit - budget), key).toBeLessThanOrEqual(0.05 * unit);
		}
	}
	expect(compared).toBeGreaterThan(0);
	// All four tables are open now: axe checks their headers and contrast too.
	await expectAccessible(page);
});

test('measure and filters are links: budget view of the ideas, still accessible', async ({ page, loginAs, expectAccessible }) => {
	await loginAs(page, EVA);
	await page.goto('/dashboard');
	const allProjects = number((await page.getByText(/^\d+ projecten · totaal/).textContent())?.replace(/projecten.*$/s, '') ?? '');
	await page.getByRole('link', { name: 'Totale begroting' }).click();
	await expect(page).toHaveURL(/maat=begroting/);
	await expect(page.getByRole('link', { name: 'Totale begroting' })).toHaveAttribute('aria-current', 'true');
	await expect(chart(page, /^Totale begroting per thema/)).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Kaart: totale begroting per provincie' })).toBeVisible();

	await page.getByLabel('Status').selectOption('idee');
	await page.getByRole('button', { name: 'Toepassen' }).click();
	await expect(page).toHaveURL(/status=idee/);
	await expect(page).toHaveURL(/maat=begroting/);
	const ideas = number((await page.getByText(/^\d+ projecten? · totaal/).textContent())?.replace(/project.*$/s, '') ?? '');
	expect(ideas).toBeLessThan(allProjects);
	await expect(page.getByRole('link', { name: 'Filter verwijderen: Status: Idee' })).toBeVisible();
	// A bar keeps the dashboard's filters on the way to the grid.
	const first = chart(page, /^Totale begroting per thema/).locator('a.bar-row').first();
	await expect(first).toHaveAttribute('href', /status=idee/);
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Deze projecten in de lijst bekijken' }).click();
	await expect(page).toHaveURL(/\/projecten\?status=idee$/);
	expect(await gridCount(page)).toBe(ideas);
});
