/**
 * English complete: an English-speaking delegate chooses English on the login page, and
 * every main page then speaks English except names and what people wrote (marked lang="nl").
 * One browser context, the admin account (it sees every page).
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, DEMO_PASSWORD } from './fixtures.ts';
import { REFERENCE_EN } from '../../src/lib/i18n/reference-en.ts';

const read = (file: string) => JSON.parse(fs.readFileSync(new URL(file, import.meta.url), 'utf8'));
const nl: Record<string, string> = read('../../messages/nl.json');
const en: Record<string, string> = read('../../messages/en.json');

/**
 * Dutch sentences and labels of the catalogue: the literal parts of each message that differs
 * in English, long enough to be unmistakably Dutch and not also part of the English text.
 */
function dutchCatalogue(): string[] {
	const found = new Set<string>();
	for (const [key, text] of Object.entries(nl)) {
		if (key.startsWith('$') || text === en[key]) continue;
		// One-word organisation types ("Ministerie", "Stichting") also begin organisation names,
		// which stay Dutch; the organisation page is checked for their English labels instead.
		if (/^(orgtype|initiator)_/.test(key) && !text.includes(' ')) continue;
		for (const part of text.split(/\{[^}]*\}/)) {
			const literal = part.trim().replace(/^[\s·:,.;()–—-]+|[\s·:,.;()–—-]+$/g, '');
			if (literal.length >= 10 && !Object.values(en).some((e) => e.includes(literal))) found.add(literal);
		}
	}
	return [...found];
}

const PLACE_NAMES: string[] = [];

/** Dutch names of reference entries that have an English one (the rest are place names). */
function dutchReference(): string[] {
	const themes = read('../../src/lib/reference/themes.json');
	const instruments = read('../../src/lib/reference/instruments.json');
	const regions = read('../../src/lib/reference/regions.json');
	const provinces = read('../../src/lib/reference/provinces.json');
	const dutch: Record<keyof typeof REFERENCE_EN, Map<string, string>> = {
		themes: new Map(themes.themas.map((t: { id: string; naam: string }) => [t.id, t.naam])),
		kias: new Map(themes.kias.map((k: { id: string; naam: string; afkorting?: string }) => [k.id, k.afkorting ?? k.naam])),
		missions: new Map(themes.missies_2019.map((m: { id: string; label: string }) => [m.id, m.label])),
		keyTechnologies: new Map(themes.sleuteltechnologieen_nts_2024.items.map((t: { id: string; naam: string }) => [t.id, t.naam])),
		instruments: new Map(instruments.instrumenten.map((i: { id: string; naam: string }) => [i.id, i.naam])),
		corop: new Map(regions.corop_gebieden.map((c: { code: string; naam: string }) => [c.code, c.naam])),
		provinces: new Map(provinces.provincies.map((p: { iso_3166_2: string; naam: string }) => [p.iso_3166_2, p.naam]))
	};
	const labels: string[] = [];
	for (const [list, names] of Object.entries(dutch)) {
		// Place names without an English form stay as they are: names.
		for (const [id, label] of names) if ((REFERENCE_EN[list as keyof typeof REFERENCE_EN][id] ?? label) === label) PLACE_NAMES.push(label);
	}
	for (const [list, names] of Object.entries(REFERENCE_EN)) {
		for (const [id, english] of Object.entries(names)) {
			const label = dutch[list as keyof typeof REFERENCE_EN].get(id);
			// A Dutch name that is also the start of its English one ("Twente") is a name, not Dutch text.
			if (label && label !== english && label.length >= 6) labels.push(label);
		}
	}
	return labels;
}

const DUTCH = [...dutchCatalogue(), ...dutchReference()];

/** Whether `phrase` occurs in `text` as whole words (so "Industrie" is not found in "Industriepark"). */
function wordIn(text: string, phrase: string): boolean {
	const letter = /[\p{L}\p{N}]/u;
	for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
		const before = text[at - 1] ?? ' ';
		const after = text[at + phrase.length] ?? ' ';
		if (!(letter.test(before) && letter.test(phrase[0])) && !(letter.test(after) && letter.test(phrase.at(-1)!))) return true;
	}
	return false;
}

/** What a sighted reader sees and a screen reader says, outside elements marked Dutch. */
async function englishText(page: Page): Promise<string> {
	return page.evaluate(() => {
		// Marked inside the page; the page's own language (html lang) is checked separately.
		const dutch = (el: Element) => (el.closest('body [lang]')?.getAttribute('lang') ?? '').toLowerCase().startsWith('nl');
		const shown = (el: Element) => (el.tagName === 'OPTION' ? (el.closest('select')?.checkVisibility() ?? false) : el.checkVisibility());
		const parts: string[] = [document.title];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const el = node.parentElement;
			if (el && !dutch(el) && shown(el) && node.textContent?.trim()) parts.push(node.textContent.trim());
		}
		// Names a screen reader speaks; a title that repeats a link's text is left to the link.
		for (const el of document.body.querySelectorAll('[aria-label], [placeholder]')) {
			if (dutch(el) || !shown(el)) continue;
			for (const name of ['aria-label', 'placeholder']) {
				const value = el.getAttribute(name);
				if (value) parts.push(value);
			}
		}
		return parts.join('\n');
	});
}

