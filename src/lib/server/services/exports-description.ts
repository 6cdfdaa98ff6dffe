/**
 * A project's description as printable blocks (for the PDF export): read from the
 * stored Y.Doc, so headings, paragraphs, lists and quotes keep their shape, which the
 * plain `descriptionText` of the projects table has lost. Inline marks are reduced to
 * bold, italic and (safe) links; unknown nodes from a crafted client become plain text.
 */
import * as Y from 'yjs';
import { BODY_KEY, documentName } from '../../collab/documents.ts';
import { isSafeUrl } from '../../collab/editor.ts';
import { readDocument } from '../documents/store.ts';
import { log } from '../log.ts';

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

type Attributes = Record<string, unknown> | undefined;

function runOf(text: string, attributes: Attributes): Run {
	const link = attributes?.link as { href?: unknown } | undefined;
	const href = typeof link?.href === 'string' && isSafeUrl(link.href) ? link.href : null;
	return { text, bold: Boolean(attributes?.bold), italic: Boolean(attributes?.italic), href };
}

/** The text runs of one block (paragraph, heading); a hard break is a newline. */
function inline(node: Y.XmlElement | Y.XmlText, walk: Walk, runs: Run[] = [], nesting = 0): Run[] {
	if (nesting > MAX_NESTING) {
		walk.truncated = true;
		return runs;
	}
	const children = node instanceof Y.XmlText ? [node] : node.toArray();
	for (const child of children) {
		if (walk.left <= 0) {
			walk.truncated = true;
			break;
		}
		if (child instanceof Y.XmlText) {
			for (const d of child.toDelta() as { insert?: unknown; attributes?: Attributes }[]) {
				if (typeof d.insert !== 'string' || walk.left <= 0) continue;
				const text = d.insert.slice(0, walk.left);
				walk.left -= text.length;
				if (text.length < d.insert.length) walk.truncated = true;
				runs.push(runOf(text, d.attributes));
			}
		} else if (child instanceof Y.XmlElement) {
			if (child.nodeName === 'hardBreak') runs.push({ text: '\n', bold: false, italic: false, href: null });
			else inline(child, walk, runs, nesting + 1);
		}
	}
	return runs;
}

function paragraph(node: Y.XmlElement | Y.XmlText, walk: Walk, ctx: Context): void {
	const runs = inline(node, walk);
	walk.blocks.push({ kind: 'paragraph', runs, depth: ctx.depth, marker: ctx.marker.text, quote: ctx.quote });
	// Only a list item's first paragraph carries its bullet or number.
	ctx.marker.text = null;
}

function list(node: Y.XmlElement, walk: Walk, ctx: Context, ordered: boolean): void {
	const start = Number(node.getAttribute('start')) || 1;
	node.toArray().forEach((item, i) => {
		const marker = ordered ? `${start + i}.` : ctx.depth % 2 === 0 ? '•' : '–';
		const inner: Context = { ...ctx, depth: ctx.depth + 1, marker: { text: marker }, nesting: ctx.nesting + 1 };
		if (item instanceof Y.XmlElement) blocks(item, walk, inner);
		else paragraph(item as Y.XmlText, walk, inner);
	});
}

function blocks(node: Y.XmlFragment | Y.XmlElement, walk: Walk, ctx: Context): void {
	if (ctx.nesting > MAX_NESTING) {
		walk.truncated = true;
		return;
	}
	for (const child of node.toArray()) {
		if (walk.left <= 0) {
			walk.truncated = true;
			return;
		}
		if (child instanceof Y.XmlText) {
			paragraph(child, walk, ctx);
			continue;
		}
		if (!(child instanceof Y.XmlElement)) continue;
		const nested = { ...ctx, nesting: ctx.nesting + 1 };
		switch (child.nodeName) {
			case 'heading': {
				const level = Math.min(3, Math.max(1, Number(child.getAttribute('level')) || 1)) as 1 | 2 | 3;
				walk.blocks.push({ kind: 'heading', level, runs: inline(child, walk) });
				break;
			}
			case 'paragraph':
				paragraph(child, walk, ctx);
				break;
			case 'bulletList':
			case 'orderedList':
				list(child, walk, nested, child.nodeName === 'orderedList');
				break;
			case 'blockquote':
				blocks(child, walk, { ...nested, quote: true });
				break;
			default:
				// listItem and anything unknown: a container of blocks, or a paragraph if it holds text itself.
				if (child.toArray().some((c) => c instanceof Y.XmlText)) paragraph(child, walk, ctx);
				else blocks(child, walk, nested);
		}
	}
}

/** The blocks of a project document's description, at most `limit` characters of text. */
export function descriptionBlocks(doc: Y.Doc, limit: number): Description {
	const walk: Walk = { blocks: [], left: limit, truncated: false };
	blocks(doc.getXmlFragment(BODY_KEY.project), walk, { depth: 0, quote: false, marker: { text: null }, nesting: 0 });
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

/**
 * The description as stored: the compacted state plus the update log, which is what
 * the editors were shown as "Opgeslagen". Falls back to the projected plain text.
 */
export async function storedDescription(projectId: string, fallbackText: string, limit: number): Promise<Description> {
	const name = documentName.project(projectId);
	try {
		const doc = await readDocument(name);
		if (!doc) return paragraphBlocks(fallbackText, limit);
		try {
			return descriptionBlocks(doc, limit);
		} finally {
			doc.destroy();
		}
	} catch (err) {
		log.warn({ doc: name, err: String(err) }, 'description not readable for export, using plain text');
		return paragraphBlocks(fallbackText, limit);
	}
}
