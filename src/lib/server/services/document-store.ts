import { sql } from 'drizzle-orm';
import * as Y from 'yjs';
import { docMigrations, docStates } from '../db/schema.ts';
import { db, type Db } from '../db/client.ts';

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

/** A claim older than this on a document still in the old layout is taken over: its instance died. */
const STALE_CLAIM_MS = 60_000;

/**
 * Claims the migration of a document to a layout version for this instance: true for
 * exactly one of several instances asking at once, so only one writes the migration.
 */
export async function claimLayoutMigration(docName: string, version: number): Promise<boolean> {
	const claimed = await db()
		.insert(docMigrations)
		.values({ docName, version })
		.onConflictDoUpdate({
			target: [docMigrations.docName, docMigrations.version],
			set: { claimedAt: sql`now()` },
			setWhere: sql`${docMigrations.claimedAt} < now() - make_interval(secs => ${STALE_CLAIM_MS / 1000})`
		})
		.returning({ docName: docMigrations.docName });
	return claimed.length > 0;
}
