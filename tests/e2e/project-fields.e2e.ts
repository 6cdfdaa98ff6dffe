import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

// Platform projects of other provinces: members of every organisation may edit them.
const PROJECT = 'rip-demo-0005';
const EVA = 'lid.ezk@demo.tafel'; // Eva de Vries, Ministerie van EZ
const BRAM = 'lid.brabant@demo.tafel'; // Bram van Dijk, Provincie Noord-Brabant

const statusOf = (page: Page) => page.getByRole('status').filter({ hasText: /Opgeslagen|Bezig met opslaan|Offline|Verbinden/ });
const summary = (page: Page) => page.getByLabel('Samenvatting', { exact: true });

async function open(page: Page, id = PROJECT): Promise<void> {
	await page.goto(`/projecten/${id}`);
	await expect(statusOf(page)).toHaveText('Opgeslagen');
}

/** Every text the status line shows from now on, caught as the DOM changes (a save takes milliseconds). */
async function recordStatus(page: Page): Promise<() => Promise<string[]>> {
	await statusOf(page).evaluate((element) => {
		const seen: string[] = [];
		(window as unknown as { statusSeen: string[] }).statusSeen = seen;
		new MutationObserver(() => seen.push(element.textContent?.trim() ?? '')).observe(element, { childList: true, characterData: true, subtree: true });
	});
	return () => page.evaluate(() => (window as unknown as { statusSeen: string[] }).statusSeen);
}

test('two members type into Samenvatting at the same moment: each sees the other typing, and both texts survive a reload', async ({ newUserPage, expectAccessible }) => {
	test.slow();
	const eva = await newUserPage(EVA);
	const bram = await newUserPage(BRAM);
	await open(eva);
	await open(bram);
	const history = await recordStatus(eva);

	// Eva types at the start, Bram at the end, at the same time.
	await summary(eva).focus();
	await eva.keyboard.press('Control+Home');
	await summary(bram).focus();
	await bram.keyboard.press('Control+End');
	await expect(bram.getByText(/^Eva de Vries \(.+\) typt…$/)).toBeVisible();
	await expect(eva.getByText(/^Bram van Dijk \(.+\) typt…$/)).toBeVisible();
	await Promise.all([
		summary(eva).pressSequentially('Eva-begin-4411 ', { delay: 40 }),
		summary(bram).pressSequentially(' Bram-eind-9922', { delay: 40 })
	]);
	for (const page of [eva, bram]) {
		await expect(summary(page)).toHaveValue(/^Eva-begin-4411 [\s\S]* Bram-eind-9922$/);
		await expect(statusOf(page)).toHaveText('Opgeslagen');
	}
	// "Opgeslagen" came only after "Bezig met opslaan…": it never showed while a keystroke was unacknowledged.
	const seen = await history();
	expect(seen).toContain('Bezig met opslaan…');
	expect(seen.at(-1)).toBe('Opgeslagen');
	await expectAccessible(eva);

	// An edit that only deletes is not "Opgeslagen" before it is stored either.
	await eva.evaluate(() => ((window as unknown as { statusSeen: string[] }).statusSeen.length = 0));
	await summary(eva).focus();
	await eva.keyboard.press('Control+Home');
	await eva.keyboard.press('Delete');
	await expect(summary(bram)).toHaveValue(/^va-begin-4411 /);
	await expect(statusOf(eva)).toHaveText('Opgeslagen');
	const afterDelete = await history();
	expect(afterDelete).toContain('Bezig met opslaan…');
	expect(afterDelete.at(-1)).toBe('Opgeslagen');

	await eva.reload();
	await bram.reload();
	for (const page of [eva, bram]) await expect(summary(page)).toHaveValue(/^va-begin-4411 [\s\S]* Bram-eind-9922$/);
});

test('an invalid amount stays as typed, marked for both, and out of the grid; offline typing warns before the tab closes and arrives later', async ({ newUserPage, expectAccessible }) => {
	test.slow();
	const eva = await newUserPage(EVA);
	const bram = await newUserPage(BRAM);
	await open(eva, 'rip-demo-0006');
	await open(bram, 'rip-demo-0006');
	const before = (await (await eva.request.get('/api/projects/rip-demo-0006')).json()) as { totalBudget: number };
	const budget = (page: Page) => page.getByLabel('Totale begroting (€)', { exact: true });
	await budget(eva).fill('4750000O');
	const problem = 'Klopt nog niet: Vul een heel getal in.';
	await expect(budget(bram)).toHaveValue('4750000O');
	for (const page of [eva, bram]) await expect(page.getByText(problem)).toBeVisible();
	await expect(budget(bram)).toHaveAttribute('aria-invalid', 'true');
	await expect(statusOf(eva)).toHaveText('Opgeslagen');
	expect(((await (await eva.request.get('/api/projects/rip-demo-0006')).json()) as { totalBudget: number }).totalBudget).toBe(before.totalBudget);
	await expectAccessible(bram);
	await budget(eva).fill('47500000');
	await expect(bram.getByText(problem)).toHaveCount(0);
	await expect.poll(async () => ((await (await bram.request.get('/api/projects/rip-demo-0006')).json()) as { totalBudget: number }).totalBudget).toBe(47_500_000);

	// Offline: what Eva types is kept on her device, the status says so, and closing the tab asks first.
	await eva.context().setOffline(true);
	await expect(statusOf(eva)).toHaveText('Offline — wijzigingen worden bewaard');
	await summary(eva).focus();
	await eva.keyboard.press('Control+End');
	await eva.keyboard.type(' Offline-getypt-5150');
	await expect(statusOf(eva)).not.toHaveText('Opgeslagen');
	const asked = new Promise<string>((resolve) => eva.once('dialog', (dialog) => (resolve(dialog.type()), void dialog.dismiss())));
	await eva.close({ runBeforeUnload: true });
	expect(await asked).toBe('beforeunload');
	expect(eva.isClosed()).toBe(false);
	await eva.context().setOffline(false);
	await expect(statusOf(eva)).toHaveText('Opgeslagen');
	await expect(summary(bram)).toHaveValue(/Offline-getypt-5150$/);
});
