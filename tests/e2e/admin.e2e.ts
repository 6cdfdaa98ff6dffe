import { test, expect } from './fixtures.ts';

test('an admin invites someone who sets a password and starts working', async ({ page, browser, app, loginAs, expectAccessible }) => {
	await loginAs(page, 'beheerder@demo.tafel');
	await page.goto('/beheer/gebruikers');
	await expectAccessible(page);
	await page.getByLabel('Naam').fill('Gerda Gelder');
	await page.getByLabel('E-mailadres').fill('gerda@gelderland.example');
	await page.getByLabel('Organisatie').selectOption({ label: 'Provincie Gelderland' });
	await page.getByLabel('Rol', { exact: true }).selectOption('member');
	await page.getByRole('button', { name: 'Uitnodiging maken' }).click();
	const link = await page.getByLabel('Eenmalige link').textContent();
	expect(link).toMatch(/\/toegang\/[a-z2-7]{32}$/);
	await expect(page.locator('tr[data-user="gerda@gelderland.example"]')).toContainText('Uitnodiging open');
	await expectAccessible(page);

	const context = await browser.newContext({ locale: 'nl-NL' });
	const invitee = await context.newPage();
	await invitee.goto(link!.replace(/^https?:\/\/[^/]+/, app.url));
	await expect(invitee.getByRole('heading', { name: 'Welkom bij Tafel' })).toBeVisible();
	await expectAccessible(invitee);
	await invitee.getByLabel('Wachtwoord', { exact: true }).fill('kort');
	await invitee.getByLabel('Herhaal het wachtwoord').fill('kort');
	await invitee.getByRole('button', { name: 'Wachtwoord instellen' }).click();
	await expect(invitee.getByRole('alert')).toHaveText('Het wachtwoord moet minstens 10 tekens hebben.');
	await invitee.getByLabel('Wachtwoord', { exact: true }).fill('groene waterstof uit het noorden');
	await invitee.getByLabel('Herhaal het wachtwoord').fill('groene waterstof uit het zuiden');
	await invitee.getByRole('button', { name: 'Wachtwoord instellen' }).click();
	await expect(invitee.getByRole('alert')).toHaveText('De twee wachtwoorden zijn niet gelijk.');
	await invitee.getByLabel('Wachtwoord', { exact: true }).fill('groene waterstof uit het noorden');
	await invitee.getByLabel('Herhaal het wachtwoord').fill('groene waterstof uit het noorden');
	await invitee.getByRole('button', { name: 'Wachtwoord instellen' }).click();
	await expect(invitee.getByRole('heading', { name: 'Welkom bij Tafel, Gerda Gelder' })).toBeVisible();
	await expect(invitee.getByText('U werkt mee namens Provincie Gelderland als lid')).toBeVisible();

	// The link works once.
	const again = await (await browser.newContext()).newPage();
	await again.goto(link!.replace(/^https?:\/\/[^/]+/, app.url));
	await expect(again.getByRole('heading', { name: 'Deze link werkt niet' })).toBeVisible();
	await context.close();
});

