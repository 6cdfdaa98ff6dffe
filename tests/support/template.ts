/**
 * Builds, once per test run, a PGlite data directory that is migrated and seeded
 * with organisations and demo accounts, dumped as a tarball. Servers under test
 * start from it in ~1 s instead of running initdb (~8 s) each.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { ROOT, TEMPLATE, TMP } from './paths.ts';

export async function buildTemplate(): Promise<string> {
	fs.mkdirSync(TMP, { recursive: true });
	const migrations = path.join(ROOT, 'drizzle');
	const stamp = fs.readdirSync(migrations).filter((f) => f.endsWith('.sql')).join(',') + fs.statSync(path.join(ROOT, 'src/lib/server/seed')).mtimeMs;
	const stampFile = `${TEMPLATE}.stamp`;
	if (fs.existsSync(TEMPLATE) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) return TEMPLATE;
	const client = new PGlite();
	await client.waitReady;
	const db = drizzle(client);
	await migrate(db, { migrationsFolder: migrations });
	const { initDatabaseWith } = await import('./seed-into.ts');
	await initDatabaseWith(db);
	const dump = await client.dumpDataDir('gzip');
	fs.writeFileSync(TEMPLATE, Buffer.from(await dump.arrayBuffer()));
	fs.writeFileSync(stampFile, stamp);
	await client.close();
	return TEMPLATE;
}
