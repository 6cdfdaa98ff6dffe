import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { bodyOf, fieldsOf, fieldTextOf } from './documents.ts';
import { writeFields, rawFields } from './project-doc.ts';
import { plainText, richTextDoc } from './rich-text.ts';
import { restoreContent } from './restore.ts';

function paragraphs(doc: Y.Doc, texts: string[]) {
	const body = bodyOf(doc, 'project');
	body.insert(
		body.length,
		texts.map((t) => {
			const p = new Y.XmlElement('paragraph');
			p.insert(0, [new Y.XmlText(t)]);
			return p;
		})
	);
}
const text = (doc: Y.Doc) => plainText(richTextDoc(bodyOf(doc, 'project')));
const copy = (doc: Y.Doc) => {
	const c = new Y.Doc();
	Y.applyUpdate(c, Y.encodeStateAsUpdate(doc));
	return c;
};

describe('restoreContent', () => {
	test('brings back fields and text, and keeps an unchanged paragraph a colleague types in', () => {
		const live = new Y.Doc();
		writeFields(live, { title: 'Waterstofhub', phase: 'idee', totalBudget: 100 });
		paragraphs(live, ['Eerste alinea.', 'Tweede alinea.']);
		const old = copy(live);

		// Edits after the version: a field, a value, a new paragraph, a deleted one.
		writeFields(live, { title: 'Waterstofhub Noord', phase: 'uitvoering' });
		fieldsOf(live).delete('totalBudget');
		bodyOf(live, 'project').delete(1, 1);
		paragraphs(live, ['Later toegevoegd.']);

		// A colleague's copy, about to type in the first paragraph.
		const colleague = copy(live);
		const firstText = (bodyOf(colleague, 'project').get(0) as Y.XmlElement).get(0) as Y.XmlText;

		restoreContent(live, old, 'project', 'restore');
		expect(rawFields(live)).toMatchObject({ title: 'Waterstofhub', phase: 'idee', totalBudget: 100 });
		expect(text(live)).toBe('Eerste alinea.\nTweede alinea.');

		// Concurrently the colleague typed in the unchanged first paragraph: it merges, nothing lost.
		firstText.insert('Eerste alinea.'.length, ' Getypt.');
		Y.applyUpdate(live, Y.encodeStateAsUpdate(colleague));
		Y.applyUpdate(colleague, Y.encodeStateAsUpdate(live));
		expect(text(live)).toBe('Eerste alinea. Getypt.\nTweede alinea.');
		expect(text(colleague)).toBe(text(live));
		expect(fieldTextOf(colleague, 'title').toString()).toBe('Waterstofhub');
	});

	test('a restore of the same content changes nothing', () => {
		const live = new Y.Doc();
		writeFields(live, { title: 'Gelijk' });
		paragraphs(live, ['Tekst.']);
		const before = Y.encodeStateVector(live);
		restoreContent(live, copy(live), 'project', 'restore');
		expect(Y.encodeStateVector(live)).toEqual(before);
	});

	test('the werkagenda body is restored too', () => {
		const live = new Y.Doc();
		const body = bodyOf(live, 'werkagenda');
		const p = new Y.XmlElement('paragraph');
		p.insert(0, [new Y.XmlText('Agenda v1')]);
		body.insert(0, [p]);
		const old = copy(live);
		(p.get(0) as Y.XmlText).insert(9, ' en meer');
		restoreContent(live, old, 'werkagenda', null);
		expect(plainText(richTextDoc(bodyOf(live, 'werkagenda')))).toBe('Agenda v1');
	});
});
