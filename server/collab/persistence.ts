/**
 * When the collaboration server writes: accepted updates are appended to the log in
 * group commits, and a document's log is compacted after enough rows or when it
 * unloads. What is stored and how belongs to the document store
 * (src/lib/server/documents/store.ts), passed in so the logic here is testable without
 * a database. Never touches a socket.
 */
import * as store from '#lib/server/documents/store.ts';
import { log } from '#lib/server/log.ts';
import { metrics, secondsSince } from '#lib/server/metrics.ts';
import { LIMITS } from './limits.ts';

/** What the update log needs of the document store. */
export interface DocumentStore {
	loadDocumentParts(docName: string): Promise<{ parts: Uint8Array[]; rows: number }>;
	appendUpdates(batch: { docName: string; update: Uint8Array }[]): Promise<void>;
	compactDocument(docName: string): Promise<'compacted' | 'empty' | 'incomplete'>;
}

interface Pending {
	docName: string;
	update: Uint8Array;
	onCommitted: () => void;
	/** performance.now() when it arrived: the acknowledgement latency starts here. */
	receivedAt: number;
}

export interface UpdateLogOptions {
	commitIntervalMs: number;
	compactAfterRows: number;
	retryInitialMs: number;
	retryMaxMs: number;
}

export class UpdateLog {
	#queue: Pending[] = [];
	#timer: NodeJS.Timeout | null = null;
	#writing: Promise<void> | null = null;
	#retryDelay: number;
	readonly #rowsSinceCompaction = new Map<string, number>();
	readonly #compacting = new Map<string, Promise<void>>();

	constructor(
		private readonly store: DocumentStore,
		private readonly options: UpdateLogOptions
	) {
		this.#retryDelay = options.retryInitialMs;
	}

	/** The stored parts of a document (compacted state, then the log), to apply in order; counts its log rows toward compaction. */
	async load(docName: string): Promise<Uint8Array[]> {
		const { parts, rows } = await this.store.loadDocumentParts(docName);
		this.#rowsSinceCompaction.set(docName, rows);
		return parts;
	}

	/** Queues an update; `onCommitted` runs after the transaction holding it has committed. */
	enqueue(docName: string, update: Uint8Array, onCommitted: () => void): void {
		this.#queue.push({ docName, update, onCommitted, receivedAt: performance.now() });
		this.#timer ??= setTimeout(() => void this.#writeBatch(), this.options.commitIntervalMs);
	}

	async #writeBatch(): Promise<void> {
		this.#timer = null;
		if (this.#writing) return void this.#writing.then(() => this.#scheduleIfPending());
		const batch = this.#queue;
		this.#queue = [];
		if (batch.length === 0) return;
		this.#writing = (async () => {
			try {
				const commitTimer = metrics().commitSeconds.startTimer();
				await this.store.appendUpdates(batch);
				commitTimer();
				this.#retryDelay = this.options.retryInitialMs;
				for (const p of batch) this.#rowsSinceCompaction.set(p.docName, (this.#rowsSinceCompaction.get(p.docName) ?? 0) + 1);
				for (const p of batch) p.onCommitted();
				for (const p of batch) metrics().ackSeconds.observe(secondsSince(p.receivedAt));
			} catch (err) {
				// Keep the batch, in order, ahead of newer updates and try again: nothing is
				// acknowledged until it is committed.
				this.#queue = [...batch, ...this.#queue];
				metrics().commitFailures.inc();
				log.warn({ err: String(err), updates: batch.length, retryInMs: this.#retryDelay }, 'update log write failed, retrying');
				await new Promise((r) => setTimeout(r, this.#retryDelay));
				this.#retryDelay = Math.min(this.#retryDelay * 2, this.options.retryMaxMs);
			} finally {
				this.#writing = null;
			}
		})();
		await this.#writing;
		this.#scheduleIfPending();
	}

	#scheduleIfPending() {
		if (this.#queue.length && !this.#timer) this.#timer = setTimeout(() => void this.#writeBatch(), this.#queue.length > 500 ? 0 : this.options.commitIntervalMs);
	}

	/** Writes everything queued; resolves when the queue is empty or the deadline passed (SIGTERM, unload, tests). */
	async flush(deadline = Date.now() + 8_000): Promise<void> {
		while ((this.#queue.length || this.#writing) && Date.now() < deadline) {
			if (this.#timer) {
				clearTimeout(this.#timer);
				this.#timer = null;
			}
			if (this.#writing) await this.#writing;
			else await this.#writeBatch();
		}
	}

	/** Something of this document is queued or being written (after a flush: the database did not take it in time). */
	isWaiting(docName: string): boolean {
		return this.#writing !== null || this.#queue.some((p) => p.docName === docName);
	}

	needsCompaction(docName: string): boolean {
		return (this.#rowsSinceCompaction.get(docName) ?? 0) >= this.options.compactAfterRows;
	}

	/**
	 * One compaction per document at a time in this instance (the store's advisory lock
	 * serialises instances). Two that overlapped (the background one after 400 rows and the
	 * one on unload) could each write the state from their own rows, the later commit
	 * overwriting the earlier one's rows that it had already deleted; the bench's
	 * reproduction lost updates exactly so.
	 */
	compact(docName: string): Promise<void> {
		const next = (this.#compacting.get(docName) ?? Promise.resolve()).catch(() => {}).then(() => this.#compactOnce(docName));
		this.#compacting.set(docName, next);
		next.catch(() => {}).finally(() => {
			if (this.#compacting.get(docName) === next) this.#compacting.delete(docName);
		});
		return next;
	}

	async #compactOnce(docName: string): Promise<void> {
		const result = await this.store.compactDocument(docName);
		if (result === 'incomplete') log.warn({ doc: docName }, 'compaction skipped: the log is not complete');
		else this.#rowsSinceCompaction.set(docName, 0);
	}

	forget(docName: string): void {
		this.#rowsSinceCompaction.delete(docName);
	}
}

/** The update log on the real document store, with the configured limits. */
export const createUpdateLog = (): UpdateLog => new UpdateLog(store, LIMITS);
