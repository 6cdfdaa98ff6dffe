import { test, expect } from './fixtures.ts';

test('the workspace switches to English and back, and remembers the choice', async ({ page, loginAs, browser, app, expectAccessible }) => {
	await loginAs(page, 'lid.brabant@demo.tafel');
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
	await page.getByRole('button', { name: 'Switch to English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
	await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My account' }).click();
	await expect(page.getByRole('heading', { name: 'My account' })).toBeVisible();
	await expectAccessible(page);

	// The choice is stored on the account: a fresh browser logs in and gets English.
	const context = await browser.newContext({ locale: 'nl-NL' });
	const other = await context.newPage();
	await other.goto(`${app.url}/login`);
	await other.getByLabel('E-mailadres').fill('lid.brabant@demo.tafel');
	await other.getByLabel('Wachtwoord').fill('tafel-demo');
	await other.getByRole('button', { name: 'Inloggen' }).click();
	await expect(other.getByRole('heading', { name: 'Welcome to Tafel, Bram van Dijk' })).toBeVisible();
	await context.close();

	await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
	await expect(page.getByRole('heading', { name: 'Mijn account' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
});
