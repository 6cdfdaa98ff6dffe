/**
 * The embedded database answers from a worker thread (db/pglite-remote.ts). Through
 * drizzle, as the app uses it, it must behave as PGlite in the server's thread did:
 * the same values, Postgres' errors with their fields, transactions that never
 * interleave with other queries, savepoints, advisory locks; and a worker that dies
 * must fail what it was asked, promptly, instead of leaving requests waiting forever, and
 * be replaced by a new one on the same folder (but not forever).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'drizzle-orm';
import { drizzle, type PgliteDatabase } from 'drizzle-orm/pglite';
import { messages, type PGlite } from '@electric-sql/pglite';
import { PgliteRemote } from '../../src/lib/server/db/pglite-remote.ts';
import { RestartingPglite } from '../../src/lib/server/db/pglite-restart.ts';
import { TEMPLATE, TMP } from '../support/paths.ts';

let dataDir: string;
let remote: PgliteRemote;
let db: PgliteDatabase;
const stopped: Error[] = [];

/** The Postgres error under drizzle's DrizzleQueryError (drizzle wraps every failed query). */
async function databaseError(promise: Promise<unknown>): Promise<InstanceType<typeof messages.DatabaseError>> {
	const err = await promise.then(
		() => null,
		(e: unknown) => e
	);
	const cause = (err as { cause?: unknown } | null)?.cause;
	if (!(cause instanceof messages.DatabaseError)) throw new Error(`expected a Postgres error, got ${String(err)}`);
	return cause;
}

beforeAll(async () => {
	dataDir = fs.mkdtempSync(path.join(TMP, 'pglite-worker-'));
	remote = await PgliteRemote.open({ dataDir, loadDataDir: TEMPLATE, settings: ['shared_buffers=16MB'] }, (err) => stopped.push(err));
	db = drizzle(remote as unknown as PGlite);
	await db.execute(sql`create table worker_test (id int primary key, note text, body bytea, at timestamptz)`);
});

