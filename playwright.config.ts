import fs from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's Chromium where it exists (this machine and CI); Playwright's own browser elsewhere.
const debianChromium = '/usr/bin/chromium';
const executablePath = fs.existsSync(debianChromium) ? debianChromium : undefined;

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	globalSetup: './tests/e2e/global-setup.ts',
	fullyParallel: false,
	workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
	retries: 0,
	// Two browsers, a production server and axe per page on 2 cores: a minute was too tight under load.
	timeout: 120_000,
	expect: { timeout: 20_000 },
	reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'tests/.tmp/reports/e2e.json' }]],
	use: {
		locale: 'nl-NL',
		timezoneId: 'Europe/Amsterdam',
		trace: 'off',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath,
			args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
		}
	},
	outputDir: 'tests/.tmp/e2e-results'
});
