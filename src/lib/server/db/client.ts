import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { config, type Config } from '../config.ts';
import { log } from '../log.ts';
import { singleton } from '../singleton.ts';
import * as schema from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
	db: Db;
	kind: 'pglite' | 'postgres';
	close(): Promise<void>;
}

/**
 * Postgres settings of the embedded database. Its memory is WebAssembly memory, which
 * never shrinks and which Postgres fills at start: shared_buffers at Postgres' 128 MB
 * default alone held 150 MB resident. The operating system's file cache behind the data
 * folder serves what these smaller buffers do not hold; maintenance_work_mem bounds
 * what an index build or VACUUM after a bulk insert leaves behind.
 */
const PGLITE_SETTINGS = ['shared_buffers=16MB', 'maintenance_work_mem=16MB'];

async function openPglite(cfg: Config): Promise<Database> {
	const { drizzle } = await import('drizzle-orm/pglite');
	const { migrate } = await import('drizzle-orm/pglite/migrator');
	const { PgliteRemote } = await import('./pglite-remote.ts');
	const { RestartingPglite } = await import('./pglite-restart.ts');
	const fresh = !fs.existsSync(path.join(cfg.dataDir, 'PG_VERSION'));
	fs.mkdirSync(cfg.dataDir, { recursive: true });
	// A migrated template tarball skips initdb (~8 s); the worker unpacks it into a fresh folder.
	if (fresh && !cfg.pgliteTemplate) await PgliteRemote.initdb(cfg.dataDir);
	const client = await RestartingPglite.open(
		{ dataDir: cfg.dataDir, loadDataDir: cfg.pgliteTemplate, settings: PGLITE_SETTINGS },
		{
			stopped: (err, restarting) => log.error({ event: 'pglite-worker-stopped', err: err.message, restarting }, 'the embedded database stopped'),
			restarted: () => log.warn({ event: 'pglite-worker-restarted' }, 'the embedded database runs again'),
			gaveUp: (err) => log.fatal({ event: 'pglite-worker-gave-up', err: err.message }, 'the embedded database keeps stopping; requests fail until restart')
		}
	);
	// drizzle's pglite driver calls only query() and transaction() (and exec()) on its client.
	const db = drizzle(client as unknown as PGlite, { schema });
	await migrate(db, { migrationsFolder: cfg.migrationsDir });
	return { db: db as unknown as Db, kind: 'pglite', close: () => client.close() };
}

async function openPostgres(url: string, cfg: Config): Promise<Database> {
	const { default: postgres } = await import('postgres');
	const { drizzle } = await import('drizzle-orm/postgres-js');
	const { migrate } = await import('drizzle-orm/postgres-js/migrator');
	const client = postgres(url, { max: 10, onnotice: () => {}, connect_timeout: 10 });
	const db = drizzle(client, { schema });
	await migrate(db, { migrationsFolder: cfg.migrationsDir });
	return { db: db as unknown as Db, kind: 'postgres', close: () => client.end({ timeout: 5 }) };
}

interface Holder {
	opening: Promise<Database> | null;
	current: Database | null;
}
const holder = singleton<Holder>('db', () => ({ opening: null, current: null }));

/** Opens the database once per process (PGlite folders allow one opener) and migrates it. */
export function initDatabase(cfg: Config = config()): Promise<Database> {
	holder.opening ??= (async () => {
		const started = Date.now();
		const database = cfg.databaseUrl ? await openPostgres(cfg.databaseUrl, cfg) : await openPglite(cfg);
		holder.current = database;
		log.info({ kind: database.kind, ms: Date.now() - started }, 'database ready');
		return database;
	})();
	return holder.opening;
}

/** The open database; initDatabase() has run in the init hook before any request. */
export function db(): Db {
	if (!holder.current) throw new Error('Database not initialised: call initDatabase() first');
	return holder.current.db;
}

export function databaseKind(): 'pglite' | 'postgres' {
	return holder.current?.kind ?? 'pglite';
}

export async function closeDatabase(): Promise<void> {
	const current = holder.current;
	holder.current = null;
	holder.opening = null;
	if (current) await current.close();
}
