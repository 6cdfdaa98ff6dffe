/**
 * Reproduction of the update loss the bench found (scenarios 2 and 4 on PostgreSQL),
 * without a server: two overlapping compactions of the document store — as two
 * instances would run them, without the per-instance queue — on a document that has
 * no doc_states row yet. Rooms start one on every acknowledged commit while the log
 * holds >= COLLAB_COMPACT_AFTER_ROWS rows (server/collab/rooms.ts #acknowledge), so
 * with commits every 25 ms and a compaction slower than that, they overlap.
 *
 *   node --import tsx tests/bench/repro/compaction-race.ts             # fresh documents
 *   PRESEED=1 node --import tsx tests/bench/repro/compaction-race.ts   # doc_states row exists
 *
 * Calls the document store directly, below the websocket gate that serves only documents
 * whose record exists: the made-up `werkagenda:race-<n>` names never meet that gate.
 *
 * Uses BENCH_DATABASE_URL / DATABASE_URL / postgres://postgres@127.0.0.1:5432/postgres as
 * the admin connection, creates and drops its own database. Prints how many of TRIALS
 * (default 20) documents came back incomplete from loadDocument(). No assertion: a
 * diagnostic for whoever fixes persistence.ts (e.g. lock the document's row or an
 * advisory lock before reading, and one compaction per document at a time).
 */
import * as Y from 'yjs';
import { readConfig } from '../../../src/lib/server/config.ts';
import { closeDatabase, db, initDatabase } from '../../../src/lib/server/db/client.ts';
import { docUpdates } from '../../../src/lib/server/db/schema.ts';
import { compactDocument, loadDocument } from '../../../src/lib/server/documents/store.ts';
import { pgQuery } from '../lib/context.ts';

const admin = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `tafel_bench_race_${Date.now().toString(36)}`;
const url = new URL(admin);
url.pathname = `/${name}`;
await pgQuery(admin, `create database ${name}`);
try {
	await initDatabase(readConfig({ ...process.env, DATABASE_URL: url.toString(), LOG_LEVEL: 'warn' }));
	const trials = Number(process.env.TRIALS || 20);
	let incomplete = 0;
	for (let trial = 0; trial < trials; trial++) {
		const docName = `werkagenda:race-${trial}`;
		const doc = new Y.Doc();
		const updates: Uint8Array[] = [];
		doc.on('update', (u: Uint8Array) => updates.push(u));
		for (let i = 0; i < 420; i++) doc.getText('t').insert(doc.getText('t').length, 'x'.repeat(1024));
		let from = 0;
		if (process.env.PRESEED) {
			await db().insert(docUpdates).values(updates.slice(0, 5).map((update) => ({ docName, update })));
			await compactDocument(docName);
			from = 5;
		}
		// The log as group commits leave it: 400 rows; 20 more commit while the first compaction runs, and the next acknowledgement starts another.
		await db().insert(docUpdates).values(updates.slice(from, 400).map((update) => ({ docName, update })));
		const first = compactDocument(docName);
		await new Promise((r) => setTimeout(r, Number(process.env.GAP_MS || 5)));
		await db().insert(docUpdates).values(updates.slice(400).map((update) => ({ docName, update })));
		const second = compactDocument(docName);
		await Promise.all([first, second]);
		const { state: stored } = await loadDocument(docName);
		const back = new Y.Doc();
		if (stored) Y.applyUpdate(back, stored);
		const kept = back.getText('t').length / 1024;
		if (kept !== 420) incomplete++;
		console.log(`trial ${trial}: ${kept} of 420 updates readable after both compactions`);
	}
	console.log(`${incomplete} of ${trials} documents incomplete${process.env.PRESEED ? ' (doc_states row existed)' : ' (first compaction)'}`);
} finally {
	await closeDatabase();
	await pgQuery(admin, `drop database ${name} with (force)`);
}
process.exit(0);
