/**
 * Rich text as the editor sees it, for every reader outside the editor (search text,
 * the PDF export; next the version diff and minutes). The ProseMirror schema is built
 * from the same extension list as the browser editor (`baseExtensions`), a Y.XmlFragment
 * is read into a node of that schema, and walkers switch on its node types: a node or
 * mark the editor does not know is never shown by a walker either (B4).
 */
import { getSchema } from '@tiptap/core';
import type { Mark, Node as ProseMirrorNode, Schema } from '@tiptap/pm/model';
import * as Y from 'yjs';
import { baseExtensions } from './editor.ts';

/** Every node type of the schema; a unit test fails when an extension adds one, so walkers learn of it. */
export const NODE_NAMES = ['doc', 'paragraph', 'heading', 'blockquote', 'bulletList', 'orderedList', 'listItem', 'hardBreak', 'text'] as const;
export type NodeName = (typeof NODE_NAMES)[number];
export const MARK_NAMES = ['bold', 'italic', 'underline', 'strike', 'code', 'link'] as const;
export type MarkName = (typeof MARK_NAMES)[number];

let schema: Schema | null = null;

/** The editor's schema (the placeholder text does not change it). */
export function editorSchema(): Schema {
	schema ??= getSchema(baseExtensions());
	return schema;
}

export const nodeName = (node: ProseMirrorNode): NodeName => node.type.name as NodeName;
export const hasMark = (node: ProseMirrorNode, name: MarkName): Mark | undefined => node.marks.find((mark) => mark.type.name === name);

// Deeper than any list a person builds; a crafted document is cut here rather than overflow the stack.
const MAX_DEPTH = 100;
// y-tiptap stores an overlapping mark as `name--hash`.
const HASHED_MARK = /(.*)(--[a-zA-Z0-9+/=]{8})$/;

function marksOf(attributes: Record<string, unknown> | undefined, s: Schema): Mark[] {
	return Object.entries(attributes ?? {}).map(([name, attrs]) => s.mark(HASHED_MARK.exec(name)?.[1] ?? name, attrs as Record<string, unknown>));
}

/** A text's runs as text nodes; none when one of its marks is unknown (as the editor drops it). */
function textNodes(text: Y.XmlText, s: Schema): ProseMirrorNode[] {
	try {
		return (text.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[]).map((d) => {
			if (typeof d.insert !== 'string') throw new Error('embed');
			return s.text(d.insert, marksOf(d.attributes, s));
		});
	} catch {
		return [];
	}
}

/** An element as a node, or null when the schema does not know it (as y-tiptap decides). */
function element(el: Y.XmlElement, s: Schema, depth: number): ProseMirrorNode | null {
	if (depth > MAX_DEPTH) return null;
	const children: ProseMirrorNode[] = [];
	for (const child of el.toArray()) {
		if (child instanceof Y.XmlElement) {
			const node = element(child, s, depth + 1);
			if (node) children.push(node);
		} else if (child instanceof Y.XmlText) children.push(...textNodes(child, s));
	}
	try {
		return s.node(el.nodeName, el.getAttributes(), children);
	} catch {
		return null;
	}
}

/**
 * A fragment as a document of the editor's schema, keeping what the editor would show.
 * Unlike y-tiptap's own converter this never writes: y-tiptap deletes what it cannot
 * show from the Y.Doc, and a server reading a live document must not edit it.
 */
export function richTextDoc(fragment: Y.XmlFragment): ProseMirrorNode {
	const s = editorSchema();
	const blocks = fragment.toArray().flatMap((child) => (child instanceof Y.XmlElement ? [element(child, s, 1)] : [])).filter((n) => n !== null);
	return s.topNodeType.create(null, blocks);
}

/** Plain text, blocks separated by newlines, each trimmed (for search, the Markdown export and the API). */
export function plainText(node: ProseMirrorNode): string {
	const parts: string[] = [];
	let blocks = node.childCount > 0;
	node.forEach((child) => {
		if (child.isText) blocks = false;
		parts.push(child.isText ? (child.text ?? '') : plainText(child));
	});
	return parts.join(blocks ? '\n' : '').trim();
}
