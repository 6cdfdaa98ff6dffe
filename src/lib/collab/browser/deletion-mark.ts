/**
 * "Opgeslagen" waits until the server has stored every clock this browser wrote. A
 * deletion advances no clock (Yjs keeps it in the delete set), so an edit that only
 * deletes would show "Opgeslagen" before it is stored. After such a local transaction
 * this writes one tiny value under the browser's own client id in the `saved` map
 * (DELETION_MARK_KEY): its clock is acknowledged only after the deletion's update, which
 * the server commits first (the update log is written in order).
 */
import type * as Y from 'yjs';
import { DELETION_MARK_KEY } from '../documents.ts';

/** Origin of the marks, so they are not taken for the user's own edits. */
export const MARK_ORIGIN = 'deletion-mark';

/** Starts marking deletions made in this document by `isLocal` transactions; returns the stop. */
export function markDeletions(doc: Y.Doc, isLocal: (origin: unknown) => boolean): () => void {
	let scheduled = false;
	const onTransaction = (transaction: Y.Transaction) => {
		if (transaction.origin === MARK_ORIGIN || !isLocal(transaction.origin) || transaction.deleteSet.clients.size === 0) return;
		const own = doc.clientID;
		if ((transaction.afterState.get(own) ?? 0) > (transaction.beforeState.get(own) ?? 0)) return;
		if (scheduled) return;
		scheduled = true;
		// After the transaction, as its own small update that follows the deletion's.
		queueMicrotask(() => {
			scheduled = false;
			doc.transact(() => doc.getMap(DELETION_MARK_KEY).set(String(doc.clientID), ((doc.getMap(DELETION_MARK_KEY).get(String(doc.clientID)) as number) ?? 0) + 1), MARK_ORIGIN);
		});
	};
	doc.on('afterTransaction', onTransaction);
	return () => doc.off('afterTransaction', onTransaction);
}
