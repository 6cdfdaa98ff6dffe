/**
 * Writing an old version's content into a live document as one new change: what differs
 * is changed, what is equal is left alone. Every connected editor receives it as an
 * ordinary update and keeps typing (a paragraph nobody restored keeps its Yjs items, so
 * a colleague's caret and typing in it survive), and offline edits merge on top.
 */
import * as Y from 'yjs';
import { updateYFragment } from '@tiptap/y-tiptap';
import { FIELD_KEYS } from '../domain/project.ts';
import { bodyOf, fieldsOf, fieldTextOf, type DocumentKind } from './documents.ts';
import { isTypedField, migrateLayout, needsLayoutMigration } from './project-doc.ts';
import { richTextDoc } from './rich-text.ts';
import { setText } from './text-diff.ts';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/** A field's value as plain data: a Yjs type (a crafted client can put one in) belongs to its own document and is copied as JSON. */
const plain = (value: unknown) => (value instanceof Y.AbstractType ? (value.toJSON() as unknown) : value);

/** Writes `source`'s content into `target` (both of `kind`). */
function write(target: Y.Doc, source: Y.Doc, kind: DocumentKind): void {
	if (kind === 'project') {
		const from = fieldsOf(source);
		const into = fieldsOf(target);
		for (const key of FIELD_KEYS) {
			if (isTypedField(key)) {
				setText(fieldTextOf(target, key), fieldTextOf(source, key).toString());
			} else if (from.has(key)) {
				const value = plain(from.get(key));
				if (!same(plain(into.get(key)), value)) into.set(key, value);
			} else if (into.has(key)) {
				into.delete(key);
			}
		}
	}
	// y-tiptap's own reconciliation (the one its editor binding runs): unchanged blocks keep their items.
	updateYFragment(target, bodyOf(target, kind), richTextDoc(bodyOf(source, kind)), { mapping: new Map(), isOMark: new Map() });
}

/**
 * Makes `target` read as `source` (both of `kind`), as one change with `origin`. Written
 * into a copy first and applied as one update: a version that cannot be written (odd
 * content from a crafted client) changes nothing, instead of half a restore that editors
 * already received. A version of a project from before the current layout is read in
 * the current layout (its typed fields were values then).
 */
export function restoreContent(target: Y.Doc, source: Y.Doc, kind: DocumentKind, origin: unknown): void {
	if (kind === 'project' && needsLayoutMigration(source)) migrateLayout(source);
	const scratch = new Y.Doc({ gc: target.gc });
	try {
		Y.applyUpdate(scratch, Y.encodeStateAsUpdate(target));
		scratch.transact(() => write(scratch, source, kind));
		Y.applyUpdate(target, Y.encodeStateAsUpdate(scratch, Y.encodeStateVector(target)), origin);
	} finally {
		scratch.destroy();
	}
}
