import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

const EVA = 'lid.ezk@demo.tafel';

async function openInventory(page: Page, search = ''): Promise<void> {
	await page.goto(`/projecten${search}`);
	// Filters apply on change only once the page is hydrated.
	await expect(page.locator('form[data-enhanced]')).toBeVisible();
}

const rowIds = (page: Page) => page.locator('tbody tr[data-project]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-project')));
const euros = (text: string) => Number(text.replace(/[^\d]/g, '')) || 0;
const group = (page: Page, name: string) => page.locator('summary').filter({ hasText: new RegExp(`^${name}`) });
const summaryCount = async (page: Page) => Number(((await page.getByRole('status').filter({ hasText: 'projecten' }).textContent()) ?? '').replace(/\D.*$/s, ''));

test('filters and search narrow the grid, and the link shows the same rows in another browser', async ({ page, loginAs, newUserPage, expectAccessible }) => {
	await loginAs(page, EVA);
	await openInventory(page);
	await expectAccessible(page);
	const before = await summaryCount(page);
	await group(page, 'Provincies').click();
	await page.getByRole('checkbox', { name: 'Utrecht', exact: true }).check();
	await expect(page).toHaveURL(/provincie=NL-UT/);
	await expect(page.getByRole('link', { name: 'Filter verwijderen: Provincies: Utrecht' })).toBeVisible();
	await expect.poll(() => summaryCount(page)).toBeLessThan(before);
	const inUtrecht = await summaryCount(page);
	await page.getByRole('searchbox', { name: 'Zoeken' }).fill('zorg');
	await expect(page).toHaveURL(/zoek=zorg/);
	await expect.poll(() => summaryCount(page)).toBeLessThan(inUtrecht);
	const rows = await rowIds(page);
	expect(rows.length).toBeGreaterThan(0);

	const other = await newUserPage(EVA);
	await other.goto(page.url());
	expect(await rowIds(other)).toEqual(rows);
	await expect(other.getByRole('searchbox', { name: 'Zoeken' })).toHaveValue('zorg');
	await expectAccessible(other);

	await page.getByRole('link', { name: 'Filter verwijderen: Provincies: Utrecht' }).click();
	await expect(page).not.toHaveURL(/provincie=/);
	await expect(page.locator('input[name=provincie][value=NL-UT]')).not.toBeChecked();
});

test('sorting by total budget puts the largest first, and group by province shows totals', async ({ page, loginAs, expectAccessible }) => {
	await loginAs(page, EVA);
	await openInventory(page);
	await page.getByRole('link', { name: /^Totale begroting/ }).click();
	await expect(page.getByRole('columnheader', { name: /Totale begroting/ })).toHaveAttribute('aria-sort', 'descending');
	const budgets = (await page.locator('tbody tr[data-project] td:nth-child(6)').allTextContents()).map(euros);
	expect(budgets.length).toBeGreaterThan(10);
	expect(budgets).toEqual([...budgets].sort((a, b) => b - a));

	await group(page, 'Weergave').click();
	await page.getByLabel('Groeperen op').selectOption('province');
	await expect(page).toHaveURL(/groepeer=province/);
	const summary = page.getByRole('table', { name: 'Overzicht per provincie' });
	await expect(summary).toBeVisible();
	const utrecht = summary.locator('tr[data-group="NL-UT"]');
	expect(Number(await utrecht.locator('td').first().textContent())).toBeGreaterThan(0);
	expect(euros((await utrecht.locator('td').nth(1).textContent()) ?? '')).toBeGreaterThan(0);
	await expect(page.locator('tbody tr[data-project]').first()).toBeVisible();
	await expectAccessible(page);
});

