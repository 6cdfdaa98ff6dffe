/**
 * Durable storage of Yjs documents: an append-only update log written in group
 * commits, compacted into one state per document. Never touches a socket: callers
 * pass a callback that runs once their update is committed.
 */
import { and, asc, eq, inArray, lte, max, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import { db } from '#lib/server/db/client.ts';
import { docStates, docUpdates } from '#lib/server/db/schema.ts';
import { log } from '#lib/server/log.ts';
import { LIMITS } from './limits.ts';

interface Pending {
	docName: string;
	update: Uint8Array;
	onCommitted: () => void;
}

let queue: Pending[] = [];
let timer: NodeJS.Timeout | null = null;
let writing: Promise<void> | null = null;
let retryDelay: number = LIMITS.retryInitialMs;
const rowsSinceCompaction = new Map<string, number>();

/** The stored state of a document: compacted state plus the log tail, as one update (or null). */
/**
 * The updates applied in order to a document and encoded again; null when some update's
 * dependencies are missing. Y.mergeUpdates is not used: merging a large interleaved log
 * of several writers lost ranges of text (a gap a reload could not fill; found by the
 * cold-load benchmark on PostgreSQL), and a stored state must never lose anything.
 */
function foldUpdates(parts: Uint8Array[]): Uint8Array | null {
	const doc = new Y.Doc({ gc: false });
	try {
		for (const part of parts) Y.applyUpdate(doc, new Uint8Array(part));
		if (doc.store.pendingStructs || doc.store.pendingDs) return null;
		return Y.encodeStateAsUpdate(doc);
	} finally {
		doc.destroy();
	}
}

export async function loadDocument(docName: string): Promise<Uint8Array | null> {
	const [state] = await db().select().from(docStates).where(eq(docStates.docName, docName));
	// Every row still in the log, not only ids above compactedThrough: a row of another
	// instance may commit with a lower id after a compaction. Re-applying is harmless.
	const tail = await db().select({ update: docUpdates.update }).from(docUpdates).where(eq(docUpdates.docName, docName)).orderBy(asc(docUpdates.id));
	rowsSinceCompaction.set(docName, tail.length);
	const parts = [...(state ? [state.state] : []), ...tail.map((r) => r.update)].map((u) => new Uint8Array(u));
	if (!parts.length) return null;
	// Folded in order; if something is missing, the parts go in as they are (the room's
	// document keeps what waits for a dependency instead of dropping it).
	return foldUpdates(parts) ?? Y.mergeUpdates(parts);
}

/** Queues an update; `onCommitted` runs after the transaction holding it has committed. */
export function enqueueUpdate(docName: string, update: Uint8Array, onCommitted: () => void): void {
	queue.push({ docName, update, onCommitted });
	timer ??= setTimeout(() => void writeBatch(), LIMITS.commitIntervalMs);
}

async function writeBatch(): Promise<void> {
	timer = null;
	if (writing) return void writing.then(() => scheduleIfPending());
	const batch = queue;
	queue = [];
	if (batch.length === 0) return;
	writing = (async () => {
		try {
			await db().insert(docUpdates).values(batch.map((p) => ({ docName: p.docName, update: p.update })));
			retryDelay = LIMITS.retryInitialMs;
			for (const p of batch) rowsSinceCompaction.set(p.docName, (rowsSinceCompaction.get(p.docName) ?? 0) + 1);
			for (const p of batch) p.onCommitted();
		} catch (err) {
			// Keep the batch, in order, ahead of newer updates and try again: nothing is
			// acknowledged until it is committed.
			queue = [...batch, ...queue];
			log.warn({ err: String(err), updates: batch.length, retryInMs: retryDelay }, 'update log write failed, retrying');
			await new Promise((r) => setTimeout(r, retryDelay));
			retryDelay = Math.min(retryDelay * 2, LIMITS.retryMaxMs);
		} finally {
			writing = null;
		}
	})();
	await writing;
	scheduleIfPending();
}

function scheduleIfPending() {
	if (queue.length && !timer) timer = setTimeout(() => void writeBatch(), queue.length > 500 ? 0 : LIMITS.commitIntervalMs);
}

/** Writes everything queued; resolves when the queue is empty (SIGTERM, unload, tests). */
export async function flushUpdates(deadline = Date.now() + 8_000): Promise<void> {
	while ((queue.length || writing) && Date.now() < deadline) {
		if (timer) {
			clearTimeout(timer);
			timer = null;
		}
		if (writing) await writing;
		else await writeBatch();
	}
}

export function needsCompaction(docName: string): boolean {
	return (rowsSinceCompaction.get(docName) ?? 0) >= LIMITS.compactAfterRows;
}

/**
 * Folds the log into the stored state. Built from what the database holds, not from
 * memory, so rows written by another instance are never dropped.
 */
const compacting = new Map<string, Promise<void>>();

/**
 * One compaction per document at a time in this instance. Two that overlapped (the
 * background one after 400 rows and the one on unload) could each write the state from
 * their own rows, the later commit overwriting the earlier one's rows that it had already
 * deleted; the bench's reproduction lost updates exactly so.
 */
export function compactDocument(docName: string): Promise<void> {
	const next = (compacting.get(docName) ?? Promise.resolve()).catch(() => {}).then(() => compactOnce(docName));
	compacting.set(docName, next);
	next.catch(() => {}).finally(() => {
		if (compacting.get(docName) === next) compacting.delete(docName);
	});
	return next;
}

async function compactOnce(docName: string): Promise<void> {
	await db().transaction(async (tx) => {
		const [{ through }] = await tx.select({ through: max(docUpdates.id) }).from(docUpdates).where(eq(docUpdates.docName, docName));
		if (through === null) return;
		const [state] = await tx.select().from(docStates).where(eq(docStates.docName, docName)).for('update');
		const rows = await tx
			.select({ id: docUpdates.id, update: docUpdates.update })
			.from(docUpdates)
			.where(and(eq(docUpdates.docName, docName), lte(docUpdates.id, through)))
			.orderBy(asc(docUpdates.id));
		const merged = foldUpdates([...(state ? [state.state] : []), ...rows.map((r) => r.update)]);
		if (!merged) {
			// Something the log depends on is not there (yet): keep every row, fold later.
			log.warn({ doc: docName, rows: rows.length }, 'compaction skipped: the log is not complete');
			return;
		}
		await tx
			.insert(docStates)
			.values({ docName, state: merged, compactedThrough: Number(through) })
			.onConflictDoUpdate({ target: docStates.docName, set: { state: merged, compactedThrough: Number(through), updatedAt: sql`now()` } });
		// Exactly the rows merged above; one committed meanwhile stays for the next round.
		await tx.delete(docUpdates).where(inArray(docUpdates.id, rows.map((r) => r.id)));
	});
	rowsSinceCompaction.set(docName, 0);
}

export function forgetDocument(docName: string): void {
	rowsSinceCompaction.delete(docName);
}
