import { test, expect } from './fixtures.ts';

type Page = import('@playwright/test').Page;
const notes = (page: Page) => page.getByRole('textbox', { name: 'Aantekeningen van de tafel' });
const panel = (page: Page) => page.getByRole('region', { name: /Opmerkingen/ });
const agendaTitles = (page: Page) => page.locator('ol.agenda h3');

/** Three shared Noord-Brabant projects: the action for the province lands on the first. */
async function brabantProjects(page: Page): Promise<{ id: string; code: string }[]> {
	const response = await page.request.get('/api/projects?organisatie=prov-nb&per_pagina=20');
	const list = (await response.json()) as { projects: { id: string; code: string; visibility: string }[] };
	return list.projects.filter((p) => p.visibility !== 'concept').slice(0, 3);
}

/** Selects the first words of the notes' first paragraph, as a mouse would (not the carets of others). */
async function selectStart(page: Page, length: number): Promise<string> {
	return notes(page)
		.locator('p')
		.first()
		.evaluate((p, n) => {
			const text = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode() as Text;
			const range = document.createRange();
			range.setStart(text, 0);
			range.setEnd(text, n);
			const selection = getSelection()!;
			selection.removeAllRanges();
			selection.addRange(range);
			return range.toString();
		}, length);
}

test('a facilitator prepares a tafel, the table writes and comments, decisions and actions land on the project and in Mijn acties', async ({ newUserPage, expectAccessible }) => {
	// Three browsers, a collaborative editor and axe on every page: well past the default on 2 busy cores.
	test.slow();
	const frank = await newUserPage('facilitator@demo.tafel');
	const projects = await brabantProjects(frank);
	expect(projects).toHaveLength(3);

	await frank.goto('/tafels');
	await expectAccessible(frank);
	await frank.getByRole('link', { name: 'Nieuwe brede tafel' }).click();
	await expect(frank.getByRole('heading', { level: 1, name: 'Nieuwe brede tafel' })).toBeVisible();
	await expectAccessible(frank);
	await frank.getByLabel('Titel').fill('Brede tafel Waterstof Zuid');
	await frank.getByLabel('Datum').fill('2030-03-12');
	await frank.getByLabel('Begintijd').fill('13:30');
	await frank.getByLabel('Plaats', { exact: true }).fill('Provinciehuis ’s-Hertogenbosch');
	await frank.getByLabel('Thema').selectOption({ label: 'Energietransitie & duurzaamheid' });
	await frank.getByRole('checkbox', { name: 'Provincie Noord-Brabant' }).check();
	await frank.getByRole('checkbox', { name: /Brabantse Ontwikkelings Maatschappij|BOM/ }).check();
	await frank.getByRole('button', { name: 'Tafel aanmaken en uitnodigen' }).click();
	await expect(frank.getByRole('heading', { level: 1, name: 'Brede tafel Waterstof Zuid' })).toBeVisible();
	await expect(frank.getByText('De brede tafel is aangemaakt')).toBeVisible();
	const tafelUrl = new URL(frank.url()).pathname;

	// Three agenda items, each bound to a project.
	await frank.locator('summary', { hasText: 'Agendapunt toevoegen' }).click();
	for (const [i, title] of ['Waterstofketen', 'Opslag en transport', 'Financiering'].entries()) {
		await frank.getByLabel('Titel van het agendapunt').fill(title);
		await frank.getByLabel('Tijd (minuten)').fill('20');
		await frank.getByLabel('Projectcodes').fill(projects[i].code);
		await frank.locator('form[action="?/addItem"]').getByRole('button', { name: 'Agendapunt toevoegen' }).click();
		await expect(agendaTitles(frank)).toHaveCount(i + 1);
	}
	await expect(agendaTitles(frank)).toHaveText([/Waterstofketen/, /Opslag en transport/, /Financiering/]);
	await expect(frank.locator('ol.agenda').getByRole('link', { name: new RegExp(projects[2].code) })).toBeVisible();
	await expectAccessible(frank);

	// Keyboard only: the third item up twice; focus stays on its button and each move is announced.
	const up = frank.getByRole('button', { name: 'Omhoog: Financiering' });
	await up.focus();
	await frank.keyboard.press('Enter');
	await expect(frank.getByRole('status').filter({ hasText: 'Financiering staat nu op plaats 2 van 3.' })).toBeAttached();
	await expect(up).toBeFocused();
	await frank.keyboard.press('Enter');
	await expect(frank.getByRole('status').filter({ hasText: 'Financiering staat nu op plaats 1 van 3.' })).toBeAttached();
	await expect(agendaTitles(frank)).toHaveText([/Financiering/, /Waterstofketen/, /Opslag en transport/]);
	// At the top the Up button is disabled: focus moved on to Down.
	await expect(frank.getByRole('button', { name: 'Omlaag: Financiering' })).toBeFocused();

	// A member of an invited organisation writes in the notes.
	const bram = await newUserPage('lid.brabant@demo.tafel');
	await bram.goto(tafelUrl);
	await expect(notes(bram)).toHaveAttribute('aria-readonly', 'false');
	await notes(bram).click();
	await bram.keyboard.type('De elektrolyser wordt gedeeld door beide projecten.');
	await expect(bram.getByText('Opgeslagen', { exact: true })).toBeVisible();
	await expectAccessible(bram);

	// The participant sees it live and comments on the sentence.
	const dewi = await newUserPage('deelnemer@demo.tafel');
	await dewi.goto(tafelUrl);
	await expect(notes(dewi)).toHaveAttribute('aria-readonly', 'true');
	await expect(notes(dewi)).toContainText('De elektrolyser wordt gedeeld');
	const quote = await selectStart(dewi, 30);
	await dewi.getByRole('button', { name: 'Opmerking bij selectie' }).click();
	const box = panel(dewi).getByRole('combobox', { name: 'Opmerking bij de geselecteerde tekst' });
	await box.fill('Wie betaalt de netaansluiting?');
	await box.press('Control+Enter');
	await expect(panel(dewi).locator('article.thread')).toHaveCount(1);
	await expect(notes(dewi).locator('.comment-anchor')).toHaveText(quote);
	await expectAccessible(dewi);
	await expect(panel(bram).locator('article.thread')).toContainText('Wie betaalt de netaansluiting?');

	// The facilitator records a decision and an action for the province on the item about the first project.
	const item = frank.locator('ol.agenda > li').filter({ has: frank.getByRole('heading', { name: /Waterstofketen/ }) });
	await item.getByText('Besluit vastleggen').click();
	await item.getByLabel('Besluit', { exact: true }).fill('Eén gedeelde elektrolyser voor beide initiatieven.');
	await item.getByRole('button', { name: 'Besluit opslaan' }).click();
	await expect(frank.getByRole('status').filter({ hasText: 'Het besluit is opgeslagen' })).toBeAttached();
	await expect(item.locator('.decisions')).toContainText('Eén gedeelde elektrolyser voor beide initiatieven.');
	await item.getByText('Actie vastleggen').click();
	await item.getByLabel('Actie', { exact: true }).fill('Netcapaciteit navragen bij Enexis.');
	await item.getByLabel('Uitgevoerd door (organisatie)').selectOption({ label: 'Provincie Noord-Brabant' });
	await item.getByRole('button', { name: 'Actie opslaan' }).click();
	await expect(frank.getByRole('status').filter({ hasText: 'De actie is opgeslagen' })).toBeAttached();
	await expect(item.locator('.action')).toContainText('Netcapaciteit navragen bij Enexis.');
	await expect(item.locator('.action').first()).toBeFocused();
	await expectAccessible(frank);

	// On the project's timeline, and in the province member's "Mijn acties".
	await bram.goto(`/projecten/${projects[0].id}`);
	await expect(bram.getByRole('region', { name: 'Tijdlijn' })).toContainText('Netcapaciteit navragen bij Enexis.');
	await expect(bram.getByRole('region', { name: 'Tijdlijn' })).toContainText('Actie voor Provincie Noord-Brabant afgesproken');
	await bram.goto('/acties');
	await expect(bram.getByRole('heading', { level: 1, name: 'Mijn acties' })).toBeVisible();
	await expect(bram.locator('main')).toContainText('Netcapaciteit navragen bij Enexis.');
	await expectAccessible(bram);
	await bram.getByRole('button', { name: 'Markeer als afgerond: Netcapaciteit navragen bij Enexis.' }).click();
	await expect(bram.getByRole('button', { name: 'Weer openen: Netcapaciteit navragen bij Enexis.' })).toBeFocused();
	await expect(bram.getByText(/Afgerond door Bram van Dijk/)).toBeVisible();

	// The inbox says why: the invitation and the action.
	await bram.goto('/meldingen');
	await expect(bram.getByText('Uitnodiging: Brede tafel Waterstof Zuid')).toBeVisible();
	await expect(bram.getByText('Actie voor Provincie Noord-Brabant')).toBeVisible();
	await expectAccessible(bram);

	// The edit form keeps what was stored; saving it unchanged says so on the tafel page.
	await frank.goto(`${tafelUrl}/bewerken`);
	await expect(frank.getByLabel('Titel')).toHaveValue('Brede tafel Waterstof Zuid');
	await expect(frank.getByLabel('Begintijd')).toHaveValue('13:30');
	await expectAccessible(frank);
	await frank.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
	await expect(frank.getByText('De wijzigingen zijn opgeslagen.')).toBeVisible();
});
