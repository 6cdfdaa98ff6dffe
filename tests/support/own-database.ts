/**
 * The app's database opened in the test process itself (for tests of the store and
 * services without a server): a fresh PGlite folder from the demo template, or a fresh
 * PostgreSQL database on the test server. Resolves to the function that closes and
 * removes it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readConfig } from '../../src/lib/server/config.ts';
import { closeDatabase, initDatabase } from '../../src/lib/server/db/client.ts';
import { createTestDatabase, PG_URL } from './postgres.ts';
import { TEMPLATE } from './paths.ts';

/** PGlite always; PostgreSQL too when the PostgreSQL tier is on (PG_URL set). */
export const DATABASES = ['pglite', ...(PG_URL ? ['postgres' as const] : [])] as const;

export async function openOwnDatabase(database: 'pglite' | 'postgres'): Promise<() => Promise<void>> {
	if (database === 'postgres') {
		const created = await createTestDatabase();
		await initDatabase(readConfig({ DATABASE_URL: created.url, LOG_LEVEL: 'warn' }));
		return async () => {
			await closeDatabase();
			await created.drop();
		};
	}
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tafel-own-db-'));
	await initDatabase(readConfig({ DATA_DIR: dataDir, PGLITE_TEMPLATE: TEMPLATE, LOG_LEVEL: 'warn' }));
	return async () => {
		await closeDatabase();
		fs.rmSync(dataDir, { recursive: true, force: true });
	};
}
