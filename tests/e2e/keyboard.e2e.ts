/**
 * Keyboard-only journeys: no mouse call anywhere in this file (no click, hover, drag), only
 * focus, key presses and typing, as someone who works by keyboard or with a screen reader.
 * After every action the test asserts where focus landed: on what the person works with next.
 */
import ExcelJS from 'exceljs';
import type { Locator, Page } from '@playwright/test';
import { test, expect, DEMO_PASSWORD } from './fixtures.ts';

const EVA = 'lid.ezk@demo.tafel'; // Eva de Vries, member, Ministerie van EZ
const BRAM = 'lid.brabant@demo.tafel'; // Bram van Dijk, member, Provincie Noord-Brabant
const DEWI = 'deelnemer@demo.tafel'; // Dewi Jansen, participant, BOM

const description = (page: Page) => page.getByRole('textbox', { name: 'Beschrijving' });
const panel = (page: Page) => page.getByRole('region', { name: /Opmerkingen/ });
const heading = (page: Page) => page.getByRole('heading', { level: 1 });

/**
 * Waits for the page's scripts: before that a key press reaches plain HTML (a form posts as a
 * page load), which works but is not the journey under test. SvelteKit adds its route
 * announcer once the app is mounted.
 */
async function hydrated(page: Page): Promise<void> {
	await expect(page.locator('#svelte-announcer')).toBeAttached();
}

/** Tabs forward until `target` has focus: it must be reachable, within `max` stops. */
async function tabTo(page: Page, target: Locator, max = 25): Promise<void> {
	for (let i = 0; i < max; i++) {
		if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
		await page.keyboard.press('Tab');
	}
	await expect(target, `reachable by Tab within ${max} stops`).toBeFocused();
}

test('login: a wrong password puts focus on the password with the error; the right one logs in', async ({ page, expectAccessible }) => {
	await page.goto('/login');
	await hydrated(page);
	await page.getByLabel('E-mailadres').focus();
	await page.keyboard.type(EVA);
	await page.keyboard.press('Tab');
	await page.keyboard.type('niet-het-wachtwoord');
	await page.keyboard.press('Enter');
	const password = page.getByLabel('Wachtwoord');
	await expect(page.getByRole('alert')).toBeVisible();
	await expect(password).toBeFocused();
	await expect(password).toHaveAccessibleDescription(/./);
	await expectAccessible(page);
	await page.keyboard.type(DEMO_PASSWORD);
	await page.keyboard.press('Enter');
	await expect(page).not.toHaveURL(/\/login/);
	await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
});

test('find a project by filter and search, skip to the results and open it; focus lands on its title', async ({ newUserPage, expectAccessible }) => {
	const eva = await newUserPage(EVA);
	await eva.goto('/projecten');
	await expect(eva.locator('form[data-enhanced]')).toBeVisible();
	const search = eva.getByRole('searchbox', { name: 'Zoeken' });
	await search.focus();
	// Two stops from the search box to the first filter group, past the skip link.
	await eva.keyboard.press('Tab');
	await expect(eva.getByRole('link', { name: 'Naar resultaten' })).toBeFocused();
	await eva.keyboard.press('Tab');
	await eva.keyboard.press('Enter'); // opens "Provincies"
	await eva.keyboard.press('Tab');
	const province = eva.getByRole('group', { name: 'Provincies' }).getByRole('checkbox').first();
	await expect(province).toBeFocused();
	await eva.keyboard.press('Space');
	await expect(eva).toHaveURL(/provincie=/);
	await expect(province).toBeChecked();
	await expect(province).toBeFocused();

	// A code of that province's project is a search with one result.
	const id = await province.getAttribute('value');
	const list = (await (await eva.request.get(`/api/projects?provincie=${id}&per_pagina=1`)).json()) as { projects: { code: string; title: string }[] };
	const wanted = list.projects[0];
	await eva.keyboard.press('Shift+Tab'); // the group's summary
	await eva.keyboard.press('Shift+Tab'); // "Naar resultaten"
	await eva.keyboard.press('Shift+Tab');
	await expect(search).toBeFocused();
	await eva.keyboard.type(wanted.code);
	await expect(eva.getByRole('status').filter({ hasText: /^1 project/ })).toBeVisible();
	await expect(search).toBeFocused();
	await eva.keyboard.press('Tab');
	await eva.keyboard.press('Enter');
	const first = eva.locator('#resultaten .project-link:visible').first();
	await expect(first).toHaveText(wanted.title);
	await expect(first).toBeFocused();
	await expectAccessible(eva);
	await eva.keyboard.press('Enter');
	await expect(heading(eva)).toHaveText(wanted.title);
	await expect(heading(eva)).toBeFocused();
	// The SvelteKit announcer is replaced by the layout's, which says the new page's title.
	await expect(eva.locator('#tafel-announcer')).toContainText(wanted.title);
});

