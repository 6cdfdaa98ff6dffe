/**
 * F7: two instances compacting the same document at once. The store's compaction is
 * called twice concurrently, as two instances would (no per-instance queue between
 * them), while more rows arrive; the stored state must never hold fewer updates than the
 * log it replaced. On PostgreSQL the two run on separate connections.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { db } from '../../src/lib/server/db/client.ts';
import { DATABASES, openOwnDatabase } from '../support/own-database.ts';
import { docUpdates } from '../../src/lib/server/db/schema.ts';
import { compactDocument, loadDocument } from '../../src/lib/server/documents/store.ts';


describe.each(DATABASES)('concurrent compaction on %s', (database) => {
	let close: () => Promise<void>;
	beforeAll(async () => void (close = await openOwnDatabase(database)));
	afterAll(() => close());

	test('two compactions of one document at once, with rows arriving between them, keep every update', async () => {
		for (let trial = 0; trial < 5; trial++) {
			const docName = `werkagenda:f7-${trial}`;
			const doc = new Y.Doc();
			const updates: Uint8Array[] = [];
			doc.on('update', (u: Uint8Array) => updates.push(u));
			for (let i = 0; i < 120; i++) doc.getText('t').insert(doc.getText('t').length, `[${i}]` + 'x'.repeat(200));
			await db().insert(docUpdates).values(updates.slice(0, 100).map((update) => ({ docName, update })));
			const first = compactDocument(docName);
			await db().insert(docUpdates).values(updates.slice(100).map((update) => ({ docName, update })));
			const second = compactDocument(docName);
			const results = await Promise.all([first, second]);
			expect(results).not.toContain('incomplete');
			const { state } = await loadDocument(docName);
			const back = new Y.Doc();
			Y.applyUpdate(back, state!);
			for (let i = 0; i < 120; i++) expect(back.getText('t').toString()).toContain(`[${i}]`);
		}
	});
});
