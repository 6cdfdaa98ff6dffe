import { test, expect } from './fixtures.ts';

test('logging in and out with the form', async ({ page, expectAccessible }) => {
	await page.goto('/');
	await expect(page).toHaveURL(/\/login\?terug=%2F/);
	await expectAccessible(page);
	await page.getByLabel('E-mailadres').fill('lid.ezk@demo.tafel');
	await page.getByLabel('Wachtwoord').fill('tafel-demo');
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page.getByRole('heading', { name: 'Welkom bij Tafel, Eva de Vries' })).toBeVisible();
	await expect(page.getByText('EZ · Lid')).toBeVisible();
	await expectAccessible(page);
	const cookie = (await page.context().cookies()).find((c) => c.name === 'tafel_session');
	expect(cookie?.httpOnly).toBe(true);
	expect(cookie?.sameSite).toBe('Lax');
	await page.getByRole('button', { name: 'Uitloggen' }).click();
	await expect(page.getByText('U bent uitgelogd.')).toBeVisible();
	await page.goto('/account');
	await expect(page).toHaveURL(/\/login/);
});

test('after login the user lands where they were going', async ({ page }) => {
	await page.goto('/account');
	await page.getByLabel('E-mailadres').fill('lid.brabant@demo.tafel');
	await page.getByLabel('Wachtwoord').fill('tafel-demo');
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page).toHaveURL(/\/account$/);
	await expect(page.getByRole('heading', { name: 'Mijn account' })).toBeVisible();
});

test('a wrong password gets one clear message, and guessing is stopped', async ({ page, expectAccessible }) => {
	await page.goto('/login');
	for (let i = 0; i < 5; i++) {
		await page.getByLabel('E-mailadres').fill('deelnemer@demo.tafel');
		await page.getByLabel('Wachtwoord').fill(`fout-wachtwoord-${i}`);
		await page.getByRole('button', { name: 'Inloggen' }).click();
		await expect(page.getByRole('alert')).toHaveText('Het e-mailadres of het wachtwoord klopt niet.');
	}
	await expectAccessible(page);
	await page.getByLabel('Wachtwoord').fill('tafel-demo');
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page.getByRole('alert')).toHaveText('Te veel mislukte pogingen. Probeer het over een kwartier opnieuw.');
});
