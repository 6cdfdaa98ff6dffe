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

	test('a version holding a Yjs type where a value belongs (a crafted client) restores it as plain data, in one change', () => {
		const live = new Y.Doc();
		writeFields(live, { title: 'Nu', provinces: ['NL-GE'] });
		const old = new Y.Doc();
		writeFields(old, { title: 'Toen' });
		const nested = new Y.Array<string>();
		fieldsOf(old).set('provinces', nested);
		nested.insert(0, ['NL-NB']);
		const phase = new Y.Map<string>();
		fieldsOf(old).set('phase', phase);
		phase.set('x', 'y');
		expect(rawFields(old)).toMatchObject({ provinces: ['NL-NB'], phase: { x: 'y' } });
		const updates: unknown[] = [];
		live.on('update', (_: Uint8Array, origin: unknown) => updates.push(origin));
		restoreContent(live, old, 'project', 'restore');
		expect(rawFields(live)).toMatchObject({ title: 'Toen', provinces: ['NL-NB'], phase: { x: 'y' } });
		expect(fieldsOf(live).get('provinces')).toEqual(['NL-NB']);
		expect(updates).toEqual(['restore']);
	});

	test('a version from before the typed-field layout restores its title and summary', () => {
		const live = new Y.Doc();
		writeFields(live, { title: 'Nieuwe titel', summary: 'Nieuw' });
		const old = new Y.Doc();
		// Layout 1: typed fields were plain values of the fields map.
		fieldsOf(old).set('title', 'Oude titel');
		fieldsOf(old).set('summary', 'Oude samenvatting');
		restoreContent(live, old, 'project', 'restore');
		expect(fieldTextOf(live, 'title').toString()).toBe('Oude titel');
		expect(fieldTextOf(live, 'summary').toString()).toBe('Oude samenvatting');
	});
});
