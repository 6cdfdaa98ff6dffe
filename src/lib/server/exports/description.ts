/**
 * A project's description for the PDF export, read from the stored Y.Doc; the blocks
 * themselves are made in blocks.ts.
 */
import { documentName } from '../../collab/documents.ts';
import { readDocument } from '../documents/store.ts';
import { log } from '../log.ts';
import { descriptionBlocks, paragraphBlocks, type Description } from './blocks.ts';

export { descriptionBlocks, paragraphBlocks, type Block, type Description, type Run } from './blocks.ts';

/**
 * The description as stored: the compacted state plus the update log, which is what
 * the editors were shown as "Opgeslagen". Falls back to the projected plain text.
 */
export async function storedDescription(projectId: string, fallbackText: string, limit: number): Promise<Description> {
	const name = documentName.project(projectId);
	try {
		const doc = await readDocument(name);
		if (!doc) return paragraphBlocks(fallbackText, limit);
		try {
			return descriptionBlocks(doc, limit);
		} finally {
			doc.destroy();
		}
	} catch (err) {
		log.warn({ doc: name, err: String(err) }, 'description not readable for export, using plain text');
		return paragraphBlocks(fallbackText, limit);
	}
}
