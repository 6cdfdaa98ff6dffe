/**
 * A project's description as printable blocks (for the PDF export): headings,
 * paragraphs, lists and quotes keep their shape, which the plain `descriptionText` of
 * the projects table has lost. The document is read with the editor's schema
 * (lib/collab/rich-text.ts), so only what the editor shows is printed; inline marks are
 * reduced to bold, italic and (safe) links.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type * as Y from 'yjs';
import { BODY_KEY, type DocumentKind } from '../../collab/documents.ts';
import { isSafeUrl } from '../../collab/editor.ts';
import { hasMark, nodeName, richTextDoc } from '../../collab/rich-text.ts';

export interface Run {
	text: string;
	bold: boolean;
	italic: boolean;
	href: string | null;
}

export type Block =
	| { kind: 'heading'; level: 1 | 2 | 3; runs: Run[] }
	| { kind: 'paragraph'; runs: Run[]; depth: number; marker: string | null; quote: boolean };

export interface Description {
	blocks: Block[];
	/** True when the text was cut at the character limit (or nested absurdly deep). */
	truncated: boolean;
}

// Deeper than this only a crafted document goes; it is cut rather than recursed into.
const MAX_NESTING = 24;

interface Walk {
	blocks: Block[];
	left: number;
	truncated: boolean;
}
interface Context {
	depth: number;
	quote: boolean;
	marker: { text: string | null };
	nesting: number;
}

function runOf(node: ProseMirrorNode, text: string): Run {
	const href: unknown = hasMark(node, 'link')?.attrs.href;
	return { text, bold: Boolean(hasMark(node, 'bold')), italic: Boolean(hasMark(node, 'italic')), href: typeof href === 'string' && isSafeUrl(href) ? href : null };
}

/** The text runs of one block (paragraph, heading); a hard break is a newline. */
function inline(node: ProseMirrorNode, walk: Walk, runs: Run[] = []): Run[] {
	for (let i = 0; i < node.childCount; i++) {
		const child = node.child(i);
		if (walk.left <= 0) {
			walk.truncated = true;
			break;
		}
		if (child.isText) {
			const text = (child.text ?? '').slice(0, walk.left);
			walk.left -= text.length;
			if (text.length < (child.text ?? '').length) walk.truncated = true;
			runs.push(runOf(child, text));
		} else if (nodeName(child) === 'hardBreak') runs.push({ text: '\n', bold: false, italic: false, href: null });
	}
	return runs;
}

function paragraph(node: ProseMirrorNode, walk: Walk, ctx: Context): void {
	walk.blocks.push({ kind: 'paragraph', runs: inline(node, walk), depth: ctx.depth, marker: ctx.marker.text, quote: ctx.quote });
	// Only a list item's first paragraph carries its bullet or number.
	ctx.marker.text = null;
}

function list(node: ProseMirrorNode, walk: Walk, ctx: Context, ordered: boolean): void {
	const start = Number(node.attrs.start) || 1;
	node.forEach((item, _offset, i) => {
		const marker = ordered ? `${start + i}.` : ctx.depth % 2 === 0 ? '•' : '–';
		blocks(item, walk, { ...ctx, depth: ctx.depth + 1, marker: { text: marker }, nesting: ctx.nesting + 1 });
	});
}

function blocks(node: ProseMirrorNode, walk: Walk, ctx: Context): void {
	if (ctx.nesting > MAX_NESTING) {
		walk.truncated = true;
		return;
	}
	for (let i = 0; i < node.childCount; i++) {
		const child = node.child(i);
		if (walk.left <= 0) {
			walk.truncated = true;
			return;
		}
		const nested = { ...ctx, nesting: ctx.nesting + 1 };
		const name = nodeName(child);
		switch (name) {
			case 'heading': {
				const level = Math.min(3, Math.max(1, Number(child.attrs.level) || 1)) as 1 | 2 | 3;
				walk.blocks.push({ kind: 'heading', level, runs: inline(child, walk) });
				break;
			}
			case 'paragraph':
				paragraph(child, walk, ctx);
				break;
			case 'bulletList':
			case 'orderedList':
				list(child, walk, nested, name === 'orderedList');
				break;
			case 'blockquote':
				blocks(child, walk, { ...nested, quote: true });
				break;
			case 'listItem':
			case 'doc':
				blocks(child, walk, nested);
				break;
			case 'hardBreak':
			case 'text':
				// Inline content directly in a block container: the schema does not allow it, the editor shows nothing.
				break;
			default:
				name satisfies never;
		}
	}
}

/** The blocks of a document's rich text (a project's description, a tafel's notes), at most `limit` characters of text. */
export function descriptionBlocks(doc: Y.Doc, limit: number, kind: DocumentKind = 'project'): Description {
	const walk: Walk = { blocks: [], left: limit, truncated: false };
	blocks(richTextDoc(doc.getXmlFragment(BODY_KEY[kind])), walk, { depth: 0, quote: false, marker: { text: null }, nesting: 0 });
	const nonEmpty = walk.blocks.filter((b) => b.runs.some((r) => r.text.trim()));
	return { blocks: nonEmpty, truncated: walk.truncated };
}

/** Plain paragraphs as blocks: the fallback when the stored document cannot be read. */
export function paragraphBlocks(text: string, limit: number): Description {
	const cut = text.slice(0, limit);
	const blocks: Block[] = cut
		.split('\n')
		.filter((p) => p.trim())
		.map((p) => ({ kind: 'paragraph', runs: [{ text: p, bold: false, italic: false, href: null }], depth: 0, marker: null, quote: false }));
	return { blocks, truncated: cut.length < text.length };
}
