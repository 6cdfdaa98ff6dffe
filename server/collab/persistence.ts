/**
 * When the collaboration server writes: accepted updates are appended to the log in
 * group commits, and a document's log is compacted after enough rows or when it
 * unloads. What is stored and how is the document store's (src/lib/server/documents/store.ts);
 * this module never touches a socket.
 */
import { appendUpdates, compactDocument as compactStored, loadDocument as loadStored } from '#lib/server/documents/store.ts';
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

/** The stored state of a document as one update, or null; counts its log rows toward compaction. */
export async function loadDocument(docName: string): Promise<Uint8Array | null> {
	const { state, rows } = await loadStored(docName);
	rowsSinceCompaction.set(docName, rows);
	return state;
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
			await appendUpdates(batch);
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

const compacting = new Map<string, Promise<void>>();

/**
 * One compaction per document at a time in this instance (the store's advisory lock
 * serialises instances). Two that overlapped (the background one after 400 rows and the
 * one on unload) could each write the state from their own rows, the later commit
 * overwriting the earlier one's rows that it had already deleted; the bench's
 * reproduction lost updates exactly so.
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
	const result = await compactStored(docName);
	if (result === 'incomplete') log.warn({ doc: docName }, 'compaction skipped: the log is not complete');
	else rowsSinceCompaction.set(docName, 0);
}

export function forgetDocument(docName: string): void {
	rowsSinceCompaction.delete(docName);
}
