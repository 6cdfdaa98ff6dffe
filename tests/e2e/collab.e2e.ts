import { test, expect } from './fixtures.ts';

type Page = import('@playwright/test').Page;
const editorOf = (page: Page) => page.getByRole('textbox', { name: 'Werkagenda van het platform' });
const status = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });
const presenceOf = (page: Page) => page.getByRole('region', { name: 'Wie is er in dit document' });

/** The document's text without other people's caret labels (which the editor shows inline). */
const documentText = (page: Page) =>
	editorOf(page).evaluate((el) => {
		const copy = el.cloneNode(true) as HTMLElement;
		copy.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove());
		return copy.innerText;
	});
const occurrences = async (page: Page, marker: string) => (await documentText(page)).split(marker).length - 1;

test('two members co-edit the Werkagenda live and see each other', async ({ newUserPage, expectAccessible }) => {
	const eva = await newUserPage('lid.ezk@demo.tafel');
	const bram = await newUserPage('lid.brabant@demo.tafel');
	await eva.goto('/werkagenda');
	await bram.goto('/werkagenda');
	await expect(status(eva, 'Opgeslagen')).toBeVisible();
	await expectAccessible(eva);

	await editorOf(eva).click();
	await eva.keyboard.press('Control+End');
	await eva.keyboard.type(' Agendapunt waterstof Noord.');
	await expect(editorOf(bram)).toContainText('Agendapunt waterstof Noord.');
	await editorOf(bram).click();
	await bram.keyboard.press('Control+End');
	await bram.keyboard.type(' Brabant sluit aan.');
	await expect(editorOf(eva)).toContainText('Brabant sluit aan.');
	await expect(status(bram, 'Opgeslagen')).toBeVisible();
	await expect(status(eva, 'Opgeslagen')).toBeVisible();

	// Presence, grouped by organisation, yourself included; each other's caret labels.
	const groups = presenceOf(eva).getByRole('listitem').filter({ has: eva.getByRole('list') });
	await expect(groups.filter({ hasText: 'NB' })).toContainText('Bram van Dijk');
	await expect(groups.filter({ hasText: 'Eva de Vries' })).toContainText('(u)');
	await expect(groups.filter({ hasText: 'Eva de Vries' })).not.toContainText('Bram van Dijk');
	await expect(presenceOf(bram).getByRole('listitem').filter({ hasText: 'Eva de Vries' }).last()).not.toContainText('(u)');
	await expect(eva.locator('.collaboration-carets__label', { hasText: 'Bram van Dijk' })).toBeVisible();
	await expect(bram.locator('.collaboration-carets__label', { hasText: 'Eva de Vries' })).toBeVisible();
	// The caret label wears the person's colour (the same as their presence dot); axe checks its contrast.
	const bramDot = await presenceOf(eva).getByRole('listitem').filter({ hasText: 'Bram van Dijk' }).last().locator('.dot').evaluate((el) => getComputedStyle(el).backgroundColor);
	expect(bramDot).not.toBe('rgb(71, 85, 105)');
	await expect(eva.locator('.collaboration-carets__label', { hasText: 'Bram van Dijk' })).toHaveCSS('background-color', bramDot);
	await expectAccessible(eva);
});

