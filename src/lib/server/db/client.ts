import fs from 'node:fs';
import path from 'node:path';
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

async function openPglite(cfg: Config): Promise<Database> {
	const { PGlite } = await import('@electric-sql/pglite');
	const { drizzle } = await import('drizzle-orm/pglite');
	const { migrate } = await import('drizzle-orm/pglite/migrator');
	const fresh = !fs.existsSync(path.join(cfg.dataDir, 'PG_VERSION'));
	fs.mkdirSync(cfg.dataDir, { recursive: true });
	// A migrated template tarball skips initdb (~8 s of blocked event loop).
	const loadDataDir =
		fresh && cfg.pgliteTemplate ? new Blob([fs.readFileSync(cfg.pgliteTemplate)]) : undefined;
	const client = new PGlite(cfg.dataDir, { loadDataDir });
	await client.waitReady;
	const db = drizzle(client, { schema });
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
