import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

// A platform project of Provincie Groningen: members of every organisation may edit it.
const PROJECT = 'rip-demo-0001';
const EVA = 'lid.ezk@demo.tafel'; // Eva de Vries, Ministerie van EZ
const BRAM = 'lid.brabant@demo.tafel'; // Bram van Dijk, Provincie Noord-Brabant
const DEWI = 'deelnemer@demo.tafel'; // Dewi Jansen, participant

const saved = (page: Page) => page.getByRole('status').filter({ hasText: 'Opgeslagen' });
const presenceOf = (page: Page) => page.getByRole('region', { name: 'Wie is er in dit document' });
const editorOf = (page: Page) => page.getByRole('textbox', { name: 'Beschrijving' });
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const title = (page: Page) => field(page, 'Titel');
const budget = (page: Page) => field(page, 'Totale begroting (€)');
const requested = (page: Page) => field(page, 'Gevraagd bedrag (€)');
const cofinancing = (page: Page) => field(page, 'Cofinanciering (€)');

interface ApiProject { title: string; totalBudget: number | null; requestedAmount: number | null; cofinancing: number | null; description: string }
/** What the grid, filters and exports see: the projected row, not the live document. */
async function stored(page: Page): Promise<ApiProject> {
	const response = await page.request.get(`/api/projects/${PROJECT}`);
	expect(response.ok()).toBe(true);
	return (await response.json()) as ApiProject;
}

/** Fills a field and leaves it (text is sent per keystroke, amounts as they are typed). */
async function enter(page: Page, label: string, value: string): Promise<void> {
	await field(page, label).fill(value);
	await field(page, label).press('Tab');
}

async function typeAtEnd(page: Page, text: string): Promise<void> {
	await editorOf(page).click();
	await page.keyboard.press('Control+End');
	await page.keyboard.type(text);
}

async function open(page: Page): Promise<void> {
	await page.goto(`/projecten/${PROJECT}`);
	await expect(editorOf(page)).toBeVisible();
}

test('two members co-edit one project live: fields, description, presence, provenance and values that break a rule', async ({ newUserPage, expectAccessible }) => {
	// Two browsers, three axe runs and waits for the projection: more than the default minute on a busy machine.
	test.slow();
	const eva = await newUserPage(EVA);
	const bram = await newUserPage(BRAM);
	await open(eva);
	await open(bram);
	await expect(saved(eva)).toBeVisible();
	await expect(saved(bram)).toBeVisible();
	await expect(presenceOf(eva)).toContainText('Bram van Dijk');
	await expect(presenceOf(bram)).toContainText('Eva de Vries');
	await expectAccessible(eva);
	const before = await stored(eva);

	// Eva changes the title and writes in the description; Bram sees both without reloading.
	const newTitle = 'Koppelnet Restwarmte & Waterstof Eemsdelta (herzien)';
	await enter(eva, 'Titel', newTitle);
	await expect(title(bram)).toHaveValue(newTitle);
	await expect(bram.getByRole('heading', { level: 1 })).toHaveText(newTitle);
	await typeAtEnd(eva, ' Eva-vult-aan-6120.');
	await expect(editorOf(bram)).toContainText('Eva-vult-aan-6120.');
	await expect(saved(eva)).toBeVisible();

	// Bram changes the total budget; Eva sees it, and who changed it.
	await enter(bram, 'Totale begroting (€)', '47500000');
	await expect(budget(eva)).toHaveValue('47500000');
	// The formatted amount under the field, and in the key figures at the top.
	await expect(eva.getByRole('region', { name: /^Financiering/ }).getByText('€ 47.500.000')).toBeVisible();
	await expect(eva.getByRole('definition').filter({ hasText: '€ 47.500.000' })).toBeVisible();
	await expect(saved(bram)).toBeVisible();
	await expect.poll(async () => (await stored(eva)).totalBudget).toBe(47_500_000);
	expect((await stored(eva)).title).toBe(newTitle);
	await expect.poll(async () => (await stored(eva)).description).toContain('Eva-vult-aan-6120.');
	await budget(eva).focus();
	await expect(eva.locator('#field-totalBudget-prov')).toBeVisible();
	await expect(eva.locator('#field-totalBudget-prov')).toContainText('Bram van Dijk');
	await expect(budget(eva)).toHaveAttribute('aria-describedby', /field-totalBudget-prov/);
	await expectAccessible(eva);

	// More requested than the total budget: kept as typed and marked for both, and the grid
	// keeps the old amount until it is fixed.
	await enter(eva, 'Gevraagd bedrag (€)', '50000000');
	await expect(bram.getByText('Klopt nog niet: Het gevraagde bedrag is hoger dan de totale begroting.')).toBeVisible();
	await expect(requested(bram)).toHaveValue('50000000');
	await expectAccessible(eva);
	// A later valid change reaching the grid shows the refused value was never taken.
	await enter(eva, 'Cofinanciering (€)', '31000000');
	await expect(cofinancing(bram)).toHaveValue('31000000');
	await expect.poll(async () => (await stored(bram)).cofinancing).toBe(31_000_000);
	expect((await stored(bram)).requestedAmount).toBe(before.requestedAmount);
	expect((await stored(bram)).totalBudget).toBe(47_500_000);

	// Bram's edit of the description reaches Eva too.
	await typeAtEnd(bram, ' Bram-reageert-7781.');
	await expect(editorOf(eva)).toContainText('Bram-reageert-7781.');
	await expect(saved(bram)).toBeVisible();
});

