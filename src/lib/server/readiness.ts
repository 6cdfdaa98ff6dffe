/**
 * Readiness (GET /readyz): may this instance take traffic? Unlike /healthz (is the
 * process alive and the database reachable), it also asks whether every migration in
 * the journal is applied — an instance of a newer release against a database that
 * another instance is still migrating must wait — and whether Redis answers when
 * REDIS_URL is set, since without it this instance's clients would not see the others'.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { config } from './config.ts';
import { db } from './db/client.ts';
import { pingRedis } from './events.ts';

export type CheckResult = 'ok' | 'failed' | 'not-configured';

export interface Readiness {
	ready: boolean;
	checks: { database: CheckResult; migrations: CheckResult; redis: CheckResult };
}

/** The `when` of every migration the journal lists (drizzle records it as created_at when applied). */
function journalMigrations(): string[] {
	const journal = JSON.parse(fs.readFileSync(path.join(config().migrationsDir, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
	return journal.entries.map((entry) => String(entry.when));
}

/** drizzle's own bookkeeping table (drizzle-orm migrator, schema "drizzle"). */
async function appliedMigrations(): Promise<Set<string>> {
	const result: unknown = await db().execute(sql`select created_at from drizzle.__drizzle_migrations`);
	// postgres.js returns the rows as the result, PGlite as its `rows`.
	const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { created_at: string | number | bigint }[];
	return new Set(rows.map((row) => String(row.created_at)));
}

async function databaseCheck(): Promise<CheckResult> {
	try {
		await db().execute(sql`select 1`);
		return 'ok';
	} catch {
		return 'failed';
	}
}

async function migrationsCheck(): Promise<CheckResult> {
	try {
		const applied = await appliedMigrations();
		return journalMigrations().every((when) => applied.has(when)) ? 'ok' : 'failed';
	} catch {
		return 'failed';
	}
}

async function redisCheck(): Promise<CheckResult> {
	const answered = await pingRedis();
	return answered === null ? 'not-configured' : answered ? 'ok' : 'failed';
}

export async function readiness(): Promise<Readiness> {
	const database = await databaseCheck();
	const [migrations, redis] = await Promise.all([database === 'ok' ? migrationsCheck() : ('failed' as const), redisCheck()]);
	const checks = { database, migrations, redis };
	return { ready: Object.values(checks).every((check) => check !== 'failed'), checks };
}