test('the toolbar and the link dialog work by keyboard; unsafe links are refused', async ({ newUserPage }) => {
	const eva = await newUserPage('lid.ezk@demo.tafel');
	const bram = await newUserPage('lid.brabant@demo.tafel');
	await eva.goto('/werkagenda');
	await bram.goto('/werkagenda');
	await expect(status(eva, 'Opgeslagen')).toBeVisible();
	await editorOf(eva).click();
	await eva.keyboard.press('Control+End');
	await eva.keyboard.press('Enter');
	await eva.keyboard.type('Vet-opmaak-4410');
	await eva.keyboard.press('Shift+Home');

	// Shift+Tab from the text lands on the toolbar (one tab stop); arrows move inside it.
	await eva.keyboard.press('Shift+Tab');
	await expect(eva.getByRole('button', { name: 'Tekst' })).toBeFocused();
	await eva.keyboard.press('ArrowRight');
	await eva.keyboard.press('ArrowRight');
	await eva.keyboard.press('ArrowRight');
	await expect(eva.getByRole('button', { name: 'Vet' })).toBeFocused();
	await eva.keyboard.press('Enter');
	await expect(eva.getByRole('button', { name: 'Vet' })).toHaveAttribute('aria-pressed', 'true');
	await expect(editorOf(bram).locator('strong')).toContainText('Vet-opmaak-4410');

	// Ctrl+K in the text opens the link dialog with focus in it; javascript: is refused.
	await editorOf(eva).press('Control+k');
	const address = eva.getByRole('textbox', { name: 'Webadres' });
	await expect(address).toBeFocused();
	await address.fill('javascript:alert(1)');
	await address.press('Enter');
	await expect(eva.getByRole('alert')).toContainText('Alleen webadressen');
	await address.fill('www.example.nl/agenda');
	await address.press('Enter');
	await expect(address).toBeHidden();
	await expect(editorOf(bram).locator('a[href="https://www.example.nl/agenda"]')).toContainText('Vet-opmaak-4410');
	await expect(editorOf(bram).locator('a[href^="javascript"]')).toHaveCount(0);
});

test('an observer follows along but cannot type', async ({ newUserPage, expectAccessible }) => {
	const eva = await newUserPage('lid.ezk@demo.tafel');
	const wout = await newUserPage('waarnemer@demo.tafel');
	await eva.goto('/werkagenda');
	await wout.goto('/werkagenda');
	await expect(wout.getByText('U kunt dit document lezen maar niet bewerken.')).toBeVisible();
	await expect(wout.getByRole('toolbar')).toHaveCount(0);
	await expect(editorOf(wout)).toHaveAttribute('contenteditable', 'false');
	await expect(editorOf(wout)).toHaveAttribute('aria-readonly', 'true');
	await expectAccessible(wout);
	await editorOf(eva).click();
	await eva.keyboard.press('Control+End');
	await eva.keyboard.type(' Voor de waarnemer zichtbaar.');
	await expect(editorOf(wout)).toContainText('Voor de waarnemer zichtbaar.');
	await editorOf(wout).click();
	await wout.keyboard.type('POGING');
	await expect(status(eva, 'Opgeslagen')).toBeVisible();
	await expect(editorOf(eva)).not.toContainText('POGING');
	await expect(editorOf(wout)).not.toContainText('POGING');
});

test('edits made offline are kept and merged once when the connection returns', async ({ newUserPage }) => {
	const eva = await newUserPage('lid.ezk@demo.tafel');
	const bram = await newUserPage('lid.brabant@demo.tafel');
	await eva.goto('/werkagenda');
	await bram.goto('/werkagenda');
	await expect(status(bram, 'Opgeslagen')).toBeVisible();
	await expect(status(eva, 'Opgeslagen')).toBeVisible();

	await eva.context().setOffline(true);
	await expect(status(eva, 'Offline — wijzigingen worden bewaard')).toBeVisible();
	await editorOf(eva).click();
	await eva.keyboard.press('Control+End');
	await eva.keyboard.type(' Offline-notitie-7731');
	await expect(editorOf(eva)).toContainText('Offline-notitie-7731');
	await expect(status(eva, 'Offline — wijzigingen worden bewaard')).toBeVisible();
	await expect(editorOf(bram)).not.toContainText('Offline-notitie-7731');

	await eva.context().setOffline(false);
	await expect(editorOf(bram)).toContainText('Offline-notitie-7731');
	await expect(status(eva, 'Opgeslagen')).toBeVisible();
	await expect.poll(async () => (await documentText(bram)) === (await documentText(eva))).toBe(true);
	expect(await occurrences(bram, 'Offline-notitie-7731')).toBe(1);
});

