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
import { isTypedField } from './project-doc.ts';
import { richTextDoc } from './rich-text.ts';
import { setText } from './text-diff.ts';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Makes `target` read as `source` (both of `kind`), in one transaction with `origin`. */
export function restoreContent(target: Y.Doc, source: Y.Doc, kind: DocumentKind, origin: unknown): void {
	target.transact(() => {
		if (kind === 'project') {
			const from = fieldsOf(source);
			const into = fieldsOf(target);
			for (const key of FIELD_KEYS) {
				if (isTypedField(key)) {
					setText(fieldTextOf(target, key), fieldTextOf(source, key).toString());
				} else if (from.has(key)) {
					if (!same(into.get(key), from.get(key))) into.set(key, from.get(key));
				} else if (into.has(key)) {
					into.delete(key);
				}
			}
		}
		// y-tiptap's own reconciliation (the one its editor binding runs): unchanged blocks keep their items.
		updateYFragment(target, bodyOf(target, kind), richTextDoc(bodyOf(source, kind)), { mapping: new Map(), isOMark: new Map() });
	}, origin);
}
