import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { scratchProjectOwnedBy } from '../support/scratch-docs.ts';

// A platform project of Noord-Brabant: Bram (its member) may restore, Eva (EZ) edits alongside.
const PROJECT = scratchProjectOwnedBy('prov-nb', 40);
const BRAM = 'lid.brabant@demo.tafel';
const EVA = 'lid.ezk@demo.tafel';

const saved = (page: Page) => page.getByRole('status').filter({ hasText: /^Opgeslagen$/ });
const description = (page: Page) => page.getByRole('textbox', { name: 'Beschrijving' });
const summary = (page: Page) => page.getByLabel('Samenvatting', { exact: true });

async function open(page: Page): Promise<void> {
	await page.goto(`/projecten/${PROJECT.id}`);
	await expect(saved(page)).toBeVisible();
}

test('name a version, edit, see the marked change and the field table, restore while a colleague types', async ({ newUserPage, expectAccessible }) => {
	test.slow();
	const bram = await newUserPage(BRAM);
	const eva = await newUserPage(EVA);
	await open(bram);
	const originalSummary = await summary(bram).inputValue();

	// Name the current state.
	await bram.getByRole('link', { name: 'Versiegeschiedenis' }).click();
	await expect(bram.getByRole('heading', { level: 1, name: 'Versiegeschiedenis' })).toBeVisible();
	await bram.getByLabel('Huidige versie een naam geven').fill('Ingediend bij brede tafel Oost');
	await bram.getByRole('button', { name: 'Versie bewaren' }).click();
	await expect(bram.getByRole('status')).toContainText('De huidige versie is bewaard onder deze naam.');
	const first = bram.getByRole('listitem').filter({ hasText: 'Ingediend bij brede tafel Oost' });
	await expect(first).toBeFocused();
	await expectAccessible(bram);

	// Edit more: the summary and a new paragraph at the end of the description.
	await open(bram);
	await summary(bram).fill('Herziene samenvatting na de tafel');
	await description(bram).click();
	await bram.keyboard.press('Control+End');
	await bram.keyboard.press('Enter');
	await bram.keyboard.type('Extra zin na het indienen.');
	await expect(saved(bram)).toBeVisible();

	// The project page leads to the comparison with the named version.
	await bram.getByRole('link', { name: /Ingediend bij brede tafel Oost/ }).click();
	await expect(bram).toHaveURL(/vergelijk=nu/);
	await expect(bram.getByRole('heading', { name: 'Wat is er veranderd' })).toBeVisible();
	await expect(bram.locator('ins').filter({ hasText: 'Extra zin na het indienen.' })).toBeVisible();
	const row = bram.getByRole('row').filter({ hasText: 'Samenvatting' });
	await expect(row).toContainText('Herziene samenvatting na de tafel');
	await expect(row).toContainText('Bram van Dijk');
	await expectAccessible(bram);
	// The preview of the version alone.
	await bram.getByRole('link', { name: 'Alleen deze versie' }).click();
	await expect(bram.getByRole('heading', { name: 'Zo zag het eruit' })).toBeVisible();
	await expect(bram.getByText('Extra zin na het indienen.')).toHaveCount(0);
	await expectAccessible(bram);

	// Eva types in the description while Bram restores.
	await open(eva);
	await description(eva).click();
	await eva.keyboard.press('Control+Home');
	await eva.keyboard.type('Eva-voor-herstel ');
	await expect(saved(eva)).toBeVisible();
	await bram.locator('summary', { hasText: 'Deze versie herstellen' }).click();
	await expect(bram.getByRole('button', { name: 'Ja, herstel deze versie' })).toBeFocused();
	await bram.getByRole('button', { name: 'Ja, herstel deze versie' }).click();
	await expect(bram).toHaveURL(new RegExp(`/projecten/${PROJECT.id}\\?hersteld=`));
	await expect(bram.getByRole('status').filter({ hasText: 'De versie is hersteld.' })).toBeVisible();

	// Eva sees the restored content live, without a reload, and keeps typing.
	await expect(summary(eva)).toHaveValue(originalSummary);
	await expect(description(eva)).not.toContainText('Extra zin na het indienen.');
	await eva.keyboard.type('Eva-na-herstel');
	await expect(description(eva)).toContainText('Eva-na-herstel');
	await expect(saved(eva)).toBeVisible();
	await expect(description(bram)).toContainText('Eva-na-herstel');
	await expect(summary(bram)).toHaveValue(originalSummary);

	// The restore is in the history and on the timeline.
	await expect(bram.getByText('Versie hersteld: Ingediend bij brede tafel Oost')).toBeVisible();
	await bram.getByRole('link', { name: 'Versiegeschiedenis' }).click();
	await expect(bram.getByRole('main').getByRole('listitem').first()).toContainText('Hersteld');
});
