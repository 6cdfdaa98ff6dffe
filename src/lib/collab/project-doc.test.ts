import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { emptyFields } from '../domain/project.ts';
import { fieldsOf, fieldTextOf, metaOf } from './documents.ts';
import { migrateLayout, needsLayoutMigration, readFields, TYPED_FIELDS, writeFields } from './project-doc.ts';

/** A document as the code before layout 2 wrote it: every field a value in the fields map. */
function layout1(values: Record<string, unknown>): Y.Doc {
	const doc = new Y.Doc();
	doc.transact(() => {
		for (const [key, value] of Object.entries(values)) fieldsOf(doc).set(key, value);
	});
	return doc;
}

describe('project document layout', () => {
	test('typed fields are shared texts, choices and numbers values; the layout version is written', () => {
		const doc = new Y.Doc();
		writeFields(doc, { ...emptyFields(), title: 'Warmtenet Oost (fictief)', partners: ['Gemeente A', 'ROM B'], totalBudget: 1000 });
		expect(fieldTextOf(doc, 'title').toString()).toBe('Warmtenet Oost (fictief)');
		expect(fieldTextOf(doc, 'partners').toString()).toBe('Gemeente A; ROM B');
		expect(fieldsOf(doc).get('totalBudget')).toBe(1000);
		for (const key of TYPED_FIELDS) expect(fieldsOf(doc).has(key)).toBe(false);
		expect(metaOf(doc).get('layout')).toBe(2);
		expect(needsLayoutMigration(doc)).toBe(false);
		expect(readFields(doc).valid.partners).toEqual(['Gemeente A', 'ROM B']);
	});

	test('migrating layout 1 keeps every value, once', () => {
		const doc = layout1({ title: 'Oude titel (fictief)', summary: 'Samenvatting', tags: ['a', 'b'], status: 'verkenning', totalBudget: 5 });
		expect(needsLayoutMigration(doc)).toBe(true);
		expect(migrateLayout(doc)).toBe(true);
		expect(fieldTextOf(doc, 'title').toString()).toBe('Oude titel (fictief)');
		expect(fieldTextOf(doc, 'tags').toString()).toBe('a; b');
		expect(fieldsOf(doc).get('status')).toBe('verkenning');
		expect(fieldsOf(doc).has('title')).toBe(false);
		expect(migrateLayout(doc)).toBe(false);
		expect(fieldTextOf(doc, 'title').toString()).toBe('Oude titel (fictief)');
	});

	test('a legacy value arriving after the migration is applied as the smallest edit, not appended', () => {
		const doc = layout1({ title: 'Warmtenet Oost (fictief)' });
		migrateLayout(doc);
		fieldsOf(doc).set('title', 'Warmtenet Oost-Groningen (fictief)');
		migrateLayout(doc);
		expect(fieldTextOf(doc, 'title').toString()).toBe('Warmtenet Oost-Groningen (fictief)');
	});

	test('problems: a value breaking a rule is reported at its field; rules are judged on valid values only', () => {
		const doc = new Y.Doc();
		writeFields(doc, { ...emptyFields(), title: 'Titel van het project', provinces: ['NL-GR'], corop: ['CR01'] });
		fieldsOf(doc).set('totalBudget', 100);
		fieldsOf(doc).set('requestedAmount', 200);
		let read = readFields(doc);
		expect(read.problems).toEqual({ requestedAmount: 'requested-exceeds-total' });
		expect(read.held.sort()).toEqual(['requestedAmount', 'totalBudget']);
		fieldsOf(doc).set('provinces', ['NL-XX']);
		read = readFields(doc);
		// The COROP rule is not judged against an invalid province list.
		expect(read.problems.provinces).toBe('not-in-list');
		expect(read.problems.corop).toBeUndefined();
		fieldTextOf(doc, 'title').delete(0, fieldTextOf(doc, 'title').length);
		expect(readFields(doc).problems.title).toBe('required');
	});
});
