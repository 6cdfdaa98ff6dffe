import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

// The admin sees every page, including the admin pages.
const ADMIN = 'beheerder@demo.tafel';
const PAGES = ['/', '/projecten', '/projecten/nieuw', '/projecten/import', '/dashboard', '/meldingen', '/werkagenda', '/account', '/beheer/gebruikers', '/beheer/organisaties'];
const PHONE = { width: 390, height: 844 };

const sideways = (page: Page) => page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));

async function expectNoSidewaysScroll(page: Page, path: string) {
	await page.goto(path);
	await page.waitForLoadState('networkidle');
	const { scroll, inner } = await sideways(page);
	expect(scroll, `${path} at ${inner} px is ${scroll} px wide`).toBeLessThanOrEqual(inner);
}

/** Every listed page plus one project page, found the way a user would: through the list. */
async function allPages(page: Page): Promise<string[]> {
	await page.goto('/projecten');
	// Cards on a phone, rows on a wide screen: the first project link in either.
	const project = await page.locator('li[data-card] a, tbody tr[data-project] a').first().getAttribute('href');
	expect(project).toMatch(/^\/projecten\/[^/]+$/);
	return [...PAGES, project!];
}

test('no page scrolls sideways on a phone (390 px), and each passes axe there', async ({ page, loginAs, expectAccessible }) => {
	await page.setViewportSize(PHONE);
	await expectNoSidewaysScroll(page, '/login');
	await expectAccessible(page);
	await loginAs(page, ADMIN);
	for (const path of await allPages(page)) {
		await expectNoSidewaysScroll(page, path);
		await expectAccessible(page);
	}
});

test('no page scrolls sideways at 320 px or at 1280 px', async ({ page, loginAs }) => {
	await loginAs(page, ADMIN);
	const paths = await allPages(page);
	for (const width of [320, 1280]) {
		await page.setViewportSize({ width, height: 800 });
		for (const path of paths) await expectNoSidewaysScroll(page, path);
	}
});

test('on a phone the navigation opens from the menu button by keyboard and Escape closes it', async ({ page, loginAs }) => {
	await page.setViewportSize(PHONE);
	await loginAs(page, ADMIN);
	await page.goto('/projecten');
	const menu = page.getByRole('button', { name: 'Menu' });
	const nav = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
	await expect(menu).toHaveAttribute('aria-expanded', 'false');
	await expect(nav.getByRole('link', { name: 'Dashboard' })).toBeHidden();
	await menu.focus();
	await page.keyboard.press('Enter');
	await expect(menu).toHaveAttribute('aria-expanded', 'true');
	await expect(nav.getByRole('link', { name: 'Start' })).toBeFocused();
	await expect(nav.getByRole('link', { name: 'Projecten' })).toHaveAttribute('aria-current', 'page');
	await page.keyboard.press('Tab');
	await expect(nav.getByRole('link', { name: 'Projecten' })).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(menu).toHaveAttribute('aria-expanded', 'false');
	await expect(menu).toBeFocused();
	await expect(nav.getByRole('link', { name: 'Dashboard' })).toBeHidden();
	// Following a link closes the menu on the next page.
	await page.keyboard.press('Enter');
	await nav.getByRole('link', { name: 'Dashboard' }).click();
	await expect(page).toHaveURL(/\/dashboard$/);
	await expect(menu).toHaveAttribute('aria-expanded', 'false');
});

test('on a wide screen the navigation is one row without a menu button', async ({ page, loginAs }) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await loginAs(page, ADMIN);
	await page.goto('/');
	await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
	const tops = await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link').evaluateAll((links) => links.map((a) => Math.round(a.getBoundingClientRect().top)));
	expect(tops.length).toBeGreaterThan(5);
	expect(new Set(tops).size).toBe(1);
});

test('on a phone the editor toolbar keeps the main actions in one row and the rest in a keyboard menu', async ({ page, loginAs }) => {
	await page.setViewportSize(PHONE);
	await loginAs(page, ADMIN);
	await page.goto('/werkagenda');
	const toolbar = page.getByRole('toolbar', { name: 'Opmaak' });
	const more = toolbar.getByRole('button', { name: 'Meer' });
	await expect(more).toBeVisible();
	const main = ['Vet', 'Cursief', 'Link', 'Opsomming', 'Nummering'];
	for (const name of main) await expect(toolbar.getByRole('button', { name, exact: true })).toBeVisible();
	const tops = await toolbar.locator('button.tool').evaluateAll((buttons) => buttons.map((b) => Math.round(b.getBoundingClientRect().top)));
	expect(new Set(tops).size, 'the toolbar is one row').toBe(1);

	// Arrow keys reach "Meer" (roving tabindex); the menu opens with its first item focused.
	await toolbar.getByRole('button', { name: 'Vet' }).focus();
	await page.keyboard.press('End');
	await expect(more).toBeFocused();
	await page.keyboard.press('Enter');
	const menu = page.getByRole('menu', { name: 'Meer' });
	await expect(menu.getByRole('menuitemcheckbox', { name: 'Tekst' })).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await expect(menu.getByRole('menuitemcheckbox', { name: 'Kop', exact: true })).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(menu).toBeHidden();
	await expect(more).toBeFocused();

	// Choosing an item applies it to the text.
	const text = page.locator('.tiptap');
	await text.click();
	await page.keyboard.press('Control+End');
	await page.keyboard.press('Enter');
	await page.keyboard.type('Kop-van-de-telefoon');
	await more.click();
	await menu.getByRole('menuitemcheckbox', { name: 'Kop', exact: true }).click();
	await expect(text.locator('h2', { hasText: 'Kop-van-de-telefoon' })).toBeVisible();
});

test('the project grid: cards on a phone, chosen columns remembered on a wide screen', async ({ page, loginAs, expectAccessible }) => {
	await page.setViewportSize(PHONE);
	await loginAs(page, ADMIN);
	await page.goto('/projecten');
	const card = page.getByRole('list', { name: 'Projecten' }).getByRole('listitem').first();
	await expect(card.getByRole('link')).toBeVisible();
	for (const label of ['Eigenaar', 'Status', 'Begroting']) await expect(card.getByText(label, { exact: true })).toBeVisible();
	await expect(card.getByText('Demo · fictief')).toBeVisible();
	await expect(page.locator('table.grid')).toBeHidden();
	// Sorting without column headers.
	await page.getByLabel('Sorteren op').selectOption('totalBudget');
	await page.getByLabel('Volgorde').selectOption('desc');
	await page.getByRole('button', { name: 'Sorteren', exact: true }).click();
	await expect(page).toHaveURL(/sorteer=totalBudget&richting=desc/);

	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto('/projecten');
	const row = page.locator('tbody tr[data-project]').first();
	const rowHeight = await row.evaluate((r) => r.getBoundingClientRect().height);
	expect(rowHeight, 'a dense single-line row').toBeLessThan(40);
	await expect(page.getByRole('columnheader', { name: /^Thema/ })).toBeVisible();
	await page.locator('summary').filter({ hasText: 'Kolommen' }).click();
	await page.getByRole('checkbox', { name: 'Thema' }).uncheck();
	await expect(page.getByRole('columnheader', { name: /^Thema/ })).toHaveCount(0);
	await expectAccessible(page);
	await page.reload();
	await expect(page.getByRole('columnheader', { name: /^Eigenaar/ })).toBeVisible();
	await expect(page.getByRole('columnheader', { name: /^Thema/ })).toHaveCount(0);
});
