/**
 * Shared e2e fixtures: one production server per test file (started on first use,
 * stopped when the worker moves on to another file), login through the real login
 * action, and an axe check for every page a test visits.
 */
import { test as base, expect, type Browser, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { startServer, type TestServer } from '../support/server.ts';

interface Registry {
	file: string | null;
	server: TestServer | null;
}

export const DEMO_PASSWORD = 'tafel-demo';

type WorkerFixtures = { registry: Registry };
type TestFixtures = {
	app: { url: string };
	loginAs: (page: Page, email: string) => Promise<void>;
	newUserPage: (email: string) => Promise<Page>;
	expectAccessible: (page: Page) => Promise<void>;
	/** An administrator makes the demo participant Dewi Jansen a member, through the user admin page. */
	makeDewiMember: (page: Page) => Promise<void>;
};

export const test = base.extend<TestFixtures, WorkerFixtures>({
	registry: [
		// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function needs from its destructuring; none here
		async ({}, use) => {
			const registry: Registry = { file: null, server: null };
			await use(registry);
			await registry.server?.dispose();
		},
		{ scope: 'worker' }
	],
	app: async ({ registry }, use, testInfo) => {
		if (registry.file !== testInfo.file) {
			await registry.server?.dispose();
			registry.server = await startServer();
			registry.file = testInfo.file;
		}
		await use({ url: registry.server!.url });
	},
	baseURL: async ({ app }, use) => use(app.url),
	loginAs: async ({ app }, use) => {
		await use(async (page, email) => {
			const response = await page.request.post(`${app.url}/login`, { form: { email, password: DEMO_PASSWORD }, headers: { origin: app.url } });
			expect(response.ok(), `login as ${email}`).toBe(true);
		});
	},
	newUserPage: async ({ browser, app }, use) => {
		const opened: Awaited<ReturnType<Browser['newContext']>>[] = [];
		await use(async (email) => {
			const context = await browser.newContext({ baseURL: app.url, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
			opened.push(context);
			const page = await context.newPage();
			const response = await page.request.post(`${app.url}/login`, { form: { email, password: DEMO_PASSWORD }, headers: { origin: app.url } });
			expect(response.ok(), `login as ${email}`).toBe(true);
			return page;
		});
		for (const context of opened) await context.close();
	},
	makeDewiMember: async ({ loginAs }, use) => {
		await use(async (page) => {
			await loginAs(page, 'beheerder@demo.tafel');
			await page.goto('/beheer/gebruikers');
			const row = page.locator('tr[data-user="deelnemer@demo.tafel"]');
			await row.getByLabel('Rol van Dewi Jansen').selectOption('member');
			await row.getByRole('button', { name: 'Rol opslaan: Dewi Jansen' }).click();
			await expect(page.getByRole('status')).toContainText('Rol van Dewi Jansen is nu Lid.');
		});
	},
	// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function needs from its destructuring; none here
	expectAccessible: async ({}, use) => {
		await use(async (page) => {
			const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
			const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n  ')}`);
			expect(summary, `axe violations on ${page.url()}`).toEqual([]);
		});
	}
});

export { expect };
