/**
 * PGlite as seen from the server's thread: the part of PGlite's interface drizzle's
 * pglite driver uses (query, exec, transaction), answered by PGlite in a worker thread
 * (pglite-worker.js) so Postgres' work never blocks websocket fan-out. Results, errors
 * (with Postgres' code, detail, constraint …) and transactions behave as PGlite's own.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { messages, type QueryOptions, type Results } from '@electric-sql/pglite';
import type { QueryShape, ReplyValue, Request, SerializedError, TxId, WorkerMessage, WorkerSettings } from './pglite-protocol.ts';

/**
 * A script beside this module. In SvelteKit's bundle (build/server/chunks) there is none:
 * that copy of this module is loaded but server/index.ts's own opens the database; should
 * the bundle ever open it (adapter-node's `node build`), the source file is used.
 */
function script(file: string): URL {
	const beside = new URL(file, import.meta.url);
	return fs.existsSync(beside) ? beside : pathToFileURL(path.resolve('src/lib/server/db', file));
}
const ENTRY = script('pglite-worker.js');
const INITDB = script('pglite-initdb.js');

/** The worker's young generation grew to V8's 16 MB and stayed there; what a query allocates dies young. */
const WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 4 };

/** A request without its id (the remote numbers them). */
type Call = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

interface Pending {
	resolve(value: ReplyValue): void;
	reject(err: Error): void;
	options?: QueryOptions;
}

/** Told once when the worker stops without being asked to (the remote rejects everything after). */
export type OnStopped = (err: Error) => void;

export class PgliteRemote {
	readonly #worker: Worker;
	readonly #pending = new Map<number, Pending>();
	#lastId = 0;
	/** Why no request can be answered any more; null while the worker runs. */
	#stopped: Error | null = null;
	#closing: Promise<void> | null = null;

