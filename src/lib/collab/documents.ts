/**
 * The one place that knows which collaborative documents exist and how each is laid
 * out in Yjs. Browser, server, seed scripts, exports and tests all import this.
 *
 * Names: `werkagenda:<id>` (platform-wide notes), `project:<id>`, `tafel:<id>:notes`.
 */
import type * as Y from 'yjs';
import type { DocumentKind } from '../domain/permissions.ts';

export type { DocumentKind };

export interface DocumentRef {
	name: string;
	kind: DocumentKind;
	/** The id of the thing the document belongs to (project id, tafel id, werkagenda id). */
	id: string;
}

const ID = '[a-z0-9][a-z0-9-]{0,63}';
const PATTERNS: [DocumentKind, RegExp][] = [
	['werkagenda', new RegExp(`^werkagenda:(${ID})$`)],
	['project', new RegExp(`^project:(${ID})$`)],
	['tafel-notes', new RegExp(`^tafel:(${ID}):notes$`)]
];

/** Parses a document name; anything not of a known kind is null (and refused). */
export function parseDocumentName(name: string): DocumentRef | null {
	if (typeof name !== 'string' || name.length > 100) return null;
	for (const [kind, pattern] of PATTERNS) {
		const match = pattern.exec(name);
		if (match) return { name, kind, id: match[1] };
	}
	return null;
}

export const documentName = {
	werkagenda: (id = 'platform') => `werkagenda:${id}`,
	project: (id: string) => `project:${id}`,
	tafelNotes: (id: string) => `tafel:${id}:notes`
};

/** Key of the rich-text body (a Y.XmlFragment edited by TipTap) in every kind. */
export const BODY_KEY: Record<DocumentKind, string> = {
	werkagenda: 'body',
	project: 'description',
	'tafel-notes': 'body'
};

/** Key of the Y.Map holding structured fields (projects only). */
export const FIELDS_KEY = 'fields';

export function bodyOf(doc: Y.Doc, kind: DocumentKind): Y.XmlFragment {
	return doc.getXmlFragment(BODY_KEY[kind]);
}

export function fieldsOf(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap(FIELDS_KEY);
}