test('unsent edits survive a page reload and merge once', async ({ newUserPage }) => {
	const eva = await newUserPage('lid.ezk@demo.tafel');
	const bram = await newUserPage('lid.brabant@demo.tafel');
	await eva.goto('/werkagenda');
	await bram.goto('/werkagenda');
	await expect(status(eva, 'Opgeslagen')).toBeVisible();
	// The collaboration socket refused, pages still served: edits can only go to IndexedDB.
	let blocked = true;
	await eva.context().routeWebSocket(/\/collab\//, (ws) => (blocked ? ws.close({ code: 1013, reason: 'test: blocked' }) : ws.connectToServer()));
	await eva.reload();
	await expect(status(eva, 'Offline — wijzigingen worden bewaard')).toBeVisible();
	await editorOf(eva).click();
	await eva.keyboard.press('Control+End');
	await eva.keyboard.type(' Bewaard-over-herladen-5521');
	await expect(editorOf(eva)).toContainText('Bewaard-over-herladen-5521');
	await eva.reload();
	await expect(editorOf(eva)).toContainText('Bewaard-over-herladen-5521');
	await expect(status(eva, 'Offline — wijzigingen worden bewaard')).toBeVisible();
	await expect(editorOf(bram)).not.toContainText('Bewaard-over-herladen-5521');

	// Let the socket through: the provider's own retry merges the kept edits.
	blocked = false;
	await expect(editorOf(bram)).toContainText('Bewaard-over-herladen-5521');
	await expect(status(eva, 'Opgeslagen')).toBeVisible();
	await expect.poll(async () => (await documentText(bram)) === (await documentText(eva))).toBe(true);
	// A further reload must not bring the same edit twice.
	await eva.reload();
	await expect(status(eva, 'Opgeslagen')).toBeVisible();
	await expect.poll(async () => (await documentText(bram)) === (await documentText(eva))).toBe(true);
	expect(await occurrences(bram, 'Bewaard-over-herladen-5521')).toBe(1);
});

test('logging out removes the offline copies from the browser', async ({ newUserPage }) => {
	const eva = await newUserPage('lid.ezk@demo.tafel');
	await eva.goto('/werkagenda');
	await expect(status(eva, 'Opgeslagen')).toBeVisible();
	const copies = () => eva.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('tafel:')));
	await expect.poll(copies).toEqual([expect.stringMatching(/^tafel:.+:werkagenda:platform$/)]);
	await eva.getByRole('button', { name: 'Uitloggen' }).click();
	await expect(eva).toHaveURL(/\/login/);
	await expect.poll(copies).toEqual([]);
});

test('rights changed by an administrator apply live; a deactivated account is stopped with a reason', async ({ page, newUserPage, makeDewiMember }) => {
	const dewi = await newUserPage('deelnemer@demo.tafel');
	await dewi.goto('/werkagenda');
	await expect(dewi.getByText('U kunt dit document lezen maar niet bewerken.')).toBeVisible();
	await expect(editorOf(dewi)).toHaveAttribute('aria-readonly', 'true');

	await makeDewiMember(page);
	// No reload: the server's Access message makes the editor writable.
	await expect(dewi.getByRole('toolbar', { name: 'Opmaak' })).toBeVisible();
	await expect(editorOf(dewi)).toHaveAttribute('aria-readonly', 'false');
	await editorOf(dewi).click();
	await dewi.keyboard.press('Control+End');
	await dewi.keyboard.type(' Dewi-schrijft-mee-3390');
	await expect(status(dewi, 'Opgeslagen')).toBeVisible();

	const row = page.locator('tr[data-user="deelnemer@demo.tafel"]');
	await row.getByLabel('Account uitzetten: Dewi Jansen').click();
	await row.getByRole('button', { name: 'Ja', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('Dewi Jansen kan niet meer inloggen');
	await expect(status(dewi, 'Verbinding beëindigd')).toBeVisible();
	await expect(editorOf(dewi)).toHaveAttribute('contenteditable', 'false');
	await expect(dewi.getByRole('toolbar')).toHaveCount(0);
});