/** Organisation names (read from the admin page at the start) and place names: names stay Dutch. */
const NAMES: string[] = [];

async function expectEnglish(page: Page, expectAccessible: (page: Page) => Promise<void>): Promise<void> {
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.locator('main')).toBeVisible();
	let text = await englishText(page);
	for (const name of NAMES) text = text.replaceAll(name, '•');
	// Each find with the line it stands in, so a failure says where to look.
	const found = DUTCH.filter((dutch) => wordIn(text, dutch)).map((dutch) => `${dutch} ← ${text.split('\n').find((line) => line.includes(dutch))?.slice(0, 160)}`);
	expect(found, `Dutch text on ${page.url()}`).toEqual([]);
	await expectAccessible(page);
}

test('an English reader sees English on every page, except names and what people wrote', async ({ page, expectAccessible }) => {
	test.slow();
	expect(DUTCH.length).toBeGreaterThan(300);
	expect(DUTCH).toContain('Energietransitie & duurzaamheid');

	// The language is chosen on the login page and survives logging in (the account said Dutch).
	await page.goto('/login');
	// The check itself finds Dutch where there is Dutch: the login page before switching.
	const before = await englishText(page);
	expect(DUTCH.filter((dutch) => wordIn(before, dutch)).length).toBeGreaterThan(3);
	await page.getByRole('button', { name: 'Switch to English' }).click();
	await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
	await page.getByLabel('E-mail address').fill('beheerder@demo.tafel');
	await page.getByLabel('Password').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Log in' }).click();
	await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();

	await page.goto('/beheer/organisaties');
	NAMES.push(...(await page.locator('tbody th[scope=row]').allTextContents()).map((name) => name.trim()), ...PLACE_NAMES);
	NAMES.sort((a, b) => b.length - a.length);
	expect(NAMES.length).toBeGreaterThan(30);
	await expect(page.getByLabel('Type').first().locator('option', { hasText: 'Ministry' })).toHaveCount(1);
	await expect(page.locator('td', { hasText: /^Ministry$/ }).first()).toBeVisible();
	await expectEnglish(page, expectAccessible);

	await page.goto('/');
	await expectEnglish(page, expectAccessible);

	// The inventory with every filter group open: themes, missions, COROP areas, instruments.
	await page.goto('/projecten');
	// On a narrow screen the panel itself is folded away behind "Filters".
	const panel = page.locator('summary').filter({ hasText: /^Filters/ });
	if (await panel.isVisible()) await panel.click();
	const closed = page.locator('details.filter-group:not([open]) > summary');
	while (await closed.count()) await closed.first().click();
	await expect(page.getByRole('checkbox', { name: 'Energy transition & sustainability' }).first()).toBeVisible();
	await expect(page.getByText('Exports are in Dutch.')).toBeVisible();
	await expectEnglish(page, expectAccessible);

	// A project with its policy choices in English.
	const list = (await (await page.request.get('/api/projects?per_pagina=1')).json()) as { projects: { id: string }[] };
	await page.goto(`/projecten/${list.projects[0].id}`);
	await expect(page.locator('.tafel-prose[contenteditable]')).toHaveAttribute('lang', 'nl');
	await expect(page.locator('h1')).toHaveAttribute('lang', 'nl');
	await expect(page.getByText('Exports are in Dutch.')).toBeVisible();
	await expectEnglish(page, expectAccessible);

	for (const path of ['/dashboard', '/werkagenda', '/acties', '/meldingen', '/account', '/beheer/gebruikers', '/projecten/import', '/projecten/nieuw']) {
		await page.goto(path);
		await expectEnglish(page, expectAccessible);
	}


	// The round tables, one of them and its minutes.
	await page.goto('/tafels');
	await expectEnglish(page, expectAccessible);
	const tafels = await page.locator('main a[href^="/tafels/"]').evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute('href')!).filter((h) => /^\/tafels\/[^/]+$/.test(h)))]);
	let minutes: string | null = null;
	for (const href of tafels) {
		await page.goto(href);
		await expectEnglish(page, expectAccessible);
		const link = page.getByRole('link', { name: 'Go to the minutes' });
		if (await link.count()) {
			minutes = await link.getAttribute('href');
			break;
		}
	}
	expect(minutes, 'a closed round table with minutes').toBeTruthy();
	await page.goto(minutes!);
	await expect(page.getByText('Exports are in Dutch.')).toBeVisible();
	await expectEnglish(page, expectAccessible);
});
