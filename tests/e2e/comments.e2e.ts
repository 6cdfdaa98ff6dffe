import { test, expect } from './fixtures.ts';

type Page = import('@playwright/test').Page;
const description = (page: Page) => page.getByRole('textbox', { name: 'Beschrijving' });
const panel = (page: Page) => page.getByRole('region', { name: /Opmerkingen/ });
const threadCards = (page: Page) => panel(page).locator('article.thread');
const badge = (page: Page) => page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: /Meldingen/ });

/** Selects the first `length` characters of the description's first paragraph, as a mouse would. */
async function selectStart(page: Page, length: number): Promise<string> {
	return description(page)
		.locator('p')
		.first()
		.evaluate((p, n) => {
			const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
			const text = walker.nextNode() as Text;
			const range = document.createRange();
			range.setStart(text, 0);
			range.setEnd(text, n);
			const selection = getSelection()!;
			selection.removeAllRanges();
			selection.addRange(range);
			return range.toString();
		}, length);
}

/** A Noord-Brabant project of the province that is shared with the platform. */
async function brabantProject(page: Page): Promise<string> {
	const response = await page.request.get('/api/projects?organisatie=prov-nb&per_pagina=10');
	const list = (await response.json()) as { projects: { id: string; visibility: string }[] };
	return list.projects.find((p) => p.visibility !== 'concept')!.id;
}

test('a participant comments on a sentence and mentions the province; its member sees it live, answers, resolves', async ({ newUserPage, expectAccessible }) => {
	// A whole conversation in two browsers with four axe runs: more than the default minute on 2 busy cores.
	test.slow();
	const dewi = await newUserPage('deelnemer@demo.tafel'); // participant, ROM BOM
	const bram = await newUserPage('lid.brabant@demo.tafel'); // member, Provincie Noord-Brabant
	const id = await brabantProject(bram);
	await dewi.goto(`/projecten/${id}`);
	await bram.goto(`/projecten/${id}`);
	await expect(description(dewi)).toHaveAttribute('aria-readonly', 'true');
	await expect(panel(dewi).getByText(/Nog geen opmerkingen/)).toBeVisible();
	await expect(badge(bram)).toHaveText('Meldingen');

	// Without a selection the button explains what to do.
	await dewi.getByRole('button', { name: 'Opmerking bij selectie' }).click();
	await expect(panel(dewi).getByRole('status').filter({ hasText: 'Selecteer eerst' })).toBeVisible();

	const quote = (await selectStart(dewi, 24)).trim();
	await dewi.getByRole('button', { name: 'Opmerking bij selectie' }).click();
	const box = panel(dewi).getByRole('combobox', { name: 'Opmerking bij de geselecteerde tekst' });
	await expect(box).toBeFocused();
	await expect(panel(dewi).locator('.pending blockquote')).toContainText(quote);
	await box.pressSequentially('Sluit dit aan op de waterstofroute? @Provincie Noord');
	const option = panel(dewi).getByRole('option', { name: /Provincie Noord-Brabant/ });
	await expect(option).toBeVisible();
	await expectAccessible(dewi);
	// The option is the active descendant of the box, picked with Enter; the box shows the name, not markup.
	await expect(box).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id'))!);
	await box.press('Enter');
	await expect(box).toHaveValue('Sluit dit aan op de waterstofroute? @Provincie Noord-Brabant ');
	await expect(panel(dewi).getByRole('listbox')).toHaveCount(0);
	await box.press('Control+Enter');

	// Dewi's own highlight covers exactly the quoted text.
	await expect(threadCards(dewi)).toHaveCount(1);
	await expect(description(dewi).locator('.comment-anchor')).toHaveText(quote);

	// Bram, on the page already, gets the thread, the highlight and the unread badge without reload.
	await expect(threadCards(bram)).toHaveCount(1);
	await expect(threadCards(bram)).toContainText('Sluit dit aan op de waterstofroute?');
	await expect(threadCards(bram).locator('.mention')).toHaveText('@Provincie Noord-Brabant');
	// Times read relative, in Amsterdam time, with the exact moment in the tooltip.
	const when = threadCards(bram).locator('time').first();
	await expect(when).toHaveText(/^(zojuist|\d+ min geleden)$/);
	await expect(when).toHaveAttribute('title', /^\w+dag \d{1,2} \w+ \d{4} om \d{2}:\d{2}$/);
	await expect(description(bram).locator('.comment-anchor')).toHaveText(quote);
	await expect(badge(bram)).toContainText('1');

	// Bram types before the commented text: the comment stays on exactly its words.
	await description(bram).locator('p').first().click({ position: { x: 3, y: 6 } });
	await bram.keyboard.press('Home');
	await bram.keyboard.type('Vooraf: ');
	await expect(description(dewi).locator('p').first()).toContainText('Vooraf: ');
	await expect(description(dewi).locator('.comment-anchor')).toHaveText(quote);
	await expect(description(bram).locator('.comment-anchor')).toHaveText(quote);

	// Clicking the highlight makes the thread active; Bram answers and mentions Dewi.
	await description(bram).locator('.comment-anchor').click();
	await expect(threadCards(bram)).toHaveClass(/thread--active/);
	await threadCards(bram).getByRole('button', { name: 'Beantwoorden' }).click();
	const reply = threadCards(bram).getByRole('combobox', { name: 'Uw antwoord' });
	await reply.pressSequentially('Goed punt @Dewi');
	await panel(bram).getByRole('option', { name: /Dewi Jansen/ }).click();
	await reply.pressSequentially('we koppelen het in de brede tafel.');
	// Typing on after the name does not start a new lookup.
	await expect(reply).toHaveValue('Goed punt @Dewi Jansen we koppelen het in de brede tafel.');
	await expect(panel(bram).getByRole('listbox')).toHaveCount(0);
	await threadCards(bram).getByRole('button', { name: 'Antwoord plaatsen' }).click();
	await expect(threadCards(dewi).locator('li.comment')).toHaveCount(2);
	await expect(threadCards(dewi).locator('li.comment').nth(1).locator('.mention')).toHaveText('@Dewi Jansen');
	await expect(badge(dewi)).toContainText('1');

	// Dewi's inbox: the mention, opened from the notification onto the thread.
	await dewi.goto('/meldingen');
	await expect(dewi.getByRole('listitem').filter({ hasText: 'Bram van Dijk (NB) noemde u of uw organisatie' })).toBeVisible();
	await expectAccessible(dewi);
	await dewi.getByRole('button', { name: /^Bekijken/ }).first().click();
	await expect(dewi).toHaveURL(new RegExp(`/projecten/${id}#thread-`));
	await expect(threadCards(dewi)).toHaveClass(/thread--active/);
	await expect(badge(dewi)).toHaveText('Meldingen');

	// Resolve (owner's member) and reopen (the author), seen live on the other side.
	await threadCards(bram).getByRole('button', { name: 'Oplossen' }).click();
	await expect(panel(dewi).getByText('Toon opgeloste gesprekken (1)')).toBeVisible();
	await expect(description(dewi).locator('.comment-anchor')).toHaveCount(0);
	await panel(dewi).getByLabel('Toon opgeloste gesprekken (1)').check();
	await expect(threadCards(dewi)).toContainText('Opgelost door Bram van Dijk');
	await threadCards(dewi).getByRole('button', { name: 'Heropenen' }).click();
	await expect(threadCards(bram)).not.toContainText('Opgelost');
	await expect(description(bram).locator('.comment-anchor')).toHaveText(quote);
	await expectAccessible(bram);

	// Deleting the commented text detaches the thread; it stays, with its quote.
	// A triple click selects the whole paragraph, as people do before deleting it.
	await description(bram).locator('.comment-anchor').click({ clickCount: 3 });
	await bram.keyboard.press('Backspace');
	await expect(threadCards(dewi)).toContainText('Tekst verwijderd');
	await expect(threadCards(dewi).locator('blockquote')).toContainText(quote);
});

