import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { getSchema } from '@tiptap/core';
import { baseExtensions } from './editor.ts';
import { editorSchema, MARK_NAMES, NODE_NAMES, plainText, richTextDoc } from './rich-text.ts';

function element(name: string, children: (Y.XmlElement | Y.XmlText)[], attributes: Record<string, unknown> = {}): Y.XmlElement {
	const el = new Y.XmlElement(name);
	for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, value as never);
	el.insert(0, children);
	return el;
}
const text = (value: string, attributes?: Record<string, unknown>) => {
	const t = new Y.XmlText();
	t.insert(0, value, attributes);
	return t;
};

function description(blocks: () => Y.XmlElement[]): { doc: Y.Doc; fragment: Y.XmlFragment } {
	const doc = new Y.Doc();
	const fragment = doc.getXmlFragment('description');
	fragment.insert(0, blocks());
	return { doc, fragment };
}

describe('the shared editor schema', () => {
	test('knows exactly the nodes and marks the walkers handle: a new extension fails here until they do', () => {
		expect(Object.keys(editorSchema().nodes).sort()).toEqual([...NODE_NAMES].sort());
		expect(Object.keys(editorSchema().marks).sort()).toEqual([...MARK_NAMES].sort());
		// The browser editor builds its schema from the same list, with a placeholder that changes nothing.
		expect(Object.keys(getSchema(baseExtensions('Typ hier')).nodes)).toEqual(Object.keys(editorSchema().nodes));
	});

	test('plain text has one line per block, lists included, each trimmed', () => {
		const { fragment } = description(() => [
			element('heading', [text('Aanpak')], { level: 2 }),
			element('paragraph', [text(' Eerst '), text('vet', { bold: {} })]),
			element('paragraph', []),
			element('bulletList', [element('listItem', [element('paragraph', [text('stap een')])]), element('listItem', [element('paragraph', [text('stap twee')])])])
		]);
		expect(plainText(richTextDoc(fragment))).toBe('Aanpak\nEerst vet\n\nstap een\nstap twee');
	});

	test('what the editor would not show (unknown nodes and marks, text outside a block) is left out, and reading never writes', () => {
		const { doc, fragment } = description(() => [
			element('paragraph', [text('zichtbaar')]),
			element('script', [text('onbekend knooppunt')]),
			element('paragraph', [text('onbekende opmaak', { onclick: 'alert(1)' })])
		]);
		fragment.insert(fragment.length, [text('los van een blok')]);
		const writes: Uint8Array[] = [];
		doc.on('update', (update: Uint8Array) => writes.push(update));
		expect(plainText(richTextDoc(fragment))).toBe('zichtbaar');
		expect(writes).toEqual([]);
		expect(fragment.length).toBe(4);
	});

	test('a crafted document nested deeper than any editor makes is read without overflowing the stack', () => {
		const { fragment } = description(() => [element('paragraph', [text('daarna')])]);
		let parent: Y.XmlFragment | Y.XmlElement = fragment;
		// Built level by level: Yjs itself cannot integrate so deep a tree in one insert.
		for (let i = 0; i < 2000; i++) {
			const quote = new Y.XmlElement('blockquote');
			parent.insert(0, [quote]);
			parent = quote;
		}
		parent.insert(0, [element('paragraph', [text('diep')])]);
		expect(plainText(richTextDoc(fragment))).toBe('daarna');
	});
});
