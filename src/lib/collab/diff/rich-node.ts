/**
 * Rich text as ProseMirror JSON (what `Node.toJSON()` gives), the form in which a version's
 * text travels to the browser and is rendered read-only. A diff is the same shape with
 * extra marks (`inserted`, `deleted`, `formatChanged`), an inline `diffBreak` node and
 * `diff*` attributes on blocks; see version-diff.ts.
 */
import type * as Y from 'yjs';
import { richTextDoc } from '../rich-text.ts';

export interface RichMark {
	type: string;
	attrs?: Record<string, unknown>;
}

export interface RichNode {
	type: string;
	attrs?: Record<string, unknown>;
	content?: RichNode[];
	marks?: RichMark[];
	text?: string;
}

/** A Y.XmlFragment as JSON of the editor's schema (only what the editor would show). */
export function richTextJSON(fragment: Y.XmlFragment): RichNode {
	return richTextDoc(fragment).toJSON() as RichNode;
}

/** Blocks that hold text directly; everything else with content holds blocks. */
export const TEXT_BLOCKS: ReadonlySet<string> = new Set(['paragraph', 'heading']);

/** The inline nodes of the schema besides text. */
export const isInline = (node: RichNode): boolean => node.type === 'text' || node.type === 'hardBreak' || node.type === 'diffBreak';

/** Mark types a diff adds; they are not part of the editor's schema. */
export const DIFF_MARKS = ['inserted', 'deleted', 'formatChanged'] as const;
export type DiffMarkName = (typeof DIFF_MARKS)[number];

/** What a diff says about a block (attribute `diff`) or a container all of whose blocks agree. */
export type BlockChange = 'inserted' | 'deleted' | 'changed' | 'moved-from' | 'moved-to' | 'split' | 'merged';
