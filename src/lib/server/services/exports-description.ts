/**
 * A project's description for the PDF export, read from the stored Y.Doc; the blocks
 * themselves are made in exports-blocks.ts.
 */
import { asc, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { documentName } from '../../collab/documents.ts';
import { db } from '../db/client.ts';
import { docStates, docUpdates } from '../db/schema.ts';
import { log } from '../log.ts';
import { descriptionBlocks, paragraphBlocks, type Description } from './exports-blocks.ts';

export { descriptionBlocks, paragraphBlocks, type Block, type Description, type Run } from './exports-blocks.ts';

/**
 * The description as stored: the compacted state plus the update log, which is what
 * the editors were shown as "Opgeslagen". Falls back to the projected plain text.
 */
export async function storedDescription(projectId: string, fallbackText: string, limit: number): Promise<Description> {
	const name = documentName.project(projectId);
	try {
		const [state] = await db().select({ state: docStates.state }).from(docStates).where(eq(docStates.docName, name));
		const tail = await db().select({ update: docUpdates.update }).from(docUpdates).where(eq(docUpdates.docName, name)).orderBy(asc(docUpdates.id));
		const parts = [...(state ? [state.state] : []), ...tail.map((r) => r.update)];
		if (parts.length === 0) return paragraphBlocks(fallbackText, limit);
		const doc = new Y.Doc();
		try {
			doc.transact(() => parts.forEach((u) => Y.applyUpdate(doc, new Uint8Array(u))));
			return descriptionBlocks(doc, limit);
		} finally {
			doc.destroy();
		}
	} catch (err) {
		log.warn({ doc: name, err: String(err) }, 'description not readable for export, using plain text');
		return paragraphBlocks(fallbackText, limit);
	}
}
