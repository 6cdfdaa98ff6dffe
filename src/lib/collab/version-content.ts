/** What a stored version holds, read without the editor: the fields as typed and the text. */
import * as Y from 'yjs';
import type { FieldKey } from '../domain/project.ts';
import { bodyOf, type DocumentKind } from './documents.ts';
import { rawFields } from './project-doc.ts';
import { plainText, richTextDoc } from './rich-text.ts';

export interface VersionContent {
	/** A project's fields as the document holds them (null for documents without fields). */
	fields: Partial<Record<FieldKey, unknown>> | null;
	/** The rich text as plain text, blocks on their own lines. */
	text: string;
	/** The rich text as ProseMirror JSON of the editor's schema. */
	body: Record<string, unknown>;
}

export function versionContent(state: Uint8Array, kind: DocumentKind): VersionContent {
	const doc = new Y.Doc();
	try {
		Y.applyUpdate(doc, state);
		const body = richTextDoc(bodyOf(doc, kind));
		return { fields: kind === 'project' ? rawFields(doc) : null, text: plainText(body), body: body.toJSON() as Record<string, unknown> };
	} finally {
		doc.destroy();
	}
}
