/**
 * Reading and comparing versions of a collaborative document. A version is the full
 * Yjs state of the document at a moment (`Y.encodeStateAsUpdate`), not a snapshot of a
 * shared history: rooms collect their garbage, so two versions are compared by their
 * content. Pure: runs in the browser and on the server, never touches storage.
 *
 *   readVersion(kind, state)          → its text (ProseMirror JSON) and, for a project, its fields
 *   diffVersions(kind, before, after) → the text diff and the changed fields
 */
import * as Y from 'yjs';
import type { ProjectFields } from '../domain/project.ts';
import type { Locale } from '../i18n/field-values.ts';
import { bodyOf, type DocumentKind } from './documents.ts';
import { migrateLayout, needsLayoutMigration, rawFields, readFields, type Problem } from './project-doc.ts';
import { diffFields, type FieldChange, type RawFields } from './diff/field-diff.ts';
import { richTextJSON, type RichNode } from './diff/rich-node.ts';
import { diffRichText, type RichTextDiff } from './diff/rich-text-diff.ts';

export type { FieldChange, RawFields } from './diff/field-diff.ts';
export type { TextSegment } from './diff/inline-diff.ts';
export type { BlockChange, RichMark, RichNode } from './diff/rich-node.ts';
export type { DiffSummary, RichTextDiff } from './diff/rich-text-diff.ts';
export { diffFields } from './diff/field-diff.ts';
export { diffPlainText } from './diff/inline-diff.ts';
export { diffRichText } from './diff/rich-text-diff.ts';

export interface VersionFields {
	/** What the document held for each field, as typed (a value that breaks a rule as given). */
	raw: RawFields;
	/** The valid values, parsed. */
	values: Partial<ProjectFields>;
	/** The rule each invalid field breaks. */
	problems: Partial<Record<keyof ProjectFields, Problem>>;
}

export interface VersionContent {
	kind: DocumentKind;
	/** The rich text as the editor shows it. */
	text: RichNode;
	/** Projects only; null for the Werkagenda and a tafel's notes. */
	fields: VersionFields | null;
}

export interface VersionDiff {
	text: RichTextDiff;
	/** Projects only; empty for other kinds. */
	fields: FieldChange[];
}

/** A stored state as a document of its own. Throws on a malformed update (the caller decides what that means). */
export function docFromState(state: Uint8Array): Y.Doc {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, state);
	return doc;
}

/** The content of a document: read from a live Y.Doc too (the current state, to compare a version with). */
export function documentContent(kind: DocumentKind, doc: Y.Doc): VersionContent {
	if (kind !== 'project') return { kind, text: richTextJSON(bodyOf(doc, kind)), fields: null };
	let read = doc;
	if (needsLayoutMigration(doc)) {
		// A state written before layout 2 holds typed fields in the map: read it as migrated, on a copy.
		read = docFromState(Y.encodeStateAsUpdate(doc));
		migrateLayout(read);
	}
	const { valid, problems } = readFields(read);
	const content: VersionContent = { kind, text: richTextJSON(bodyOf(read, kind)), fields: { raw: rawFields(read), values: valid, problems } };
	if (read !== doc) read.destroy();
	return content;
}

export function readVersion(kind: DocumentKind, state: Uint8Array): VersionContent {
	const doc = docFromState(state);
	try {
		return documentContent(kind, doc);
	} finally {
		doc.destroy();
	}
}

/** Two contents compared: `before` is the older one. */
export function diffContents(before: VersionContent, after: VersionContent, locale: Locale = 'nl'): VersionDiff {
	return {
		text: diffRichText(before.text, after.text),
		fields: before.fields && after.fields ? diffFields(before.fields.raw, after.fields.raw, locale) : []
	};
}

export function diffVersions(kind: DocumentKind, before: Uint8Array, after: Uint8Array, locale: Locale = 'nl'): VersionDiff {
	return diffContents(readVersion(kind, before), readVersion(kind, after), locale);
}
