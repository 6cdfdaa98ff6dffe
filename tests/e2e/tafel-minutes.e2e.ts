import fs from 'node:fs/promises';
import JSZip from 'jszip';
import { test, expect } from './fixtures.ts';
import { readPdf } from '../support/pdf-text.ts';

type Page = import('@playwright/test').Page;
const DECISION = 'Het programmaplan warmte wordt in mei vastgesteld.';

/** Downloads one of the minutes' files by its link and returns the text a reader sees. */
async function downloadText(page: Page, row: 'Verslag' | 'Openbare versie (Woo)', name: 'PDF' | 'DOCX' | 'Markdown'): Promise<string> {
	const links = page.locator('dl.downloads dt', { hasText: row }).locator('xpath=following-sibling::dd[1]');
	const [download] = await Promise.all([page.waitForEvent('download'), links.getByRole('link', { name, exact: true }).click()]);
	expect(await download.failure()).toBeNull();
	const bytes = new Uint8Array(await fs.readFile((await download.path())!));
	if (name === 'PDF') return (await readPdf(bytes)).text.join(' ');
	if (name === 'DOCX') return (await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
	return new TextDecoder().decode(bytes);
}

test('the facilitator adds a candidate, records a decision, closes the demo tafel, downloads the minutes in three formats and finalises them', async ({ newUserPage, expectAccessible }) => {
	test.slow();
	const frank = await newUserPage('facilitator@demo.tafel');
	await frank.goto('/tafels');
	await frank.getByRole('link', { name: /Oost: investeringsagenda/ }).first().click();
	await expect(frank.getByRole('heading', { level: 1, name: 'Oost: investeringsagenda' })).toBeVisible();

	// The open action of the previous tafel of the series is offered; one click puts it on the agenda.
	const candidates = frank.getByRole('region', { name: 'Voorstellen voor de agenda' });
	await expect(candidates).toContainText('Actie: Programmaplan opstellen voor beide warmteprojecten.');
	await expectAccessible(frank);
	await candidates.getByRole('button', { name: 'Op de agenda zetten: Actie: Programmaplan opstellen voor beide warmteprojecten.' }).click();
	await expect(frank.locator('ol.agenda h3', { hasText: 'Actie: Programmaplan opstellen' })).toBeVisible();
	await expect(candidates).not.toContainText('Actie: Programmaplan opstellen');

	const item = frank.locator('ol.agenda > li').filter({ has: frank.getByRole('heading', { name: /Programmaplan warmte/ }) });
	await item.getByText('Besluit vastleggen').click();
	await item.getByLabel('Besluit', { exact: true }).fill(DECISION);
	await item.getByRole('button', { name: 'Besluit opslaan' }).click();
	await expect(item.locator('.decisions')).toContainText(DECISION);

	await frank.locator('summary', { hasText: 'Tafel afsluiten en verslag maken' }).click();
	await frank.getByRole('button', { name: 'Ja', exact: true }).click();
	await expect(frank.getByRole('heading', { level: 1, name: 'Verslag: Oost: investeringsagenda' })).toBeVisible();
	await expect(frank.getByText('De tafel is afgesloten.')).toBeVisible();
	await expect(frank.locator('main')).toContainText(DECISION);
	await expect(frank.getByRole('link', { name: /Versie ‘Na brede tafel Oost: investeringsagenda/ }).first()).toBeVisible();
	await expectAccessible(frank);

	for (const name of ['PDF', 'DOCX', 'Markdown'] as const) expect(await downloadText(frank, 'Verslag', name)).toContain(DECISION);
	const pub = await downloadText(frank, 'Openbare versie (Woo)', 'Markdown');
	expect(pub).toContain(DECISION);
	expect(pub).not.toContain('Frank Facilitator');

	await frank.locator('summary', { hasText: 'Verslag vaststellen' }).click();
	await expect(frank.getByRole('button', { name: 'Ja', exact: true })).toBeFocused();
	await frank.getByRole('button', { name: 'Ja', exact: true }).click();
	await expect(frank.locator('#minutes-status')).toContainText('Vastgesteld op');
	await expect(frank.locator('#minutes-status')).toBeFocused();
	await expect(frank.locator('summary', { hasText: 'Verslag vaststellen' })).toHaveCount(0);
	await expectAccessible(frank);

	// The tafel page now points to the minutes; the notes take no more writing.
	await frank.goto(frank.url().replace(/\/verslag.*$/, ''));
	await expect(frank.getByRole('link', { name: 'Naar het verslag' })).toBeVisible();
	await expect(frank.locator('summary', { hasText: 'Tafel afsluiten en verslag maken' })).toHaveCount(0);
});
