/**
 * Reading and writing a project's Y.Doc: structured fields in one Y.Map (each field
 * one key, last writer wins per field), the description in a Y.XmlFragment.
 */
import * as Y from 'yjs';
import { FIELD_KEYS, validateField, type FieldKey, type ProjectFields } from '../domain/project.ts';
import { bodyOf, fieldsOf } from './documents.ts';

/** Plain text of a rich-text fragment, paragraphs separated by newlines (for search and export). */
export function plainText(fragment: Y.XmlFragment | Y.XmlElement): string {
	const parts: string[] = [];
	fragment.forEach((child) => {
		if (child instanceof Y.XmlText) {
			parts.push(child.toDelta().map((d: { insert?: unknown }) => (typeof d.insert === 'string' ? d.insert : '')).join(''));
		} else if (child instanceof Y.XmlElement) {
			parts.push(plainText(child));
		}
	});
	// Block children (paragraphs, list items) are separate lines; text runs inside one block are not.
	const blocks = parts.length > 0 && fragment.toArray().every((c) => c instanceof Y.XmlElement);
	return parts.join(blocks ? '\n' : '').trim();
}

export interface ReadFields {
	valid: Partial<ProjectFields>;
	invalid: FieldKey[];
}

/** Every field present in the document, sorted into valid values and keys whose value fails validation. */
export function readFields(doc: Y.Doc): ReadFields {
	const map = fieldsOf(doc);
	const valid: Partial<ProjectFields> = {};
	const invalid: FieldKey[] = [];
	for (const key of FIELD_KEYS) {
		if (!map.has(key)) continue;
		const checked = validateField(key, map.get(key));
		if (checked.ok) (valid as Record<string, unknown>)[key] = checked.value;
		else invalid.push(key);
	}
	return { valid, invalid };
}

/** Writes fields into the document in one transaction (seed, import, set-back of invalid values). */
export function writeFields(doc: Y.Doc, fields: Partial<ProjectFields>, origin: unknown = null): void {
	const map = fieldsOf(doc);
	doc.transact(() => {
		for (const [key, value] of Object.entries(fields)) {
			const current = map.get(key);
			if (JSON.stringify(current) !== JSON.stringify(value)) map.set(key, value);
		}
	}, origin);
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

export function descriptionText(doc: Y.Doc): string {
	return plainText(bodyOf(doc, 'project'));
}
