import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { markDeletions } from './deletion-mark.ts';

const REMOTE = 'provider';
const clock = (doc: Y.Doc) => Y.getState(doc.store, doc.clientID);
const settle = () => new Promise((resolve) => queueMicrotask(() => resolve(null)));

describe('markDeletions: "Opgeslagen" waits for an edit that only deletes', () => {
	test('a local deletion advances this browser’s clock right after it, as its own update', async () => {
		const doc = new Y.Doc();
		const text = doc.getText('t');
		text.insert(0, 'weg ermee');
		const updates: Uint8Array[] = [];
		doc.on('update', (u: Uint8Array) => updates.push(u));
		markDeletions(doc, (origin) => origin !== REMOTE);
		const before = clock(doc);
		text.delete(0, 4);
		expect(clock(doc)).toBe(before); // a deletion alone advances nothing
		await settle();
		expect(clock(doc)).toBeGreaterThan(before);
		expect(updates).toHaveLength(2); // the deletion, then the mark
	});

	test('typing, and deletions arriving from others, are not marked', async () => {
		const doc = new Y.Doc();
		markDeletions(doc, (origin) => origin !== REMOTE);
		doc.getText('t').insert(0, 'typen');
		await settle();
		expect(doc.getMap('saved').size).toBe(0);
		const other = new Y.Doc();
		Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
		const sv = Y.encodeStateVector(other);
		other.getText('t').delete(0, 2);
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, sv), REMOTE);
		await settle();
		expect(doc.getMap('saved').size).toBe(0);
	});

	test('a burst of deletions in one turn gets one mark', async () => {
		const doc = new Y.Doc();
		doc.getText('t').insert(0, 'abcdef');
		markDeletions(doc, (origin) => origin !== REMOTE);
		for (let i = 0; i < 5; i++) doc.getText('t').delete(0, 1);
		await settle();
		expect(doc.getMap('saved').get(String(doc.clientID))).toBe(1);
	});
});