test('edit a field, the status and the description (bold from the toolbar); Escape leaves the text', async ({ newUserPage, expectAccessible }) => {
	const eva = await newUserPage(EVA);
	await eva.goto('/projecten/rip-demo-0002');
	await hydrated(eva);
	const title = eva.getByLabel('Titel', { exact: true });
	await title.focus();
	await eva.keyboard.press('End');
	await eva.keyboard.type(' (toetsenbord)');
	await expect(title).toHaveValue(/\(toetsenbord\)$/);
	await expect(title).toBeFocused();

	const status = eva.getByLabel('Status', { exact: true });
	const before = await status.inputValue();
	await status.focus();
	await eva.keyboard.press('ArrowDown');
	await expect(status).not.toHaveValue(before);
	await expect(status).toBeFocused();
	await expect(eva.getByRole('status').filter({ hasText: 'Opgeslagen' })).toBeVisible();

	// The description: type a line, select it, make it bold from the toolbar.
	const text = description(eva);
	await text.focus();
	await eva.keyboard.press('Control+End');
	await eva.keyboard.press('Enter');
	await eva.keyboard.type('Vet-door-toetsenbord');
	await eva.keyboard.press('Shift+Home');
	// The keyboard help is the text's description and shows while it has focus.
	await expect(text).toHaveAccessibleDescription(/Esc verlaat de tekst/);
	await eva.keyboard.press('Escape');
	const toolbar = eva.getByRole('toolbar', { name: 'Opmaak' });
	await expect(toolbar.getByRole('button', { name: /^Tekst/ })).toBeFocused();
	const bold = toolbar.getByRole('button', { name: /^Vet/ });
	// The toolbar is one Tab stop; arrows move along it.
	for (let i = 0; i < 5 && !(await bold.evaluate((el) => el === document.activeElement)); i++) await eva.keyboard.press('ArrowRight');
	await expect(bold).toBeFocused();
	await eva.keyboard.press('Enter');
	await expect(text.locator('strong')).toHaveText('Vet-door-toetsenbord');
	await expect(text).toBeFocused();
	await expect(bold).toHaveAttribute('aria-pressed', 'true');
	await eva.keyboard.press('Escape');
	await expect(toolbar.locator('button[tabindex="0"]')).toBeFocused();
	await expectAccessible(eva);
	await expect(eva.getByRole('status').filter({ hasText: 'Opgeslagen' })).toBeVisible();
});

