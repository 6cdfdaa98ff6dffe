import { sql } from 'drizzle-orm';
import * as Y from 'yjs';
import { docStates } from '../db/schema.ts';
import type { Db } from '../db/client.ts';

/**
 * Stores the first state of a document that no collab room has loaded yet (a new
 * project, seed data, an import). Later edits go through the collab server's log.
 */
/** First states of new documents, many in one statement (imports). */
export async function storeInitialStates(tx: Pick<Db, 'insert'>, docs: { docName: string; doc: Y.Doc }[]): Promise<void> {
	if (!docs.length) return;
	await tx
		.insert(docStates)
		.values(docs.map(({ docName, doc }) => ({ docName, state: Y.encodeStateAsUpdate(doc), compactedThrough: 0 })))
		.onConflictDoNothing({ target: docStates.docName });
}

export const docStateExists = (docName: string) => sql`exists (select 1 from ${docStates} where ${docStates.docName} = ${docName})`;
