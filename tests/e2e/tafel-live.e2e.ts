/**
 * A brede tafel run live with three people: the facilitator (desktop) starts live mode;
 * a member (desktop) and a participant (phone, 390 px) follow an item change and a
 * summon across pages without a reload, see the same running timer, raise their hands
 * and get the floor, vote with dots, and the revealed result lands in the minutes.
 */
import { devices } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { DEMO_PASSWORD } from './fixtures.ts';

type Page = import('@playwright/test').Page;
const bar = (page: Page) => page.locator('section.live-bar');

test('a facilitator runs a tafel live: the others follow, are summoned, see the timer, queue to speak and vote; the result is in the minutes', async ({ browser, app, newUserPage, expectAccessible }) => {
	test.slow();
	const frank = await newUserPage('facilitator@demo.tafel');
	const eva = await newUserPage('lid.ezk@demo.tafel');
	const phone = await browser.newContext({ ...devices['Pixel 5'], viewport: { width: 390, height: 844 }, baseURL: app.url, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
	const dewi = await phone.newPage();
	expect((await dewi.request.post(`${app.url}/login`, { form: { email: 'deelnemer@demo.tafel', password: DEMO_PASSWORD }, headers: { origin: app.url } })).ok()).toBe(true);

	await frank.goto('/tafels');
	await frank.getByRole('link', { name: /Oost: investeringsagenda/ }).first().click();
	await expect(frank.getByRole('heading', { level: 1, name: 'Oost: investeringsagenda' })).toBeVisible();
	const tafelPath = new URL(frank.url()).pathname;
	// Dewi (invited in person) has the tafel open on her phone; Eva is elsewhere in Tafel.
	await dewi.goto(tafelPath);
	await eva.goto('/projecten');
	await expect(dewi.getByRole('heading', { level: 1, name: 'Oost: investeringsagenda' })).toBeVisible();

	await frank.getByRole('button', { name: 'Live starten' }).click();
	for (const page of [frank, eva, dewi]) await expect(bar(page)).toContainText('Agendapunt 1: Programmaplan warmte');
	await frank.getByRole('button', { name: 'Tijd starten' }).click();
	for (const page of [frank, eva, dewi]) {
		await expect(page.getByTestId('live-timer')).toContainText('loopt');
		await expect(page.getByRole('timer')).toHaveText(/^(30:00|29:\d\d)$/);
	}
	await expectAccessible(frank);

	// The next item: Eva, on another page, is brought to the tafel page; Dewi stays on it.
	await frank.getByRole('button', { name: 'Volgend agendapunt' }).click();
	for (const page of [eva, dewi]) await expect(bar(page)).toContainText('Agendapunt 2: Waterstof en netcapaciteit');
	await expect(eva).toHaveURL(new RegExp(`${tafelPath}#item-`));
	await expect(eva.getByRole('heading', { level: 1, name: 'Oost: investeringsagenda' })).toBeVisible();

	// Dewi looks around for herself: what the facilitator shows does not move her, until she follows again.
	await dewi.getByRole('button', { name: 'Zelf rondkijken' }).click();
	await frank.getByLabel('Project', { exact: true }).selectOption({ index: 1 });
	await frank.getByRole('button', { name: 'Tonen', exact: true }).click();
	await expect(eva).toHaveURL(/\/projecten\/rip-demo-/);
	await expect(bar(dewi)).toContainText('De facilitator toont:');
	expect(new URL(dewi.url()).pathname).toBe(tafelPath);
	await dewi.getByRole('button', { name: 'Volg de facilitator' }).click();
	await expect(dewi).toHaveURL(/\/projecten\/rip-demo-/);
	await expect(dewi.getByRole('button', { name: 'Zelf rondkijken' })).toBeVisible();

	// A summon to a section of another project: both are brought there, the bar stays, the timer still runs.
	await frank.getByLabel('Project', { exact: true }).selectOption({ index: 3 });
	await frank.getByLabel('Onderdeel').selectOption('financiering');
	await frank.getByRole('button', { name: 'Iedereen hierheen roepen' }).click();
	for (const page of [eva, dewi]) {
		await expect(page).toHaveURL(/\/projecten\/rip-demo-\d+#section-financiering$/);
		await expect(page.getByTestId('live-timer')).toContainText('loopt');
	}
	await expect(eva.locator('#section-financiering')).toBeInViewport();
	await expectAccessible(dewi);

	// Hands up, in order; the facilitator gives the floor.
	await dewi.getByRole('button', { name: 'Hand opsteken' }).click();
	await expect(dewi.getByRole('button', { name: 'Hand omlaag' })).toBeVisible();
	await eva.getByRole('button', { name: 'Hand opsteken' }).click();
	const queue = bar(frank).locator('details.queue ol li');
	await expect(queue).toHaveText([/Dewi Jansen \(BOM/, /Eva de Vries/]);
	await frank.getByRole('button', { name: 'Geef Dewi Jansen het woord' }).click();
	for (const page of [frank, eva, dewi]) await expect(page.getByTestId('live-floor')).toHaveText(/Het woord is aan Dewi Jansen/);
	await expect(queue).toHaveText([/Eva de Vries/]);

	// A voting round: two dots each, one per project; secret until the reveal.
	await frank.getByLabel('Stippen per persoon').fill('2');
	await frank.getByRole('button', { name: 'Stemronde openen' }).click();
	const dewiVote = dewi.getByRole('region', { name: 'Stemronde: 2 stippen per persoon' });
	await dewiVote.getByLabel(/RIP-DEMO-0009/).check();
	await dewiVote.getByLabel(/RIP-DEMO-0026/).check();
	await dewiVote.getByRole('button', { name: 'Stippen uitbrengen' }).click();
	await expect(dewiVote.getByRole('status')).toHaveText('U hebt 2 van 2 stippen gebruikt.');
	const evaVote = eva.getByRole('region', { name: 'Stemronde: 2 stippen per persoon' });
	await evaVote.getByLabel(/RIP-DEMO-0009/).check();
	await evaVote.getByRole('button', { name: 'Stippen uitbrengen' }).click();
	await expect(evaVote.getByRole('status')).toHaveText('U hebt 1 van 2 stippen gebruikt.');
	await expect(bar(frank)).toContainText('Gestemd: 2');
	await expectAccessible(eva);
	await frank.getByRole('button', { name: 'Uitslag tonen' }).click();
	for (const page of [frank, eva, dewi]) {
		const table = page.getByRole('table', { name: 'Uitslag (2 stippen per persoon, stemmers: 2)' });
		await expect(table.getByRole('row', { name: /RIP-DEMO-0009/ })).toContainText('2');
		await expect(table.getByRole('row', { name: /RIP-DEMO-0026/ })).toContainText('1');
	}
	await expectAccessible(dewi);

	// Closing the tafel: the result and the time spent are in the minutes.
	await frank.goto(tafelPath);
	await frank.locator('summary', { hasText: 'Tafel afsluiten en verslag maken' }).click();
	await frank.getByRole('button', { name: 'Ja', exact: true }).click();
	await expect(frank.getByRole('heading', { level: 1, name: 'Verslag: Oost: investeringsagenda' })).toBeVisible();
	const votes = frank.getByRole('region', { name: 'Stemrondes' });
	await expect(votes.getByRole('table', { name: 'Waterstof en netcapaciteit: 2 stippen per persoon, stemmers: 2' })).toBeVisible();
	await expect(frank.getByRole('heading', { level: 3, name: /Waterstof en netcapaciteit.*besteed: \d+ min/ })).toBeVisible();
	await expectAccessible(frank);
	// Live mode ended with the tafel: the bar is gone for the others on their next page.
	await dewi.goto('/tafels');
	await expect(bar(dewi)).toHaveCount(0);
	await phone.close();
});
