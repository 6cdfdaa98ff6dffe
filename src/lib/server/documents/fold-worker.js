/**
 * Folds a document's stored parts into one state in a thread of its own: at 200 typists
 * one document's compaction (every 400 rows, about once a second) applied and encoded the
 * whole document in the server's thread, 5–13 ms at a time, and those stalls were the
 * fan-out's latency tail (p99 16 ms with compaction, 7 ms without; measured).
 *
 * Plain JavaScript, like pglite-worker.js: a TypeScript loader here would cost more
 * memory than the fold. The fold is the store's own (fold.js), on hex text as it comes
 * from the database and goes back to it.
 */
import { parentPort } from 'node:worker_threads';
import { foldUpdates } from './fold.js';

/** @param {{ id: number, parts: string[] }} request */
function fold({ id, parts }) {
	try {
		const state = foldUpdates(parts.map((part) => Buffer.from(part, 'hex')));
		return { id, state: state && Buffer.from(state.buffer, state.byteOffset, state.byteLength).toString('hex') };
	} catch (err) {
		return { id, error: String(err) };
	}
}

parentPort?.on('message', (request) => parentPort?.postMessage(fold(request)));
