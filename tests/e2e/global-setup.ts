import fs from 'node:fs';
import { BUILD_HANDLER } from '../support/paths.ts';
import { buildTemplate } from '../support/template.ts';

process.env.LOG_LEVEL ??= 'warn';

/** E2E runs against the production build, each file on its own server from one PGlite template. */
export default async function globalSetup(): Promise<void> {
	if (!fs.existsSync(BUILD_HANDLER)) throw new Error('build/handler.js is missing: run `npm run build` first');
	await buildTemplate();
}
