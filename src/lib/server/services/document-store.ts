import { sql } from 'drizzle-orm';
import * as Y from 'yjs';
import { docStates } from '../db/schema.ts';
import type { Db } from '../db/client.ts';

/**
 * Stores the first state of a document that no collab room has loaded yet (a new
 * project, seed data, an import). Later edits go through the collab server's log.
 */
export async function storeInitialState(tx: Pick<Db, 'insert'>, docName: string, doc: Y.Doc): Promise<void> {
	await tx
		.insert(docStates)
		.values({ docName, state: Y.encodeStateAsUpdate(doc), compactedThrough: 0 })
		.onConflictDoNothing({ target: docStates.docName });
}

export const docStateExists = (docName: string) => sql`exists (select 1 from ${docStates} where ${docStates.docName} = ${docName})`;
