import { test, expect } from './fixtures.ts';

type Page = import('@playwright/test').Page;
const editorOf = (page: Page) => page.getByRole('textbox', { name: 'Werkagenda van het platform' });

/** The document's text without other people's caret labels (which the editor shows inline). */
const documentText = (page: Page) =>
	editorOf(page).evaluate((el) => {
		const copy = el.cloneNode(true) as HTMLElement;
		copy.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove());
		return copy.innerText;
	});

test('two members co-edit the Werkagenda live and see each other', async ({ newUserPage, expectAccessible }) => {
	const eva = await newUserPage('lid.ezk@demo.tafel');
	const bram = await newUserPage('lid.brabant@demo.tafel');
	await eva.goto('/werkagenda');
	await bram.goto('/werkagenda');
	await expect(eva.getByRole('status').filter({ hasText: 'Opgeslagen' })).toBeVisible();
	await expectAccessible(eva);

	await editorOf(eva).click();
	await eva.keyboard.type('Agendapunt waterstof Noord. ');
	await expect(editorOf(bram)).toContainText('Agendapunt waterstof Noord.');
	await editorOf(bram).click();
	await bram.keyboard.press('End');
	await bram.keyboard.type('Brabant sluit aan.');
	await expect(editorOf(eva)).toContainText('Brabant sluit aan.');

	// Presence, grouped by organisation, and each other's caret labels.
	const presence = eva.getByRole('region', { name: 'Wie is er in dit document' });
	await expect(presence).toContainText('Bram van Dijk');
	await expect(presence).toContainText('NB');
	await expect(eva.locator('.collaboration-carets__label', { hasText: 'Bram van Dijk' })).toBeVisible();
	await expect(bram.getByRole('status').filter({ hasText: 'Opgeslagen' })).toBeVisible();
	await expect(eva.getByRole('status').filter({ hasText: 'Opgeslagen' })).toBeVisible();

	// Formatting through the toolbar, by keyboard.
	await editorOf(eva).press('Control+a');
	await eva.getByRole('button', { name: 'Vet' }).click();
	await expect(editorOf(bram).locator('strong')).toContainText('Agendapunt');
});

test('an observer follows along but cannot type', async ({ newUserPage, expectAccessible }) => {
	const eva = await newUserPage('lid.ezk@demo.tafel');
	const wout = await newUserPage('waarnemer@demo.tafel');
	await eva.goto('/werkagenda');
	await wout.goto('/werkagenda');
	await expect(wout.getByText('U kunt dit document lezen maar niet bewerken.')).toBeVisible();
	await expect(wout.getByRole('toolbar')).toHaveCount(0);
	await expect(editorOf(wout)).toHaveAttribute('contenteditable', 'false');
	await expectAccessible(wout);
	await editorOf(eva).click();
	await eva.keyboard.type('Voor de waarnemer zichtbaar. ');
	await expect(editorOf(wout)).toContainText('Voor de waarnemer zichtbaar.');
	await editorOf(wout).click();
	await wout.keyboard.type('POGING');
	await expect(editorOf(eva)).not.toContainText('POGING');
	await expect(editorOf(wout)).not.toContainText('POGING');
});

test('edits made offline are kept and merged once when the connection returns', async ({ newUserPage }) => {
	const eva = await newUserPage('lid.ezk@demo.tafel');
	const bram = await newUserPage('lid.brabant@demo.tafel');
	await eva.goto('/werkagenda');
	await bram.goto('/werkagenda');
	await expect(bram.getByRole('status').filter({ hasText: 'Opgeslagen' })).toBeVisible();

	await eva.context().setOffline(true);
	await expect(eva.getByRole('status').filter({ hasText: 'Offline — wijzigingen worden bewaard' })).toBeVisible();
	await editorOf(eva).click();
	await eva.keyboard.press('Control+End');
	await eva.keyboard.type(' Offline-notitie-7731');
	await expect(editorOf(bram)).not.toContainText('Offline-notitie-7731');

	await eva.context().setOffline(false);
	await expect(editorOf(bram)).toContainText('Offline-notitie-7731');
	await expect(eva.getByRole('status').filter({ hasText: 'Opgeslagen' })).toBeVisible();
	await expect.poll(async () => (await documentText(bram)) === (await documentText(eva))).toBe(true);
	expect((await documentText(bram)).split('Offline-notitie-7731').length - 1).toBe(1);
});

test('unsent edits survive a page reload and merge once', async ({ newUserPage }) => {
	const eva = await newUserPage('lid.ezk@demo.tafel');
	const bram = await newUserPage('lid.brabant@demo.tafel');
	await eva.goto('/werkagenda');
	await bram.goto('/werkagenda');
	await expect(eva.getByRole('status').filter({ hasText: 'Opgeslagen' })).toBeVisible();
	// Websockets blocked, pages still served: edits can only go to IndexedDB.
	await eva.context().route(/\/collab\//, (route) => route.abort());
	await eva.reload();
	await expect(eva.getByRole('status').filter({ hasText: /Verbinden|Offline/ })).toBeVisible();
	await editorOf(eva).click();
	await eva.keyboard.press('Control+End');
	await eva.keyboard.type(' Bewaard-over-herladen-5521');
	await eva.reload();
	await expect(editorOf(eva)).toContainText('Bewaard-over-herladen-5521');
	await eva.context().unroute(/\/collab\//);
	await eva.reload();
	await expect(editorOf(bram)).toContainText('Bewaard-over-herladen-5521');
	await expect(eva.getByRole('status').filter({ hasText: 'Opgeslagen' })).toBeVisible();
	expect((await documentText(bram)).split('Bewaard-over-herladen-5521').length - 1).toBe(1);
});
