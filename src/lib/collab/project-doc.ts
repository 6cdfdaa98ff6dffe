/**
 * Reading and writing a project's Y.Doc (layout 2): every field a person types text
 * into is its own Y.Text, merged character by character; choices, numbers and months
 * are values in one Y.Map (last writer wins per field, sent on change); the
 * description is a Y.XmlFragment. Browser, server, seed, import and tests use this.
 */
import * as Y from 'yjs';
import { crossCheck, emptyFields, FIELD_KEYS, FIELDS, validateField, type CrossProblem, type FieldKey, type FieldProblem, type ProjectFields } from '../domain/project.ts';
import { bodyOf, fieldsOf, fieldTextOf, LAYOUT_VERSION, metaOf } from './documents.ts';
import { setText } from './text-diff.ts';
import { plainText, richTextDoc } from './rich-text.ts';

/** Fields a person types text into (text, e-mail, and the lists typed as "a; b"): shared text. */
export const TYPED_FIELDS: readonly FieldKey[] = FIELD_KEYS.filter((key) => ['text', 'email', 'list'].includes(FIELDS[key].kind));
export const isTypedField = (key: FieldKey): boolean => TYPED_FIELDS.includes(key);

/** How a value of a typed field reads as text: lists joined with "; ". */
export function asFieldText(value: unknown): string {
	if (Array.isArray(value)) return value.join('; ');
	return value === null || value === undefined ? '' : String(value);
}

/** What the document holds for each field, as typed: texts as strings, values as set (maybe invalid). */
export function rawFields(doc: Y.Doc): Partial<Record<FieldKey, unknown>> {
	const map = fieldsOf(doc);
	const raw: Partial<Record<FieldKey, unknown>> = {};
	for (const key of FIELD_KEYS) {
		if (isTypedField(key)) raw[key] = fieldTextOf(doc, key).toString();
		else if (map.has(key)) {
			// A Yjs type where a value belongs (a crafted client) reads as its JSON, so pages and checks see plain data.
			const value: unknown = map.get(key);
			raw[key] = value instanceof Y.AbstractType ? value.toJSON() : value;
		}
	}
	return raw;
}

export type Problem = FieldProblem | CrossProblem;

export interface ReadFields {
	valid: Partial<ProjectFields>;
	/** Fields whose value breaks a rule, with the problem shown at the field. */
	problems: Partial<Record<FieldKey, Problem>>;
	/** Every field a broken rule involves (kept out of the projection together). */
	held: FieldKey[];
}

/** Every field present in the document, checked on its own and against the rules between fields. */
export function readFields(doc: Y.Doc): ReadFields {
	const raw = rawFields(doc);
	const valid: Partial<ProjectFields> = {};
	const problems: Partial<Record<FieldKey, Problem>> = {};
	for (const key of FIELD_KEYS) {
		if (!(key in raw)) continue;
		const checked = validateField(key, raw[key]);
		if (checked.ok) (valid as Record<string, unknown>)[key] = checked.value;
		else problems[key] = checked.problem;
	}
	const invalid = new Set<FieldKey>(Object.keys(problems) as FieldKey[]);
	const held = new Set<FieldKey>(invalid);
	// A rule is judged only on valid values: an invalid province list says nothing about COROP regions.
	for (const broken of crossCheck({ ...emptyFields(), ...valid })) {
		if (broken.involves.some((key) => invalid.has(key))) continue;
		problems[broken.field] ??= broken.problem;
		for (const key of broken.involves) held.add(key);
	}
	return { valid, problems, held: [...held] };
}

/** Writes fields into the document in one transaction (new projects, seed, import), in layout 2. */
export function writeFields(doc: Y.Doc, fields: Partial<ProjectFields>, origin: unknown = null): void {
	const map = fieldsOf(doc);
	doc.transact(() => {
		for (const [key, value] of Object.entries(fields) as [FieldKey, unknown][]) {
			if (isTypedField(key)) setText(fieldTextOf(doc, key), asFieldText(value));
			else if (JSON.stringify(map.get(key)) !== JSON.stringify(value)) map.set(key, value);
		}
		if (metaOf(doc).get('layout') !== LAYOUT_VERSION.project) metaOf(doc).set('layout', LAYOUT_VERSION.project);
	}, origin);
}

/** True when the document still holds typed fields in the fields map (layout 1), or says no layout at all. */
export function needsLayoutMigration(doc: Y.Doc): boolean {
	const map = fieldsOf(doc);
	return metaOf(doc).get('layout') !== LAYOUT_VERSION.project || TYPED_FIELDS.some((key) => map.has(key));
}

/**
 * Layout 1 → 2: each typed field's value moves from the fields map into its Y.Text, as
 * the smallest edit of what the text holds (empty after a first migration; a value
 * written later by a tab of the old code is applied as if typed, never dropped).
 * Idempotent; returns whether it changed anything.
 */
export function migrateLayout(doc: Y.Doc, origin: unknown = null): boolean {
	if (!needsLayoutMigration(doc)) return false;
	const map = fieldsOf(doc);
	doc.transact(() => {
		for (const key of TYPED_FIELDS) {
			if (!map.has(key)) continue;
			setText(fieldTextOf(doc, key), asFieldText(map.get(key)));
			map.delete(key);
		}
		if (metaOf(doc).get('layout') !== LAYOUT_VERSION.project) metaOf(doc).set('layout', LAYOUT_VERSION.project);
	}, origin);
	return true;
}

/** Replaces the description with plain paragraphs (seed and import; the editor does the rest). */
export function writeDescription(doc: Y.Doc, paragraphs: string[]): void {
	const fragment = bodyOf(doc, 'project');
	doc.transact(() => {
		fragment.delete(0, fragment.length);
		fragment.insert(
			0,
			paragraphs.map((text) => {
				const p = new Y.XmlElement('paragraph');
				p.insert(0, [new Y.XmlText(text)]);
				return p;
			})
		);
	});
}

/** The description as plain text, as the editor shows it (for search, the Markdown export and the API). */
export function descriptionText(doc: Y.Doc): string {
	return plainText(richTextDoc(bodyOf(doc, 'project')));
}