	private constructor(worker: Worker, onStopped: OnStopped) {
		this.#worker = worker;
		worker.on('message', (message: WorkerMessage) => 'id' in message && this.#settle(message));
		worker.on('error', (err) => this.#stop(new Error(`The embedded database (PGlite worker) crashed: ${err.message}`, { cause: err }), onStopped));
		worker.on('exit', (code) => this.#stop(new Error(`The embedded database (PGlite worker) stopped with exit code ${code}`), onStopped));
		// Only a request in flight keeps the process alive, as PGlite in the process did.
		worker.unref();
	}

	/** Starts the worker and resolves once PGlite in it is ready (or rejects with why not). */
	static open(settings: WorkerSettings, onStopped: OnStopped, limits: ResourceLimits = WORKER_LIMITS): Promise<PgliteRemote> {
		// execArgv: not the server's `--import tsx`; the worker is plain JavaScript.
		const worker = new Worker(ENTRY, { workerData: settings, execArgv: [], resourceLimits: limits });
		return new Promise((resolve, reject) => {
			const early = (err: Error) => reject(new Error(`The embedded database (PGlite worker) did not start: ${err.message}`, { cause: err }));
			const exited = (code: number) => early(new Error(`exit code ${code}`));
			worker.once('error', early);
			worker.once('exit', exited);
			worker.once('message', (message: WorkerMessage) => {
				// Not removeAllListeners(): Worker keeps listeners of its own.
				worker.off('error', early);
				worker.off('exit', exited);
				if ('type' in message && message.type === 'ready') return resolve(new PgliteRemote(worker, onStopped));
				void worker.terminate();
				reject('type' in message && message.type === 'failed' ? rebuildError(message.error) : new Error('PGlite worker: unexpected first message'));
			});
		});
	}

	/** Runs initdb for a folder without a database, in a process of its own (see pglite-initdb.js). */
	static initdb(dataDir: string): Promise<void> {
		return new Promise((resolve, reject) => {
			const child = fork(INITDB, [dataDir], { execArgv: [], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
			let stderr = '';
			child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
			child.once('error', reject);
			child.once('exit', (code, signal) =>
				code === 0 ? resolve() : reject(new Error(`initdb of the embedded database failed (${signal ?? `exit code ${code}`}): ${stderr.trim()}`))
			);
		});
	}

	query<T>(sql: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> {
		return queryIn<T>(this, null, sql, params, options);
	}

	exec(sql: string, options?: QueryOptions): Promise<Results[]> {
		return execIn(this, null, sql, options);
	}

	/** PGlite's transaction(): BEGIN, the callback, COMMIT; ROLLBACK when the callback throws. */
	async transaction<T>(callback: (tx: RemoteTransaction) => Promise<T>): Promise<T> {
		const tx = new RemoteTransaction(this, (await this.call({ op: 'begin' })) as TxId);
		let result: T;
		try {
			result = await callback(tx);
		} catch (err) {
			// A failed ROLLBACK (the worker gone) must not hide why the callback failed.
			if (!tx.closed) await tx.rollback().catch(() => {});
			throw err;
		}
		if (!tx.closed) await tx.end('commit');
		return result;
	}

	/** Waits for what was asked before, closes PGlite (writing everything out) and ends the thread. */
	close(): Promise<void> {
		this.#closing ??= (async () => {
			try {
				if (!this.#stopped) await this.call({ op: 'close' });
			} finally {
				this.#stopped ??= new Error('The embedded database is closed');
				await this.#worker.terminate();
			}
		})();
		return this.#closing;
	}

	/** Sends a request; @internal for RemoteTransaction and the helpers below. */
	call(request: Call, options?: QueryOptions, transfer: ArrayBuffer[] = []): Promise<ReplyValue> {
		if (this.#stopped) return Promise.reject(this.#stopped);
		const id = ++this.#lastId;
		return new Promise((resolve, reject) => {
			try {
				this.#worker.postMessage({ ...request, id }, transfer);
			} catch (err) {
				return reject(err instanceof Error ? err : new Error(String(err)));
			}
			if (this.#pending.size === 0) this.#worker.ref();
			this.#pending.set(id, { resolve, reject, options });
		});
	}

	#settle(reply: Extract<WorkerMessage, { id: number }>): void {
		const pending = this.#pending.get(reply.id);
		if (!pending) return;
		this.#pending.delete(reply.id);
		if (this.#pending.size === 0) this.#worker.unref();
		if (reply.ok) pending.resolve(reply.value);
		else pending.reject(rebuildError(reply.error, pending.options));
	}

	/** The worker is gone: nothing it was asked will be answered, so say so now rather than never. */
	#stop(err: Error, onStopped: OnStopped): void {
		const expected = this.#stopped !== null;
		this.#stopped ??= err;
		for (const pending of this.#pending.values()) pending.reject(this.#stopped);
		this.#pending.clear();
		if (!expected) onStopped(err);
	}
}

/** PGlite's Transaction as drizzle uses it: queries inside the open transaction. */
export class RemoteTransaction {
	#closed = false;
	constructor(
		private readonly remote: PgliteRemote,
		private readonly id: TxId
	) {}

	get closed(): boolean {
		return this.#closed;
	}

	query<T>(sql: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> {
		this.#checkOpen();
		return queryIn<T>(this.remote, this.id, sql, params, options);
	}

	exec(sql: string, options?: QueryOptions): Promise<Results[]> {
		this.#checkOpen();
		return execIn(this.remote, this.id, sql, options);
	}

	rollback(): Promise<void> {
		return this.end('rollback');
	}

	/** @internal PgliteRemote.transaction ends it. */
	async end(how: 'commit' | 'rollback'): Promise<void> {
		this.#checkOpen();
		this.#closed = true;
		await this.remote.call({ op: how, tx: this.id });
	}

	#checkOpen(): void {
		if (this.#closed) throw new Error('Transaction is closed');
	}
}

/**
 * The parameters with byte arrays copied to arrays of their own, which are moved to the
 * worker rather than cloned: cloning a Uint8Array copies its whole ArrayBuffer (a 10-byte
 * view on 1 MB sends 1 MB), and a Yjs update decoded from a websocket frame is a view into
 * the frame's buffer, or into Node's shared 8 kB pool. The caller's arrays stay as they are.
 */
function ownBytes(params: unknown[]): { params: unknown[]; transfer: ArrayBuffer[] } {
	const transfer: ArrayBuffer[] = [];
	const own = params.map((param) => {
		if (!(param instanceof Uint8Array)) return param;
		const copy = new Uint8Array(param);
		transfer.push(copy.buffer);
		return copy;
	});
	return { params: own, transfer };
}

async function queryIn<T>(remote: PgliteRemote, tx: TxId | null, sql: string, params: unknown[], options?: QueryOptions): Promise<Results<T>> {
	const own = ownBytes(params);
	const result = (await remote.call({ op: 'query', tx, sql, params: own.params, shape: shape(options) }, options, own.transfer)) as Results<T>;
	return applyParsers(result, options);
}

async function execIn(remote: PgliteRemote, tx: TxId | null, sql: string, options?: QueryOptions): Promise<Results[]> {
	const results = (await remote.call({ op: 'exec', tx, sql, shape: shape(options) }, options)) as Results[];
	return results.map((result) => applyParsers(result, options));
}

/** The data part of PGlite's query options; options that are code or files cannot cross threads. */
function shape(options: QueryOptions | undefined): QueryShape {
	for (const unsupported of ['serializers', 'blob', 'onNotice'] as const) {
		if (options?.[unsupported] !== undefined) throw new Error(`PGlite worker: the query option "${unsupported}" cannot cross to the database thread`);
	}
	return { rowMode: options?.rowMode ?? 'object', textTypes: Object.keys(options?.parsers ?? {}).map(Number), paramTypes: options?.paramTypes };
}

/**
 * The caller's parsers, applied here to the text the worker left for those types (drizzle
 * keeps dates, timestamps and intervals as Postgres wrote them). As in PGlite: not for null.
 */
function applyParsers<T>(result: Results<T>, options: QueryOptions | undefined): Results<T> {
	const parsers = options?.parsers;
	if (!parsers || !result.rows.length) return result;
	const columns = result.fields.flatMap((field, index) => (parsers[field.dataTypeID] ? [{ index, name: field.name, parse: parsers[field.dataTypeID] }] : []));
	if (!columns.length) return result;
	const arrays = options.rowMode === 'array';
	for (const row of result.rows as Record<string | number, unknown>[]) {
		for (const { index, name, parse } of columns) {
			const key = arrays ? index : name;
			const text = row[key];
			if (text !== null && text !== undefined) row[key] = parse(text as string);
		}
	}
	return result;
}

/** An error from the worker as the kind PGlite throws: Postgres' errors as pg-protocol's DatabaseError with every field. */
function rebuildError(serialized: SerializedError, options?: QueryOptions): Error {
	let err: Error;
	if (serialized.database) {
		const { length, ...fields } = serialized.fields;
		err = Object.assign(new messages.DatabaseError(serialized.message, Number(length ?? 0), 'error'), fields, {
			query: serialized.query,
			params: serialized.params,
			queryOptions: options
		});
	} else {
		err = new Error(serialized.message);
		err.name = serialized.name;
	}
	// Where it failed in the worker; the caller's own frames are on drizzle's error around it.
	if (serialized.stack) err.stack = serialized.stack;
	return err;
}
