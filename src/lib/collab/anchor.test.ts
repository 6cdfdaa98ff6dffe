import { expect, test } from 'vitest';
import * as Y from 'yjs';
import { decodeAnchor, encodeAnchor, parseAnchor } from './anchor.ts';

function sentence(): { doc: Y.Doc; text: Y.XmlText } {
	const doc = new Y.Doc();
	const text = new Y.XmlText('Waterstof in de Eemshaven');
	doc.getXmlFragment('description').insert(0, [text]);
	return { doc, text };
}

test('an anchor encoded by the browser is accepted by the server and still names the same characters after edits', () => {
	const { doc, text } = sentence();
	const anchor = encodeAnchor(Y.createRelativePositionFromTypeIndex(text, 16, 0), Y.createRelativePositionFromTypeIndex(text, 24, -1));
	expect(parseAnchor(JSON.parse(JSON.stringify(anchor)))).toEqual(anchor);
	text.insert(0, 'Groene ');
	const { start, end } = decodeAnchor(anchor);
	const from = Y.createAbsolutePositionFromRelativePosition(start, doc)!.index;
	const to = Y.createAbsolutePositionFromRelativePosition(end, doc)!.index;
	expect(text.toString().slice(from, to + 1)).toBe('Eemshaven');
});

test('no anchor is a thread on the whole record; anything that does not decode is refused', () => {
	const { text } = sentence();
	const good = encodeAnchor(Y.createRelativePositionFromTypeIndex(text, 0, 0), Y.createRelativePositionFromTypeIndex(text, 4, -1));
	expect(parseAnchor(undefined)).toBeNull();
	expect(parseAnchor(null)).toBeNull();
	for (const bad of ['x', 42, { from: good.from }, { from: good.from, to: 'not base64!' }, { from: `${good.from} `, to: good.to }, { from: good.from.replace(/=+$/, ''), to: good.to }, { from: good.from, to: 'A'.repeat(400) }, { from: '', to: good.to }]) {
		expect(parseAnchor(bad), JSON.stringify(bad)).toBe('bad');
	}
});