afterAll(async () => {
	await remote?.close();
	fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('PGlite in a worker thread', () => {
	test('values come back as drizzle gets them from PGlite: dates as text, bytes as bytes, big integers exact', async () => {
		const bytes = Uint8Array.from({ length: 1 << 20 }, (_, i) => (i * 7919) % 256);
		await db.execute(sql`insert into worker_test values (1, ${'één'}, ${bytes}, ${'2024-03-01T12:00:00.000Z'})`);
		const { rows } = await db.execute<Record<string, unknown>>(sql`
			select note, body, at, '2024-03-01'::date as day, '1 day 02:00'::interval as span, 9007199254740993::int8 as big,
				42::int8 as small, '{"a": [1, 2]}'::jsonb as doc, array[1, 2] as list, null::text as nothing, true as yes
			from worker_test where id = 1`);
		const row = rows[0];
		expect(row.note).toBe('één');
		expect(row.body).toBeInstanceOf(Uint8Array);
		expect(Buffer.compare(row.body as Uint8Array, bytes)).toBe(0);
		// drizzle's pglite driver asks PGlite to keep these as Postgres' text.
		expect(row.at).toBe('2024-03-01 12:00:00+00');
		expect(row.day).toBe('2024-03-01');
		expect(row.span).toBe('1 day 02:00:00');
		expect(row.big).toBe(9007199254740993n);
		expect(row.small).toBe(42);
		expect(row.doc).toEqual({ a: [1, 2] });
		expect(row.list).toEqual([1, 2]);
		expect(row.nothing).toBeNull();
		expect(row.yes).toBe(true);
	});

	test("a unique violation arrives as Postgres' error with its code, constraint and detail", async () => {
		await db.execute(sql`insert into worker_test (id, note) values (2, 'first')`);
		const err = await databaseError(db.execute(sql`insert into worker_test (id, note) values (2, 'again')`));
		expect(err.code).toBe('23505');
		expect(err.constraint).toBe('worker_test_pkey');
		expect(err.detail).toContain('(id)=(2)');
		expect(err.severity).toBe('ERROR');
	});

	test('a transaction that throws leaves nothing; a failed savepoint keeps the rest of its transaction', async () => {
		await expect(
			db.transaction(async (tx) => {
				await tx.execute(sql`insert into worker_test (id, note) values (10, 'rolled back')`);
				throw new Error('changed my mind');
			})
		).rejects.toThrow('changed my mind');
		await db.transaction(async (tx) => {
			await tx.execute(sql`insert into worker_test (id, note) values (11, 'kept')`);
			await expect(
				tx.transaction(async (inner) => {
					await inner.execute(sql`insert into worker_test (id, note) values (12, 'savepoint')`);
					await inner.execute(sql`insert into worker_test (id, note) values (11, 'duplicate')`);
				})
			).rejects.toThrow();
		});
		const { rows } = await db.execute<{ id: number }>(sql`select id from worker_test where id between 10 and 12 order by id`);
		expect(rows.map((r) => r.id)).toEqual([11]);
	});

	test('a query outside a transaction waits until the transaction has ended, never runs inside it', async () => {
		const order: string[] = [];
		let outside: Promise<unknown> = Promise.resolve();
		await db.transaction(async (tx) => {
			await tx.execute(sql`select pg_advisory_xact_lock(hashtext('worker-test'))`);
			await tx.execute(sql`insert into worker_test (id, note) values (20, 'in transaction')`);
			// Sent while the transaction is open; on one connection it would otherwise see (or commit) its row.
			outside = db.execute<{ n: number }>(sql`select count(*)::int as n from worker_test where id = 20`).then((r) => order.push(`outside saw ${r.rows[0].n}`));
			await new Promise((resolve) => setTimeout(resolve, 50));
			await tx.execute(sql`update worker_test set note = 'updated' where id = 20`);
			order.push('transaction done');
		});
		await outside;
		expect(order).toEqual(['transaction done', 'outside saw 1']);
	});

	test('close() answers what was asked before it, then refuses more', async () => {
		const dir = fs.mkdtempSync(path.join(TMP, 'pglite-worker-close-'));
		const second = await PgliteRemote.open({ dataDir: dir, loadDataDir: TEMPLATE, settings: [] }, (err) => stopped.push(err));
		const asked = second.query<{ one: number }>('select 1 as one');
		await second.close();
		expect((await asked).rows).toEqual([{ one: 1 }]);
		await expect(second.query('select 1')).rejects.toThrow('The embedded database is closed');
		fs.rmSync(dir, { recursive: true, force: true });
	});

	test('a worker that dies fails what it was asked at once, says so once, and is replaced on the same folder with what was committed; one that keeps dying is not', async () => {
		const dir = fs.mkdtempSync(path.join(TMP, 'pglite-worker-restart-'));
		const seen: string[] = [];
		const events = { stopped: (_: Error, restarting: boolean) => seen.push(restarting ? 'stopped, restarting' : 'stopped'), restarted: () => seen.push('restarted'), gaveUp: () => seen.push('gave up') };
		const pglite = await RestartingPglite.open({ dataDir: dir, loadDataDir: TEMPLATE, settings: [] }, events, { limits: { maxOldGenerationSizeMb: 32 }, maxRestartsPerMinute: 1 });
		const runaway = `select i, md5(i::text) as h from generate_series(1, 2000000) i`;
		await pglite.exec('create table kept (note text); insert into kept values (\'voor de crash\')');
		// A small heap, so a large result kills the thread the way a runaway query would.
		const waiting = pglite.query(runaway);
		const queued = pglite.query('select 1');
		await expect(waiting).rejects.toThrow(/PGlite worker/);
		await expect(queued).rejects.toThrow(/PGlite worker/);
		// The next request waits for the new worker instead of failing.
		const { rows } = await pglite.query<{ note: string }>('select note from kept');
		expect(rows).toEqual([{ note: 'voor de crash' }]);
		expect(seen).toEqual(['stopped, restarting', 'restarted']);
		// Again within the minute: past the limit, it stays down and says why.
		await expect(pglite.query(runaway)).rejects.toThrow(/PGlite worker/);
		await expect(pglite.query('select 1')).rejects.toThrow(/PGlite worker/);
		expect(seen).toEqual(['stopped, restarting', 'restarted', 'stopped', 'gave up']);
		await pglite.close();
		fs.rmSync(dir, { recursive: true, force: true });
	}, 180_000);

	test('the shared worker never stopped on its own', () => {
		expect(stopped).toEqual([]);
	});
});
