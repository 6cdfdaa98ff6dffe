/**
 * The embedded database's own thread. PGlite runs Postgres compiled to WebAssembly
 * synchronously in whichever thread calls it; in the server's thread every commit and
 * query stalled websocket fan-out behind it. Here it owns the PGlite instance and
 * answers the requests of pglite-remote.ts. PGlite's own mutexes keep its single
 * connection in order: a query outside a transaction waits until an open transaction
 * commits or rolls back, exactly as when PGlite ran in the server's thread.
 *
 * Plain JavaScript (typed through JSDoc, checked by svelte-check): a TypeScript loader in
 * this thread would hold ~45 MB for one file, and the parent may not have one at all.
 */
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * @typedef {import('./pglite-protocol.ts').Request} Request
 * @typedef {import('./pglite-protocol.ts').ReplyValue} ReplyValue
 * @typedef {import('./pglite-protocol.ts').QueryShape} QueryShape
 * @typedef {import('./pglite-protocol.ts').SerializedError} SerializedError
 * @typedef {import('./pglite-protocol.ts').WorkerMessage} WorkerMessage
 * @typedef {import('./pglite-protocol.ts').WorkerSettings} WorkerSettings
 * @typedef {import('@electric-sql/pglite').Transaction} Transaction
 * @typedef {import('@electric-sql/pglite').ParserOptions} ParserOptions
 */

// Before PGlite's WebAssembly is compiled. V8 otherwise recompiles Postgres' hot
// functions with its optimising compiler, which held ~60 MB more for good and cost
// more CPU than it saved over thousands of queries (measured; V8's flags are
// process-wide, and PGlite is the only WebAssembly the server runs).
v8.setFlagsFromString('--liftoff-only');
const { PGlite, messages } = await import('@electric-sql/pglite');

if (!parentPort) throw new Error('pglite-worker.js runs as a worker thread (see pglite-remote.ts)');
const port = parentPort;
const settings = /** @type {WorkerSettings} */ (workerData);

const BYTEA = 17;

// PGlite's own bytea codecs convert a byte at a time through JS arrays (about half a
// second for a 1 MB document); Buffer's hex codec is native. Same text format.
/** @param {string} text */
function parseBytea(text) {
	const hex = text.slice(2);
	const bytes = new Uint8Array(hex.length >>> 1);
	Buffer.from(bytes.buffer).write(hex, 'hex');
	return bytes;
}

/** @param {unknown} value */
function serializeBytea(value) {
	if (!(value instanceof Uint8Array)) throw new Error('Invalid input for bytea type');
	return '\\x' + Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex');
}

const fresh = !fs.existsSync(path.join(settings.dataDir, 'PG_VERSION'));
const pg = new PGlite(settings.dataDir, {
	loadDataDir: fresh && settings.loadDataDir ? new Blob([fs.readFileSync(settings.loadDataDir)]) : undefined,
	startParams: [...PGlite.defaultStartParams, ...settings.settings.flatMap((setting) => ['-c', setting])],
	parsers: { [BYTEA]: parseBytea },
	serializers: { [BYTEA]: serializeBytea }
});

/** Parsers that leave a type as Postgres' text, per set of types (drizzle asks for the same few every time). @type {Map<string, ParserOptions>} */
const textParsers = new Map();
/** @param {number[]} types */
function asText(types) {
	if (!types.length) return undefined;
	const key = types.join(',');
	let parsers = textParsers.get(key);
	if (!parsers) {
		parsers = Object.fromEntries(types.map((type) => [type, (/** @type {string} */ text) => text]));
		textParsers.set(key, parsers);
	}
	return parsers;
}

/** @param {QueryShape} shape */
function options(shape) {
	return { rowMode: shape.rowMode, parsers: asText(shape.textTypes), paramTypes: shape.paramTypes };
}

/**
 * @typedef {object} OpenTransaction
 * @property {Transaction} tx
 * @property {(commit: boolean) => void} end lets PGlite's transaction callback finish: commit, or roll back with ROLLED_BACK
 * @property {Promise<void>} ended PGlite's transaction() itself: settles after COMMIT or ROLLBACK ran
 */

/** The reason a rollback asked for by the server's thread is thrown with (not an error). */
const ROLLED_BACK = Symbol('rolled back');
/** @type {Map<number, OpenTransaction>} */
const transactions = new Map();
let lastTx = 0;

