import { execSync } from 'node:child_process';
import fs from 'node:fs';
import { BUILD_HANDLER, ROOT } from '../support/paths.ts';
import { buildTemplate } from '../support/template.ts';

process.env.LOG_LEVEL ??= 'warn';

/** Integration tests run the production server: make sure the build and the PGlite template exist. */
export default async function setup(): Promise<void> {
	if (!fs.existsSync(BUILD_HANDLER)) execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
	await buildTemplate();
	if (!process.env.DATABASE_URL) console.log('PostgreSQL tier skipped: DATABASE_URL is not set.');
	if (!process.env.REDIS_URL) console.log('Redis tier skipped: REDIS_URL is not set.');
}
