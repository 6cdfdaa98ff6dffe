/**
 * The fold of a document's stored parts, shared by the store (a load) and the fold worker
 * (a compaction). Plain JavaScript so the worker thread can import it without a
 * TypeScript loader.
 */
import * as Y from 'yjs';

/**
 * The updates applied in order to a document and encoded again; null when some update's
 * dependencies are missing. Y.mergeUpdates is not used: merging a large interleaved log
 * of several writers lost ranges of text (a gap a reload could not fill; found by the
 * cold-load benchmark on PostgreSQL), and a stored state must never lose anything.
 * @param {Uint8Array[]} parts
 * @returns {Uint8Array | null}
 */
export function foldUpdates(parts) {
	const doc = new Y.Doc({ gc: false });
	try {
		for (const part of parts) Y.applyUpdate(doc, new Uint8Array(part));
		if (doc.store.pendingStructs || doc.store.pendingDs) return null;
		return Y.encodeStateAsUpdate(doc);
	} finally {
		doc.destroy();
	}
}
