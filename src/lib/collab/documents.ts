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

/** The platform's one Werkagenda: the only werkagenda document that exists. */
export const WERKAGENDA_ID = 'platform';

export const documentName = {
	werkagenda: (id = WERKAGENDA_ID) => `werkagenda:${id}`,
	project: (id: string) => `project:${id}`,
	tafelNotes: (id: string) => `tafel:${id}:notes`
};

/** Key of the rich-text body (a Y.XmlFragment edited by TipTap) in every kind. */
export const BODY_KEY: Record<DocumentKind, string> = {
	werkagenda: 'body',
	project: 'description',
	'tafel-notes': 'body'
};

/**
 * Key of the Y.Map holding the structured fields that are values: choices, numbers,
 * months (projects only). Since layout 2, fields a person types text into are not in
 * it: each is its own root `Y.Text` (see `fieldTextKey`), so two people typing in one
 * field merge character by character instead of one overwriting the other.
 */
export const FIELDS_KEY = 'fields';

/** Root Y.Text holding one typed field of a project (layout 2). Root types cannot be created twice concurrently. */
export const fieldTextKey = (key: string) => `field:${key}`;

/**
 * Y.Map in every kind where each browser counts its deletion-only edits under its own
 * client id, so that "Opgeslagen" can wait for them (browser/deletion-mark.ts). Nothing
 * reads the values.
 */
export const DELETION_MARK_KEY = 'saved';

/** Y.Map with document metadata: `layout` is the layout version the content is written in. */
export const META_KEY = 'meta';

/**
 * The current layout version of each kind. A browser says which layout it writes in
 * (`?layout=` on the websocket URL); the server refuses an older one with
 * `CloseCode.Outdated`, so a tab left open across an upgrade cannot write the old layout.
 * project 1 → 2: typed fields moved from the fields map into their own Y.Text.
 */
export const LAYOUT_VERSION: Record<DocumentKind, number> = { werkagenda: 1, project: 2, 'tafel-notes': 1 };

/** The websocket URL parameter that carries the browser's layout version. */
export const LAYOUT_PARAM = 'layout';

export function bodyOf(doc: Y.Doc, kind: DocumentKind): Y.XmlFragment {
	return doc.getXmlFragment(BODY_KEY[kind]);
}

export function fieldsOf(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap(FIELDS_KEY);
}

export function fieldTextOf(doc: Y.Doc, key: string): Y.Text {
	return doc.getText(fieldTextKey(key));
}

export function metaOf(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap(META_KEY);
}