test('a saved view appears in the list and applies', async ({ page, loginAs, expectAccessible }) => {
	await loginAs(page, EVA);
	await openInventory(page, '?status=idee&thema=energie-klimaat');
	const name = `Energie-ideeën ${Date.now()}`;
	await page.getByLabel('Huidige weergave opslaan als').fill(name);
	await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
	const view = page.getByRole('link', { name, exact: true });
	await expect(view).toBeVisible();
	await openInventory(page);
	await page.getByRole('link', { name, exact: true }).click();
	await expect(page).toHaveURL(/status=idee/);
	await expect(page).toHaveURL(/thema=energie-klimaat/);
	await expect(page.getByRole('link', { name: 'Filter verwijderen: Status: Idee' })).toBeVisible();
	await expect(page.getByRole('checkbox', { name: 'Idee', exact: true })).toBeChecked();
	await expectAccessible(page);
	await page.getByRole('button', { name: `Weergave ${name} verwijderen` }).click();
	await expect(page.getByRole('link', { name, exact: true })).toHaveCount(0);
});

test('the XLSX export of the current view downloads a valid workbook', async ({ page, loginAs }) => {
	await loginAs(page, EVA);
	await openInventory(page, '?provincie=NL-GR');
	const count = await summaryCount(page);
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Excel (XLSX)' }).click()]);
	expect(download.suggestedFilename()).toMatch(/^tafel-projecten-\d{4}-\d{2}-\d{2}\.xlsx$/);
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.readFile(await download.path());
	const sheet = workbook.worksheets[0];
	expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(expect.arrayContaining(['Kenmerk', 'Titel', 'Provincies', 'Totale begroting (€)']));
	expect(sheet.rowCount - 1).toBe(count);
});

test('a new project: Dutch errors per field, then it appears live in an open grid', async ({ page, loginAs, newUserPage, expectAccessible }) => {
	const watcher = await newUserPage(EVA);
	await openInventory(watcher);
	await loginAs(page, EVA);
	await page.goto('/projecten/nieuw');
	await expectAccessible(page);
	await page.getByLabel('Titel').fill('Kort');
	await page.getByRole('button', { name: 'Project aanmaken' }).click();
	await expect(page.getByRole('alert')).toContainText('Titel: Deze tekst is te kort.');
	await expect(page.getByLabel('Titel')).toHaveAttribute('aria-invalid', 'true');
	await expectAccessible(page);
	const title = `Testproject live ${Date.now()}`;
	await page.getByLabel('Titel').fill(title);
	await page.getByLabel('Status').selectOption('verkenning');
	await page.getByRole('checkbox', { name: 'Flevoland' }).check();
	await page.getByRole('button', { name: 'Project aanmaken' }).click();
	await expect(page).toHaveURL(/\/projecten\/p-[a-z0-9]+$/);
	// The open grid (newest first) shows it without a reload, with the concept badge.
	const row = watcher.locator('tbody tr[data-project]').filter({ hasText: title });
	await expect(row).toBeVisible({ timeout: 15_000 });
	await expect(row).toContainText('Concept');
	await expect(watcher.getByText(/De lijst is om .* bijgewerkt/)).toBeVisible();
});

test('keyboard: the filter panel and the grid are reachable and operable with Tab, Enter and Space', async ({ page, loginAs }) => {
	await loginAs(page, EVA);
	await openInventory(page);
	const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim().slice(0, 40) || '');
	async function tabTo(predicate: (label: string) => boolean, limit = 60) {
		for (let i = 0; i < limit; i++) {
			await page.keyboard.press('Tab');
			if (predicate(await focused())) return;
		}
		throw new Error('focus never arrived');
	}
	await tabTo((id) => id === 'filter-zoek');
	await page.keyboard.type('zorg');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/zoek=zorg/);
	await expect(page.locator('#filter-zoek')).toBeFocused();
	await tabTo((label) => label.startsWith('Status'));
	await page.keyboard.press('Enter');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Space');
	await expect(page).toHaveURL(/status=idee/);
	await expect(page.getByRole('checkbox', { name: 'Idee', exact: true })).toBeFocused();
	await tabTo((label) => label.startsWith('Gewijzigd'), 120);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/sorteer=updatedAt&richting=asc/);
	await expect(page.getByRole('columnheader', { name: /Gewijzigd/ })).toHaveAttribute('aria-sort', 'ascending');
	await page.keyboard.press('Tab');
	await expect(page.locator('tbody a').first()).toBeFocused();
});
