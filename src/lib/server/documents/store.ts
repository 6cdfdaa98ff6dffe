/**
 * The one owner of a Yjs document's stored bytes: an append-only update log
 * (`doc_updates`) folded into one state per document (`doc_states`). Loading, folding,
 * first states, reads for exports, appending a group commit, compaction and layout
 * migration claims all live here; the collaboration server's persistence decides only
 * when to write and when to compact.
 */
import { and, asc, eq, inArray, lte, max, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import { db, type Db } from '../db/client.ts';
import { docMigrations, docStates, docUpdates } from '../db/schema.ts';

/**
 * The updates applied in order to a document and encoded again; null when some update's
 * dependencies are missing. Y.mergeUpdates is not used: merging a large interleaved log
 * of several writers lost ranges of text (a gap a reload could not fill; found by the
 * cold-load benchmark on PostgreSQL), and a stored state must never lose anything.
 */
export function foldUpdates(parts: Uint8Array[]): Uint8Array | null {
	const doc = new Y.Doc({ gc: false });
	try {
		for (const part of parts) Y.applyUpdate(doc, new Uint8Array(part));
		if (doc.store.pendingStructs || doc.store.pendingDs) return null;
		return Y.encodeStateAsUpdate(doc);
	} finally {
		doc.destroy();
	}
}

/** The stored parts of a document in order (compacted state first); also how many log rows there are. */
async function storedParts(docName: string): Promise<{ parts: Uint8Array[]; rows: number }> {
	const [state] = await db().select().from(docStates).where(eq(docStates.docName, docName));
	// Every row still in the log, not only ids above compactedThrough: a row of another
	// instance may commit with a lower id after a compaction. Re-applying is harmless.
	const tail = await db().select({ update: docUpdates.update }).from(docUpdates).where(eq(docUpdates.docName, docName)).orderBy(asc(docUpdates.id));
	return { parts: [...(state ? [state.state] : []), ...tail.map((r) => r.update)].map((u) => new Uint8Array(u)), rows: tail.length };
}

/** The stored state of a document as one update (or null when nothing is stored), and its log length. */
export async function loadDocument(docName: string): Promise<{ state: Uint8Array | null; rows: number }> {
	const { parts, rows } = await storedParts(docName);
	if (!parts.length) return { state: null, rows };
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
		.values(docs.map(({ docName, doc }) => ({ docName, state: Y.encodeStateAsUpdate(doc), compactedThrough: 0 })))
		.onConflictDoNothing({ target: docStates.docName });
}

/** One group commit: the updates of many documents in one statement. */
export async function appendUpdates(batch: { docName: string; update: Uint8Array }[]): Promise<void> {
	await db().insert(docUpdates).values(batch.map((p) => ({ docName: p.docName, update: p.update })));
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
		const [state] = await tx.select().from(docStates).where(eq(docStates.docName, docName)).for('update');
		const rows = await tx
			.select({ id: docUpdates.id, update: docUpdates.update })
			.from(docUpdates)
			.where(and(eq(docUpdates.docName, docName), lte(docUpdates.id, through)))
			.orderBy(asc(docUpdates.id));
		const merged = foldUpdates([...(state ? [state.state] : []), ...rows.map((r) => r.update)]);
		// Something the log depends on is not there (yet): keep every row, fold later.
		if (!merged) return 'incomplete';
		await tx
			.insert(docStates)
			.values({ docName, state: merged, compactedThrough: Number(through) })
			.onConflictDoUpdate({ target: docStates.docName, set: { state: merged, compactedThrough: Number(through), updatedAt: sql`now()` } });
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
