import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { diffText, mapIndex, setText, type Delta } from './text-diff.ts';

describe('diffText', () => {
	test('finds the one replaced range', () => {
		expect(diffText('Koppelnet', 'Koppelnet Oost')).toEqual({ index: 9, remove: 0, insert: ' Oost' });
		expect(diffText('abcdef', 'abXYef')).toEqual({ index: 2, remove: 2, insert: 'XY' });
		expect(diffText('aaa', 'aa')).toEqual({ index: 2, remove: 1, insert: '' });
		expect(diffText('same', 'same')).toBeNull();
	});

	test('never splits a surrogate pair (emoji stay whole)', () => {
		const change = diffText('a😀b', 'a😃b')!;
		expect(change.remove).toBe(2);
		expect([...change.insert]).toEqual(['😃']);
	});

	test('setText makes a Y.Text read the new value', () => {
		const doc = new Y.Doc();
		const text = doc.getText('t');
		for (const value of ['', 'Restwarmte', 'Restwarmte Oost', 'Warmte Oost 🚀', '']) {
			setText(text, value);
			expect(text.toString()).toBe(value);
		}
	});
});

describe('mapIndex: a caret through someone else’s edit', () => {
	const edit = (before: string, change: (t: Y.Text) => void) => {
		const doc = new Y.Doc();
		const text = doc.getText('t');
		text.insert(0, before);
		let delta: Delta = [];
		text.observe((event) => (delta = event.delta as Delta));
		change(text);
		return delta;
	};

	test('insert before the caret moves it, after it does not', () => {
		const delta = edit('hello world', (t) => t.insert(0, '>> '));
		expect(mapIndex(delta, 5)).toBe(8);
		expect(mapIndex(edit('hello world', (t) => t.insert(8, 'X')), 5)).toBe(5);
	});

	test('insert at the caret: the start stays, the end of a selection follows', () => {
		const delta = edit('abc', (t) => t.insert(1, 'XY'));
		expect(mapIndex(delta, 1)).toBe(1);
		expect(mapIndex(delta, 1, true)).toBe(3);
	});

	test('deletes before and around the caret', () => {
		expect(mapIndex(edit('abcdefgh', (t) => t.delete(0, 3)), 5)).toBe(2);
		expect(mapIndex(edit('abcdefgh', (t) => t.delete(3, 4)), 5)).toBe(3);
		expect(mapIndex(edit('abcdefgh', (t) => t.delete(6, 2)), 5)).toBe(5);
	});
});