test('a role change reaches the user, and a deactivated user is thrown out and told why', async ({ page, newUserPage, makeDewiMember, expectAccessible }) => {
	const user = await newUserPage('deelnemer@demo.tafel');
	await user.goto('/');
	await expect(user.getByText('BOM · Deelnemer')).toBeVisible();

	await makeDewiMember(page);
	await user.reload();
	await expect(user.getByText('BOM · Lid')).toBeVisible();

	// Switching off asks first, by keyboard: nothing happens before "Ja"; "Nee" returns focus to the trigger.
	const row = page.locator('tr[data-user="deelnemer@demo.tafel"]');
	const trigger = row.getByLabel('Account uitzetten: Dewi Jansen');
	await trigger.focus();
	await page.keyboard.press('Enter');
	await expect(row.getByRole('group', { name: /Account van Dewi Jansen uitzetten\?/ })).toBeVisible();
	await expect(row.getByRole('button', { name: 'Ja', exact: true })).toBeFocused();
	await expectAccessible(page);
	await page.keyboard.press('Tab');
	await expect(row.getByRole('button', { name: 'Nee', exact: true })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(trigger).toBeFocused();
	await expect(row.getByRole('button', { name: 'Ja', exact: true })).toBeHidden();
	await user.reload();
	await expect(user.getByText('BOM · Lid')).toBeVisible();
	await page.keyboard.press('Enter');
	await expect(row.getByRole('button', { name: 'Ja', exact: true })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status')).toContainText('Dewi Jansen kan niet meer inloggen');
	await user.goto('/account');
	await expect(user).toHaveURL(/\/login/);
	// Told that the account was switched off, not that a session expired; once.
	await expect(user.getByRole('status')).toContainText('Uw account is uitgeschakeld');
	await expect(user.getByText(/verlopen/)).toHaveCount(0);
	await expectAccessible(user);
	await user.reload();
	await expect(user.getByRole('heading', { name: 'Inloggen' })).toBeVisible();
	await expect(user.getByText('Uw account is uitgeschakeld')).toHaveCount(0);
	const retry = await user.request.post('/login', { form: { email: 'deelnemer@demo.tafel', password: 'tafel-demo' }, headers: { origin: new URL(user.url()).origin, accept: 'text/html' }, maxRedirects: 0 });
	expect(retry.status()).toBe(400);
});

test('a password reset link works once and ends the old sessions', async ({ page, newUserPage, loginAs, app }) => {
	const user = await newUserPage('facilitator@demo.tafel');
	await user.goto('/account');
	await loginAs(page, 'beheerder@demo.tafel');
	await page.goto('/beheer/gebruikers');
	await page.locator('tr[data-user="facilitator@demo.tafel"]').getByRole('button', { name: 'Wachtwoordlink maken: Frank Facilitator' }).click();
	const link = (await page.getByLabel('Eenmalige link').textContent())!.replace(/^https?:\/\/[^/]+/, app.url);
	const fresh = await (await page.context().browser()!.newContext()).newPage();
	await fresh.goto(link);
	await expect(fresh.getByRole('heading', { name: 'Nieuw wachtwoord instellen' })).toBeVisible();
	await fresh.getByLabel('Wachtwoord', { exact: true }).fill('een heel nieuw wachtwoord');
	await fresh.getByLabel('Herhaal het wachtwoord').fill('een heel nieuw wachtwoord');
	await fresh.getByRole('button', { name: 'Wachtwoord instellen' }).click();
	await expect(fresh.getByRole('heading', { name: /Welkom bij Tafel, Frank/ })).toBeVisible();
	await user.reload();
	await expect(user).toHaveURL(/\/login/);
});

test('organisations can be renamed and added; non-admins are refused', async ({ page, loginAs, newUserPage, expectAccessible }) => {
	await loginAs(page, 'beheerder@demo.tafel');
	await page.goto('/beheer/organisaties');
	await expectAccessible(page);
	await page.getByText('Organisatie toevoegen').click();
	await page.getByLabel('Naam').first().fill('Gemeente Voorbeeldstad');
	await page.getByLabel('Afkorting').first().fill('Voorbeeldstad');
	await page.getByLabel('Soort').first().selectOption('gemeente');
	await page.getByRole('button', { name: 'Toevoegen' }).click();
	await expect(page.getByRole('status')).toContainText('Organisatie Gemeente Voorbeeldstad toegevoegd.');
	await expect(page.getByRole('rowheader', { name: 'Gemeente Voorbeeldstad' })).toBeVisible();

	const member = await newUserPage('lid.ezk@demo.tafel');
	const response = await member.goto('/beheer/gebruikers');
	expect(response?.status()).toBe(403);
	await expect(member.getByText('U heeft geen toegang tot deze pagina.')).toBeVisible();
	await expectAccessible(member);
});

test('revoking another session logs that browser out', async ({ page, newUserPage, loginAs, expectAccessible }) => {
	const other = await newUserPage('waarnemer@demo.tafel');
	await other.goto('/');
	await loginAs(page, 'waarnemer@demo.tafel');
	await page.goto('/account');
	await expectAccessible(page);
	await expect(page.getByText('Deze sessie')).toBeVisible();
	await page.getByRole('button', { name: 'Alle andere sessies beëindigen' }).click();
	await expect(page.getByRole('status')).toContainText('Alle andere sessies zijn beëindigd.');
	await other.reload();
	await expect(other).toHaveURL(/\/login/);
});