test('a participant reads the project live but cannot edit fields or description', async ({ newUserPage, expectAccessible }) => {
	const dewi = await newUserPage(DEWI);
	const eva = await newUserPage(EVA);
	await open(dewi);
	await open(eva);
	await expect(dewi.getByText('U kunt dit project lezen en erop reageren, maar niet bewerken.')).toBeVisible();
	await expect(title(dewi)).toHaveAttribute('readonly', '');
	await expect(budget(dewi)).toHaveAttribute('readonly', '');
	await expect(field(dewi, 'Samenvatting')).toHaveAttribute('readonly', '');
	await expect(field(dewi, 'Status')).toBeDisabled();
	// The long choice list is folded; its toggle works in read-only mode too.
	await dewi.getByRole('button', { name: /^Toon alle 12 keuzes\s*: Provincies$/ }).click();
	await expect(dewi.getByRole('group', { name: /Provincies/ }).getByRole('checkbox', { name: 'Groningen' })).toBeDisabled();
	// A caret to select passages by keyboard, but the text says it is read-only and takes no typing.
	await expect(editorOf(dewi)).toHaveAttribute('aria-readonly', 'true');
	await expect(dewi.getByRole('toolbar', { name: 'Opmaak' })).toHaveCount(0);
	await expect(presenceOf(eva)).toContainText('Dewi Jansen');
	await expectAccessible(dewi);

	const before = await stored(dewi);
	await title(dewi).click();
	await dewi.keyboard.type('POGING-1');
	await dewi.keyboard.press('Tab');
	await expect(title(dewi)).toHaveValue(before.title);
	await editorOf(dewi).click();
	await dewi.keyboard.type('POGING-2');
	await dewi.keyboard.press('Enter');
	await dewi.keyboard.press('Backspace');
	await dewi.keyboard.press('Control+b');
	await dewi.keyboard.insertText('POGING-3');

	// Eva's edit reaches Dewi, so anything Dewi had sent would have arrived by now.
	await typeAtEnd(eva, ' Zichtbaar-voor-Dewi-8812.');
	await expect(editorOf(dewi)).toContainText('Zichtbaar-voor-Dewi-8812.');
	await expect(saved(eva)).toBeVisible();
	await expect.poll(async () => (await stored(eva)).description).toContain('Zichtbaar-voor-Dewi-8812.');
	for (const page of [dewi, eva]) await expect(editorOf(page)).not.toContainText('POGING');
	expect((await stored(eva)).description).not.toContain('POGING');
	await expect(title(eva)).toHaveValue(before.title);
});