test('a participant selects a passage by keyboard and comments with a mention; a member opens the notification and replies; both are announced live', async ({ newUserPage, expectAccessible }) => {
	// Two browsers, a conversation and three axe runs: more than the default minute on 2 busy cores.
	test.slow();
	const dewi = await newUserPage(DEWI);
	const projects = (await (await dewi.request.get('/api/projects?organisatie=prov-nb&per_pagina=10')).json()) as { projects: { id: string; visibility: string }[] };
	const id = projects.projects.find((p) => p.visibility !== 'concept')!.id;
	await dewi.goto(`/projecten/${id}`);
	await hydrated(dewi);
	const text = description(dewi);
	await expect(text).toHaveAttribute('aria-readonly', 'true');
	await expect(text).toHaveAccessibleDescription(/Shift\+pijltjes.*Ctrl\+Alt\+M/);
	const original = await text.innerText();

	// A caret in the read-only text; typing changes nothing.
	await text.focus();
	await dewi.keyboard.press('Control+Home');
	await dewi.keyboard.type('POGING');
	await dewi.keyboard.press('Backspace');
	await dewi.keyboard.press('Enter');
	expect(await text.innerText()).toBe(original);

	// Shift+arrows choose the passage; Ctrl+Alt+M opens the comment box on it.
	await dewi.keyboard.press('Control+Home');
	for (let i = 0; i < 12; i++) await dewi.keyboard.press('Shift+ArrowRight');
	const quote = await dewi.evaluate(() => getSelection()!.toString());
	expect(quote).toHaveLength(12);
	await dewi.keyboard.press('Control+Alt+m');
	const box = panel(dewi).getByRole('combobox', { name: 'Opmerking bij de geselecteerde tekst' });
	await expect(box).toBeFocused();
	await expect(panel(dewi).locator('.pending blockquote')).toContainText(quote);
	// Escape drops it and goes back to the text; the shortcut opens it again.
	await dewi.keyboard.press('Escape');
	await expect(text).toBeFocused();
	await dewi.keyboard.press('Control+Alt+m');
	await expect(box).toBeFocused();
	await expect(box).toHaveAttribute('aria-expanded', 'false');
	await dewi.keyboard.type('Kan dit samen met @Provincie Noord-Bra');
	const option = panel(dewi).getByRole('option', { name: /Provincie Noord-Brabant/ });
	await expect(option).toBeVisible();
	await expect(box).toHaveAttribute('aria-expanded', 'true');
	await expect(box).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id'))!);
	await expect(box).toHaveAttribute('aria-controls', (await panel(dewi).getByRole('listbox').getAttribute('id'))!);
	await expect(panel(dewi).getByRole('status').filter({ hasText: /^1 suggestie;/ })).toBeAttached();
	await expectAccessible(dewi);
	await dewi.keyboard.press('Enter');
	await dewi.keyboard.type('?');
	await dewi.keyboard.press('Control+Enter');
	const thread = panel(dewi).locator('article.thread').filter({ hasText: 'Kan dit samen met' });
	await expect(thread).toBeFocused();
	await expect(text.locator('.comment-anchor')).toHaveText(quote);

	// Deleting asks first; "Nee" goes back to the button.
	const remove = thread.getByRole('button', { name: /^Verwijderen/ });
	await tabTo(dewi, remove);
	await dewi.keyboard.press('Enter');
	const no = thread.getByRole('button', { name: 'Nee' });
	await expect(no).toBeFocused();
	await dewi.keyboard.press('Enter');
	await expect(remove).toBeFocused();

	// Bram, mentioned through his organisation, opens the notification: focus on the thread.
	const bram = await newUserPage(BRAM);
	await bram.goto('/meldingen');
	await hydrated(bram);
	const item = bram.locator('li.item').filter({ hasText: 'Dewi Jansen' }).first();
	// Marked as read, the button goes: focus moves to "Bekijken" of the same notification.
	await item.getByRole('button', { name: 'Markeer als gelezen' }).focus();
	await bram.keyboard.press('Enter');
	const view = item.getByRole('button', { name: /^Bekijken/ });
	await expect(item.getByRole('button', { name: 'Markeer als gelezen' })).toHaveCount(0);
	await expect(view).toBeFocused();
	await bram.keyboard.press('Enter');
	const bramThread = panel(bram).locator('article.thread').filter({ hasText: 'Kan dit samen met' });
	await expect(bramThread).toBeFocused();
	// Dewi hears who came in.
	await expect(dewi.locator('.presence-announcer')).toHaveText(/Bram van Dijk \(.+\) is nu in het document\./);

	// Reply: Escape goes back to the button, the placed answer gets focus.
	const reply = bramThread.getByRole('button', { name: 'Beantwoorden' });
	await tabTo(bram, reply);
	await bram.keyboard.press('Enter');
	const answer = bramThread.getByRole('combobox', { name: 'Uw antwoord' });
	await expect(answer).toBeFocused();
	await bram.keyboard.press('Escape');
	await expect(reply).toBeFocused();
	await bram.keyboard.press('Enter');
	await expect(answer).toBeFocused();
	await bram.keyboard.type('Ja, we nemen het mee naar de brede tafel.');
	await bram.keyboard.press('Control+Enter');
	await expect(bramThread.locator('li.comment').last()).toBeFocused();
	await expect(bramThread.locator('li.comment').last()).toContainText('Ja, we nemen het mee');
	await expectAccessible(bram);

	// Dewi, on the page all along, hears the answer and the new notification; the page title is not read again.
	await expect(dewi.locator('.comment-announcer')).toHaveText(/^Nieuwe opmerking van Bram van Dijk \(.+\): Ja, we nemen het mee naar de brede tafel\.$/);
	await expect(dewi.locator('#unread-announcer')).toHaveText(/^Nieuwe melding: \d+ ongelezen melding(en)?\.$/);
	await expect(dewi.locator('#tafel-announcer')).toHaveText('');
	await expect(dewi.locator('#svelte-announcer')).toBeHidden();
});

