import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

// A platform project of Provincie Groningen, with a description of several paragraphs.
const PROJECT = 'rip-demo-0001';
const EVA = 'lid.ezk@demo.tafel'; // member
const DEWI = 'deelnemer@demo.tafel'; // participant: reads and comments
const WOUT = 'waarnemer@demo.tafel'; // observer: reads only

const description = (page: Page) => page.getByRole('textbox', { name: 'Beschrijving' });
const toggle = (page: Page, name: string) => page.getByRole('button', { name: new RegExp(`^${name} `) });
const margin = (page: Page) => page.getByRole('region', { name: /Opmerkingen/ });

async function open(page: Page, width = 1280): Promise<void> {
	await page.setViewportSize({ width, height: width > 500 ? 800 : 844 });
	await page.goto(`/projecten/${PROJECT}`);
	await expect(description(page)).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen' })).toBeVisible();
}

/** Selects the first characters of a paragraph of the description, as a mouse would. */
async function select(paragraph: Locator, length: number): Promise<string> {
	return paragraph.evaluate((p, n) => {
		const text = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode() as Text;
		const range = document.createRange();
		range.setStart(text, 0);
		range.setEnd(text, n);
		getSelection()!.removeAllRanges();
		getSelection()!.addRange(range);
		return range.toString();
	}, length);
}

const top = (locator: Locator) => locator.evaluate((el) => el.getBoundingClientRect().top);
const inViewport = (locator: Locator) => locator.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; });
const focusInside = (locator: Locator) => locator.evaluate((el) => el.contains(document.activeElement));

test('the record reads as a document: figures on top, the description before the sections, which fold by keyboard and are jumped to', async ({ newUserPage, expectAccessible }) => {
	const eva = await newUserPage(EVA);
	await open(eva);
	// The key figures follow the live fields.
	await expect(eva.getByRole('heading', { name: 'Kerngegevens' })).toBeAttached();
	const budget = eva.getByLabel('Totale begroting (€)', { exact: true });
	await budget.fill('52000000');
	await budget.press('Tab');
	await expect(eva.getByRole('definition').filter({ hasText: '€ 52.000.000' })).toBeVisible();

	// The description comes before the first section, in reading order and on screen.
	const inhoud = toggle(eva, 'Inhoud');
	const before = await description(eva).evaluate((el, other) => !!(el.compareDocumentPosition(other!) & Node.DOCUMENT_POSITION_FOLLOWING), await inhoud.elementHandle());
	expect(before).toBe(true);
	expect(await top(description(eva))).toBeLessThan(await top(inhoud));
	await expectAccessible(eva);

	// A section folds and unfolds from the keyboard; focus stays on its toggle.
	const financiering = toggle(eva, 'Financiering');
	await expect(financiering).toContainText('3 van 3 ingevuld');
	await financiering.focus();
	await eva.keyboard.press('Enter');
	await expect(financiering).toHaveAttribute('aria-expanded', 'false');
	await expect(eva.getByLabel('Totale begroting (€)', { exact: true })).toBeHidden();
	await expect(financiering).toBeFocused();
	await eva.keyboard.press('Space');
	await expect(financiering).toHaveAttribute('aria-expanded', 'true');
	await expect(eva.getByLabel('Totale begroting (€)', { exact: true })).toBeVisible();
	await expect(financiering).toBeFocused();

	// Folded stays folded for this person; the index unfolds it and goes there.
	await toggle(eva, 'Regio').click();
	await expect(eva.getByRole('group', { name: /Provincies/ })).toBeHidden();
	await eva.reload();
	await expect(toggle(eva, 'Regio')).toHaveAttribute('aria-expanded', 'false');
	await eva.getByRole('navigation', { name: 'Op deze pagina' }).getByRole('link', { name: 'Regio' }).click();
	await expect(toggle(eva, 'Regio')).toHaveAttribute('aria-expanded', 'true');
	await expect(toggle(eva, 'Regio')).toBeFocused();
	await expect(eva.getByRole('group', { name: /Provincies/ })).toBeInViewport();
});