test('internal threads stay in the organisation; script in a comment is shown as text', async ({ newUserPage, expectAccessible }) => {
	const bram = await newUserPage('lid.brabant@demo.tafel');
	const eva = await newUserPage('lid.ezk@demo.tafel');
	const id = await brabantProject(bram);
	await bram.goto(`/projecten/${id}`);
	await eva.goto(`/projecten/${id}`);
	await panel(bram).getByRole('button', { name: 'Opmerking over het hele project' }).click();
	await panel(bram).getByRole('combobox', { name: 'Opmerking over het hele project' }).fill('Intern: de cofinanciering is nog niet rond.');
	await panel(bram).getByLabel('Zichtbaar voor').selectOption('internal');
	await panel(bram).getByRole('button', { name: 'Plaatsen' }).click();
	await expect(threadCards(bram).filter({ hasText: 'cofinanciering' })).toContainText('Intern · Provincie Noord-Brabant');

	const payload = '<img src=x onerror="document.title=\'xss\'"> [klik](javascript:alert(1)) **vet**';
	await panel(bram).getByRole('button', { name: 'Opmerking over het hele project' }).click();
	await panel(bram).getByRole('combobox', { name: 'Opmerking over het hele project' }).fill(payload);
	await panel(bram).getByRole('button', { name: 'Plaatsen' }).click();

	const shared = threadCards(eva).filter({ hasText: '<img src=x' });
	await expect(shared).toBeVisible();
	await expect(shared.locator('.comment-body img')).toHaveCount(0);
	await expect(shared.locator('.comment-body a')).toHaveCount(0);
	await expect(shared.locator('.comment-body strong')).toHaveText('vet');
	expect(await eva.title()).not.toBe('xss');
	await expect(panel(eva)).not.toContainText('cofinanciering');
	await eva.reload();
	await expect(shared).toBeVisible();
	await expect(panel(eva)).not.toContainText('cofinanciering');
	await expectAccessible(eva);

	// An over-long comment is refused with the reason, and the text stays in the box.
	await panel(eva).getByRole('button', { name: 'Opmerking over het hele project' }).click();
	const box = panel(eva).getByRole('combobox', { name: 'Opmerking over het hele project' });
	await box.fill('x'.repeat(5001));
	await panel(eva).getByRole('button', { name: 'Plaatsen' }).click();
	await expect(panel(eva).getByRole('alert')).toHaveText(/te lang/);
	await expect(box).toHaveValue('x'.repeat(5001));
});
