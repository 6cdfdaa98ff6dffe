/**
 * The one owner of a Yjs document's stored bytes: an append-only update log
 * (`doc_updates`) folded into one state per document (`doc_states`). Loading, folding,
 * first states, reads for exports, appending a group commit, compaction and layout
 * migration claims all live here; the collaboration server's persistence decides only
 * when to write and when to compact.
 */
import { and, asc, eq, inArray, lte, max, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import * as Y from 'yjs';
import { db, type Db } from '../db/client.ts';
import { docMigrations, docStates, docUpdates } from '../db/schema.ts';
import { foldHexInWorker } from './fold-thread.ts';
import { foldUpdates } from './fold.js';
import { prepared } from '../db/prepared.ts';

/**
 * Document bytes cross the driver as hex text, decoded and encoded natively by Buffer.
 * PGlite's own bytea conversion goes byte by byte in JavaScript (parseInt per byte in,
 * a string per byte out): a 1 MB state took ~120 ms to read and ~350 ms to write that
 * way, against ~10 and ~25 ms as hex. On PostgreSQL the wire carries hex either way.
 */
const hex = (column: typeof docStates.state | typeof docUpdates.update) => sql<string>`encode(${column}, 'hex')`;
const fromHex = (text: string): Uint8Array => Buffer.from(text, 'hex');
const asBytea = (bytes: Uint8Array) => sql`decode(${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')}, 'hex')`;


/**
 * The stored parts of a document in order (compacted state first), in one round trip: a
 * load is on the path of every first connection to a document. Every row still in the
 * log counts, not only ids above compactedThrough: a row of another instance may commit
 * with a lower id after a compaction. Re-applying is harmless.
 */
const storedPartsQuery = prepared((database) => {
	const state = database
		.select({ bytes: hex(docStates.state).as('bytes'), part: sql<number>`0`.as('part'), id: sql<number>`0::bigint`.as('id') })
		.from(docStates)
		.where(eq(docStates.docName, sql.placeholder('docName')));
	const tail = database
		.select({ bytes: hex(docUpdates.update).as('bytes'), part: sql<number>`1`.as('part'), id: docUpdates.id })
		.from(docUpdates)
		.where(eq(docUpdates.docName, sql.placeholder('docName')));
	return unionAll(state, tail).orderBy(sql`part`, sql`id`).prepare('stored_parts');
});

async function storedParts(docName: string): Promise<{ parts: Uint8Array[]; rows: number }> {
	const found = await storedPartsQuery().execute({ docName });
	const rows = found.filter((r) => Number(r.part) === 1).length;
	return { parts: found.map((r) => fromHex(r.bytes)), rows };
}

/**
 * The stored parts of a document, to be applied in order (a room applies them straight
 * into its document: folding them into one update first would decode and encode the
 * whole document once more on every load), and the length of its log.
 */
export const loadDocumentParts = storedParts;

/** The stored state of a document as one update (or null when nothing is stored), and its log length. */
export async function loadDocument(docName: string): Promise<{ state: Uint8Array | null; rows: number }> {
	const { parts, rows } = await storedParts(docName);
	if (!parts.length) return { state: null, rows };
	if (parts.length === 1) return { state: parts[0], rows };
	// Folded in order; if something is missing, the parts go in as they are (the room's
	// document keeps what waits for a dependency instead of dropping it).
	return { state: foldUpdates(parts) ?? Y.mergeUpdates(parts), rows };
}

/** The document as stored, to read (exports): what editors were shown as "Opgeslagen". Null when nothing is stored. */
export async function readDocument(docName: string): Promise<Y.Doc | null> {
	const { parts } = await storedParts(docName);
	if (!parts.length) return null;
	const doc = new Y.Doc();
	doc.transact(() => parts.forEach((u) => Y.applyUpdate(doc, u)));
	return doc;
}

/** First states of new documents that no room has loaded yet (new projects, seed, imports), many in one statement. */
export async function storeInitialStates(tx: Pick<Db, 'insert'>, docs: { docName: string; doc: Y.Doc }[]): Promise<void> {
	if (!docs.length) return;
	await tx
		.insert(docStates)
		.values(docs.map(({ docName, doc }) => ({ docName, state: asBytea(Y.encodeStateAsUpdate(doc)), compactedThrough: 0 })))
		.onConflictDoNothing({ target: docStates.docName });
}

/**
 * One group commit: the updates of many documents in one statement, as two array
 * parameters (names, hex) whatever the batch size. Built row by row through drizzle's
 * insert, the statement's construction was the largest part of a commit's CPU (`--cpu-prof`
 * at 50 typists); the order of the arrays is the order of the ids.
 */
export async function appendUpdates(batch: { docName: string; update: Uint8Array }[]): Promise<void> {
	const names = batch.map((p) => p.docName);
	const updates = batch.map((p) => Buffer.from(p.update.buffer, p.update.byteOffset, p.update.byteLength).toString('hex'));
	await db().execute(
		sql`insert into ${docUpdates} (${sql.identifier(docUpdates.docName.name)}, ${sql.identifier(docUpdates.update.name)}) select name, decode(bytes, 'hex') from unnest(${sql.param(names)}::text[], ${sql.param(updates)}::text[]) with ordinality as t(name, bytes, n) order by n`
	);
}

export type CompactResult = 'compacted' | 'empty' | 'incomplete';

/**
 * Folds the log into the stored state, from what the database holds (never from memory,
 * so rows written by another instance are never dropped). A transaction-scoped advisory
 * lock per document serialises compactions across instances (F7): the second one folds
 * the first one's state and whatever rows are left, never an older set.
 */
export async function compactDocument(docName: string): Promise<CompactResult> {
	return db().transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'doc:' + docName}))`);
		const [{ through }] = await tx.select({ through: max(docUpdates.id) }).from(docUpdates).where(eq(docUpdates.docName, docName));
		if (through === null) return 'empty';
		const [state] = await tx.select({ state: hex(docStates.state) }).from(docStates).where(eq(docStates.docName, docName)).for('update');
		const rows = await tx
			.select({ id: docUpdates.id, update: hex(docUpdates.update) })
			.from(docUpdates)
			.where(and(eq(docUpdates.docName, docName), lte(docUpdates.id, through)))
			.orderBy(asc(docUpdates.id));
		// In a thread of its own: a large document's fold stalled every room's fan-out.
		const merged = await foldHexInWorker([...(state ? [state.state] : []), ...rows.map((r) => r.update)]);
		// Something the log depends on is not there (yet): keep every row, fold later.
		if (merged === null) return 'incomplete';
		await tx
			.insert(docStates)
			.values({ docName, state: sql`decode(${merged}, 'hex')`, compactedThrough: Number(through) })
			.onConflictDoUpdate({ target: docStates.docName, set: { state: sql`excluded.state`, compactedThrough: Number(through), updatedAt: sql`now()` } });
		// Exactly the rows merged above; one committed meanwhile stays for the next round.
		await tx.delete(docUpdates).where(inArray(docUpdates.id, rows.map((r) => r.id)));
		return 'compacted';
	});
}

/** A claim older than this on a document still in the old layout is taken over: its instance died. */
const STALE_CLAIM_MS = 60_000;

/**
 * Claims the migration of a document to a layout version for this instance: true for
 * exactly one of several instances asking at once, so only one writes the migration.
 */
export async function claimLayoutMigration(docName: string, version: number): Promise<boolean> {
	const claimed = await db()
		.insert(docMigrations)
		.values({ docName, version })
		.onConflictDoUpdate({
			target: [docMigrations.docName, docMigrations.version],
			set: { claimedAt: sql`now()` },
			setWhere: sql`${docMigrations.claimedAt} < now() - make_interval(secs => ${STALE_CLAIM_MS / 1000})`
		})
		.returning({ docName: docMigrations.docName });
	return claimed.length > 0;
}