test('at 1280 the comment margin stays beside its passage; opening a thread from its highlight focuses it', async ({ newUserPage }) => {
	const dewi = await newUserPage(DEWI);
	await open(dewi);
	const paragraph = description(dewi).locator('p').last();
	const quote = (await select(paragraph, 30)).trim();
	await dewi.getByRole('button', { name: 'Opmerking bij selectie' }).click();
	const box = margin(dewi).getByRole('combobox', { name: 'Opmerking bij de geselecteerde tekst' });
	await expect(box).toBeFocused();
	await box.fill('Klopt dit bedrag nog?');
	await box.press('Control+Enter');
	const highlight = description(dewi).locator('.comment-anchor');
	await expect(highlight).toHaveText(quote);

	// Scroll so the passage sits low in the window, then open its thread from the text.
	for (const offset of [520, 260]) {
		await highlight.evaluate((el, y) => window.scrollBy(0, el.getBoundingClientRect().top - y), offset);
		await highlight.click();
		const card = margin(dewi).locator('article.thread--active');
		await expect(card).toBeFocused();
		await expect.poll(async () => Math.abs((await top(card)) - (await top(highlight)))).toBeLessThan(12);
		expect(await inViewport(card)).toBe(true);
		expect(await inViewport(highlight)).toBe(true);
	}
	// Scrolling the page on: the card follows its passage.
	await dewi.mouse.wheel(0, 120);
	const card = margin(dewi).locator('article.thread--active');
	await expect.poll(async () => Math.abs((await top(card)) - (await top(highlight)))).toBeLessThan(12);
});

test('at 390 the comments are a sheet: it opens with the composer, keeps focus inside and closes with Escape', async ({ newUserPage, expectAccessible }) => {
	const dewi = await newUserPage(DEWI);
	await open(dewi, 390);
	expect(await dewi.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	await expect(dewi.getByRole('dialog')).toHaveCount(0);
	await expectAccessible(dewi);

	const opener = dewi.getByRole('button', { name: /^Opmerkingen \(\d+\)$/ });
	await opener.click();
	const sheet = dewi.getByRole('dialog', { name: /Opmerkingen/ });
	await expect(sheet).toBeVisible();
	expect(await focusInside(sheet)).toBe(true);
	for (let i = 0; i < 6; i++) {
		await dewi.keyboard.press('Tab');
		expect(await focusInside(sheet)).toBe(true);
	}
	await dewi.keyboard.press('Shift+Tab');
	expect(await focusInside(sheet)).toBe(true);
	await expectAccessible(dewi);
	await dewi.keyboard.press('Escape');
	await expect(sheet).toBeHidden();
	await expect(opener).toBeFocused();

	// Commenting on selected text opens the sheet with the composer, focused.
	await select(description(dewi).locator('p').first(), 20);
	await dewi.getByRole('button', { name: 'Opmerking bij selectie' }).click();
	await expect(sheet.getByRole('combobox', { name: 'Opmerking bij de geselecteerde tekst' })).toBeFocused();
	expect(await dewi.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('an observer is told they may only read, and is offered no way to comment', async ({ newUserPage, expectAccessible }) => {
	const wout = await newUserPage(WOUT);
	await open(wout);
	await expect(wout.getByText('U kunt dit project lezen, maar niet bewerken of erop reageren.')).toBeVisible();
	await expect(wout.getByLabel('Titel', { exact: true })).toHaveAttribute('readonly', '');
	await expect(wout.getByRole('button', { name: /^Opmerking (bij|over)/ })).toHaveCount(0);
	await expect(wout.getByText('Koppeling voorstellen')).toHaveCount(0);
	await expectAccessible(wout);
	await open(wout, 390);
	await expect(wout.getByText('U kunt dit project lezen, maar niet bewerken of erop reageren.')).toBeVisible();
	await wout.getByRole('button', { name: /^Opmerkingen \(\d+\)$/ }).click();
	await expect(wout.getByRole('dialog', { name: /Opmerkingen/ }).getByRole('button', { name: /^Opmerking (bij|over)/ })).toHaveCount(0);
});

test('a participant made member gets editable fields without a reload', async ({ page, newUserPage, makeDewiMember }) => {
	const dewi = await newUserPage(DEWI);
	await open(dewi);
	const title = dewi.getByLabel('Titel', { exact: true });
	await expect(title).toHaveAttribute('readonly', '');
	await expect(dewi.getByText('U kunt dit project lezen en erop reageren, maar niet bewerken.')).toBeVisible();

	await makeDewiMember(page);

	// No reload: the Access message makes fields, description and section controls writable.
	await expect(title).not.toHaveAttribute('readonly');
	await expect(dewi.getByLabel('Status', { exact: true })).toBeEnabled();
	await expect(description(dewi)).toHaveAttribute('aria-readonly', 'false');
	await expect(dewi.getByText('U kunt dit project lezen en erop reageren, maar niet bewerken.')).toHaveCount(0);
	// And what Dewi now types is stored.
	await title.focus();
	await dewi.keyboard.press('End');
	await dewi.keyboard.type(' (Dewi)');
	await expect(dewi.getByRole('status').filter({ hasText: /Opgeslagen|Bezig met opslaan/ })).toHaveText('Opgeslagen');
});