test('a member links a project to a similar one of another province; the link shows on both, only its proposer removes it', async ({ newUserPage, expectAccessible }) => {
	const bram = await newUserPage(BRAM);
	const eva = await newUserPage(EVA);
	// Another province's platform project to link to (not the Groningen one above).
	const list = (await (await bram.request.get('/api/projects?organisatie=prov-nb&per_pagina=20')).json()) as { projects: { id: string; code: string; title: string; visibility: string }[] };
	const target = list.projects.find((p) => p.visibility === 'platform')!;
	await open(bram);
	const links = bram.getByRole('region', { name: 'Koppelingen' });
	await links.getByText('Koppeling voorstellen').click();
	// A code that does not exist is refused in Dutch, and nothing is added.
	await links.getByLabel('Project', { exact: true }).fill('RIP-BESTAAT-NIET');
	await links.getByRole('button', { name: 'Koppeling toevoegen' }).click();
	await expect(bram.getByRole('alert')).toHaveText('Dat project bestaat niet of u kunt het niet zien.');
	await bram.getByRole('region', { name: 'Koppelingen' }).getByLabel('Project', { exact: true }).fill(target.code);
	await bram.getByLabel('Soort koppeling').selectOption({ label: 'Kandidaat voor samenvoeging' });
	await bram.getByLabel('Toelichting (optioneel)').fill('Beide bouwen sensornetwerken langs waterkeringen.');
	await bram.getByRole('button', { name: 'Koppeling toevoegen' }).click();
	const item = bram.getByRole('region', { name: 'Koppelingen' }).getByRole('listitem').filter({ hasText: target.code });
	await expect(item).toContainText('Kandidaat voor samenvoeging');
	await expect(item).toContainText('Voorgesteld door Bram van Dijk (Provincie Noord-Brabant)');
	await expectAccessible(bram);

	// The other side shows it too; a member of another organisation may not remove it.
	await eva.goto(`/projecten/${target.id}`);
	const back = eva.getByRole('region', { name: 'Koppelingen' }).getByRole('listitem').filter({ hasText: 'RIP-DEMO-0001' });
	await expect(back).toContainText('Beide bouwen sensornetwerken langs waterkeringen.');
	await expect(back.getByLabel(/Verwijderen/)).toHaveCount(0);

	// Removing asks first; "Nee" changes nothing and gives focus back to the trigger.
	await item.getByLabel(`Verwijderen: ${target.code}`).click();
	await expect(item.getByRole('button', { name: 'Ja', exact: true })).toBeFocused();
	await item.getByRole('button', { name: 'Nee', exact: true }).click();
	await expect(item.getByLabel(`Verwijderen: ${target.code}`)).toBeFocused();
	await bram.reload();
	await expect(item).toBeVisible();
	await item.getByLabel(`Verwijderen: ${target.code}`).click();
	await item.getByRole('button', { name: 'Ja', exact: true }).click();
	await expect(bram.getByRole('region', { name: 'Koppelingen' }).getByRole('listitem').filter({ hasText: target.code })).toHaveCount(0);
	await eva.reload();
	await expect(eva.getByRole('region', { name: 'Koppelingen' }).getByRole('listitem').filter({ hasText: 'RIP-DEMO-0001' })).toHaveCount(0);

	// A colleague's change that reaches the page while the page a click leads to is still
	// loading must not swallow the click (SvelteKit lets a data reload win over a pending
	// navigation). The next page's data is held until the change has arrived and the
	// project page's reload would have started.
	await bram.evaluate(
		() =>
			new Promise<void>((opened) => {
				const source = new EventSource('/api/events');
				(window as unknown as { changed: Promise<void> }).changed = new Promise<void>((resolve) => {
					source.onmessage = (m: MessageEvent<string>) => m.data.includes('project-changed') && m.data.includes('rip-demo-0001') && (source.close(), resolve());
				});
				source.onopen = () => opened();
			})
	);
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await bram.route(/\/versies\/__data\.json/, async (route) => {
		await held;
		await route.continue();
	});
	await bram.getByRole('link', { name: 'Versiegeschiedenis' }).click();
	const proposed = await eva.request.post(`/projecten/${target.id}?/addLink`, {
		form: { target: 'RIP-DEMO-0001', type: 'keten', note: '' },
		headers: { origin: new URL(eva.url()).origin, 'x-sveltekit-action': 'true' }
	});
	expect(proposed.ok()).toBe(true);
	await bram.evaluate(() => (window as unknown as { changed: Promise<void> }).changed);
	// Past the page's 300 ms gathering of live changes into one reload.
	await bram.waitForTimeout(1_000);
	release();
	await expect(bram).toHaveURL(new RegExp(`/projecten/${PROJECT}/versies$`));
	await expect(bram.getByRole('heading', { level: 1, name: 'Versiegeschiedenis' })).toBeVisible();
});
