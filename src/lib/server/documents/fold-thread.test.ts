import { afterAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { foldHexInWorker, stopFoldWorker } from './fold-thread.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

function log(): { parts: Uint8Array[]; text: string } {
	const doc = new Y.Doc();
	const parts: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => parts.push(u));
	const text = doc.getText('t');
	for (let i = 0; i < 50; i++) text.insert(text.length, `regel ${i}. `);
	text.delete(0, 10);
	return { parts, text: text.toString() };
}

afterAll(() => stopFoldWorker());

describe('folding in a worker thread', () => {
	test('the parts in order become one state holding everything, deletions included', async () => {
		const { parts, text } = log();
		const state = await foldHexInWorker(parts.map(hex));
		const copy = new Y.Doc();
		Y.applyUpdate(copy, Buffer.from(state!, 'hex'));
		expect(copy.getText('t').toString()).toBe(text);
	});

	test('a part whose dependency is missing gives null (the compaction keeps every row)', async () => {
		const { parts } = log();
		expect(await foldHexInWorker([hex(parts[0]), hex(parts[5])])).toBeNull();
	});

	test('garbage is an error, a stopped worker fails its fold, and the next fold starts a new one', async () => {
		await expect(foldHexInWorker(['ff00ff'])).rejects.toThrow(/fold failed/);
		const { parts, text } = log();
		const pending = foldHexInWorker(parts.map(hex));
		await stopFoldWorker();
		await expect(pending).rejects.toThrow(/fold worker/);
		const state = await foldHexInWorker(parts.map(hex));
		const copy = new Y.Doc();
		Y.applyUpdate(copy, Buffer.from(state!, 'hex'));
		expect(copy.getText('t').toString()).toBe(text);
	});

	test('a fold asked while the previous worker is still stopping goes to a new worker and succeeds', async () => {
		const { parts, text } = log();
		await foldHexInWorker(parts.map(hex));
		// Not awaited: the old worker's exit arrives while the next fold runs in its successor.
		const stopping = stopFoldWorker();
		const state = await foldHexInWorker(parts.map(hex));
		await stopping;
		const copy = new Y.Doc();
		Y.applyUpdate(copy, Buffer.from(state!, 'hex'));
		expect(copy.getText('t').toString()).toBe(text);
	});
});