test('an admin invites someone by keyboard: focus on the result with the link', async ({ newUserPage, expectAccessible }) => {
	const admin = await newUserPage('beheerder@demo.tafel');
	await admin.goto('/beheer/gebruikers');
	await hydrated(admin);
	await admin.getByLabel('Naam').focus();
	await admin.keyboard.type('Kees Toetsenbord');
	await admin.keyboard.press('Tab');
	await admin.keyboard.type('kees@toetsenbord.example');
	await admin.keyboard.press('Tab');
	await expect(admin.getByLabel('Organisatie')).toBeFocused();
	await admin.keyboard.type('Provincie Utrecht');
	await expect(admin.getByLabel('Organisatie')).toHaveValue(/.+/);
	await admin.keyboard.press('Tab');
	await admin.keyboard.press('Tab');
	await expect(admin.getByRole('button', { name: 'Uitnodiging maken' })).toBeFocused();
	await admin.keyboard.press('Enter');
	const result = admin.getByRole('status').filter({ hasText: 'Kees Toetsenbord' });
	await expect(result).toBeFocused();
	await expect(result.getByLabel('Eenmalige link')).toHaveText(/\/toegang\//);
	await expectAccessible(admin);

	// The same address again is refused: focus on the reason.
	await admin.getByLabel('Naam').focus();
	await admin.keyboard.type('Kees Nogmaals');
	await admin.keyboard.press('Tab');
	await admin.keyboard.type('kees@toetsenbord.example');
	await admin.keyboard.press('Tab');
	await admin.keyboard.type('Provincie Utrecht');
	await tabTo(admin, admin.getByRole('button', { name: 'Uitnodiging maken' }), 3);
	await admin.keyboard.press('Enter');
	await expect(admin.getByRole('alert')).toBeFocused();
});

test('import a spreadsheet by keyboard: a mapping error gets focus, then on to the end', async ({ newUserPage, expectAccessible }, testInfo) => {
	test.slow();
	const bram = await newUserPage(BRAM);
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet('Projecten');
	sheet.addRow(['Projectnaam', 'Werktitel', 'Provincies']);
	sheet.addRow(['E2E Toetsenbordproject Tilburg', 'Tilburg', 'Noord-Brabant']);
	const path = testInfo.outputPath('toetsenbord.xlsx');
	await workbook.xlsx.writeFile(path);

	await bram.goto('/projecten/import');
	await hydrated(bram);
	const file = bram.getByLabel('Spreadsheet (CSV of XLSX)');
	await file.focus();
	// The file chooser is the browser's own dialog; Playwright fills it in.
	await file.setInputFiles(path);
	await bram.keyboard.press('Tab');
	await expect(bram.getByRole('button', { name: 'Bestand uploaden' })).toBeFocused();
	await bram.keyboard.press('Enter');
	await expect(heading(bram)).toHaveText('Kolommen koppelen');
	await expect(heading(bram)).toBeFocused();

	// Two columns on "Titel": refused, focus on the error.
	const second = bram.getByLabel('Kolom B: Werktitel');
	await second.focus();
	await bram.keyboard.type('Titel');
	await expect(second).toHaveValue('title');
	const next = bram.getByRole('button', { name: 'Verder naar controle' });
	await tabTo(bram, next, 10);
	await bram.keyboard.press('Enter');
	const error = bram.getByRole('alert');
	await expect(error).toBeFocused();
	await expectAccessible(bram);
	// The error links to the column: Tab, Enter, and the column's choice has focus.
	await bram.keyboard.press('Tab');
	await bram.keyboard.press('Enter');
	await expect(bram.getByLabel('Kolom A: Projectnaam')).toBeFocused();
	await second.focus();
	await bram.keyboard.type('Niet');
	await expect(second).toHaveValue('');
	await tabTo(bram, next, 10);
	await bram.keyboard.press('Enter');
	await expect(heading(bram)).toHaveText('Controleren en bevestigen');
	await expect(heading(bram)).toBeFocused();
	const confirm = bram.getByRole('button', { name: 'Bevestigen en importeren' });
	await confirm.focus();
	await bram.keyboard.press('Enter');
	await expect(heading(bram)).toHaveText('Import voltooid');
	await expect(heading(bram)).toBeFocused();
	await expectAccessible(bram);
});
