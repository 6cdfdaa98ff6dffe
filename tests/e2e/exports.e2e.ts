import { test, expect } from './fixtures.ts';

// A project reached by clicking through the app, so SvelteKit's client-side router is
// active: the export links must download, not navigate to a "Not found" page.
test('a project opened from the list downloads its PDF and Markdown and stays on the page', async ({ page, loginAs, expectAccessible }) => {
	await loginAs(page, 'lid.ezk@demo.tafel');
	await page.goto('/projecten');
	await page.getByRole('table').getByRole('row').nth(1).getByRole('link').first().click();
	await expect(page).toHaveURL(/\/projecten\/[^/?]+$/);
	const url = page.url();
	await expectAccessible(page);

	for (const [name, extension] of [['Exporteren (PDF)', 'pdf'], ['Exporteren (Markdown)', 'md']] as const) {
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
		expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${extension}$`));
		expect(await download.failure()).toBeNull();
		expect(page.url()).toBe(url);
		await expect(page.getByRole('heading', { name: /Not found|niet gevonden/i })).toHaveCount(0);
	}
});