/** BEGIN through PGlite's transaction(), held open until commit or rollback arrives. @returns {Promise<number>} */
function begin() {
	const id = ++lastTx;
	return new Promise((started, failed) => {
		/** @type {Promise<void>} */
		const ended = pg.transaction(
			(tx) =>
				new Promise((commit, rollback) => {
					transactions.set(id, { tx, end: (ok) => (ok ? commit() : rollback(ROLLED_BACK)), ended });
					started(id);
				})
		);
		// Before the callback ran this is BEGIN failing; afterwards commit/rollback await it.
		ended.catch((err) => {
			if (!transactions.has(id)) failed(err);
		});
	});
}

/** @param {number} id */
function openTransaction(id) {
	const open = transactions.get(id);
	if (!open) throw new Error(`PGlite worker: transaction ${id} is not open`);
	return open;
}

/** @param {number} id @param {boolean} commit @returns {Promise<null>} */
async function finish(id, commit) {
	const open = openTransaction(id);
	transactions.delete(id);
	open.end(commit);
	try {
		await open.ended;
	} catch (err) {
		if (err !== ROLLED_BACK) throw err;
	}
	return null;
}

/** @param {Request} request @returns {Promise<ReplyValue>} */
async function run(request) {
	switch (request.op) {
		case 'query': {
			const target = request.tx === null ? pg : openTransaction(request.tx).tx;
			return target.query(request.sql, request.params, options(request.shape));
		}
		case 'exec': {
			const target = request.tx === null ? pg : openTransaction(request.tx).tx;
			return target.exec(request.sql, options(request.shape));
		}
		case 'begin':
			return begin();
		case 'commit':
			return finish(request.tx, true);
		case 'rollback':
			return finish(request.tx, false);
		case 'close':
			await pg.close();
			return null;
	}
}

/** The byte arrays of the rows that own their whole buffer: moved to the server's thread, not copied. @param {ReplyValue} value */
function transferables(value) {
	if (value === null || typeof value === 'number') return [];
	/** @type {Set<ArrayBuffer>} */
	const buffers = new Set();
	for (const result of Array.isArray(value) ? value : [value]) {
		for (const row of result.rows) {
			for (const cell of Object.values(/** @type {object} */ (row))) {
				if (cell instanceof Uint8Array && cell.buffer instanceof ArrayBuffer && cell.byteOffset === 0 && cell.byteLength === cell.buffer.byteLength) buffers.add(cell.buffer);
			}
		}
	}
	return [...buffers];
}

/** The string fields of Postgres' ErrorResponse that pg-protocol puts on a DatabaseError. */
const DATABASE_ERROR_FIELDS = /** @type {const} */ ([
	'length', 'severity', 'code', 'detail', 'hint', 'position', 'internalPosition', 'internalQuery',
	'where', 'schema', 'table', 'column', 'dataType', 'constraint', 'file', 'line', 'routine'
]);

/** Any thrown value as data, keeping what Postgres said about it. @param {unknown} err @returns {SerializedError} */
function serializeError(err) {
	if (!(err instanceof Error)) return { name: 'Error', message: String(err), stack: undefined, database: false, fields: {} };
	const record = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (err));
	const database = err instanceof messages.DatabaseError;
	/** @type {SerializedError['fields']} */
	const fields = {};
	if (database) {
		for (const key of DATABASE_ERROR_FIELDS) {
			const value = record[key];
			if (typeof value === 'string' || typeof value === 'number') fields[key] = value;
		}
	}
	const query = typeof record.query === 'string' ? record.query : undefined;
	const params = Array.isArray(record.params) ? record.params : undefined;
	return { name: err.name, message: err.message, stack: err.stack, database, fields, query, params };
}

/** @param {WorkerMessage} message @param {ArrayBuffer[]} [transfer] */
function post(message, transfer = []) {
	port.postMessage(message, transfer);
}

/** @param {Request} request */
async function answer(request) {
	try {
		const value = await run(request);
		post({ id: request.id, ok: true, value }, transferables(value));
	} catch (err) {
		post({ id: request.id, ok: false, error: serializeError(err) });
	}
}

port.on('message', (/** @type {Request} */ request) => void answer(request));

pg.waitReady.then(
	() => post({ type: 'ready' }),
	(err) => post({ type: 'failed', error: serializeError(err) })
);
