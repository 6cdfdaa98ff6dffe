/**
 * The notes of the public (Woo) minutes, redacted: the rich text (page, Markdown) and the
 * printable blocks (PDF, DOCX) alike, a text block at a time so that a name or an address
 * split over bold, italic or link runs is still found (see domain/redact.ts).
 */
import { isInline, type RichMark, type RichNode } from '../../collab/diff/rich-node.ts';
import { leaksAddress, type Redactor } from '../../domain/redact.ts';
import type { Block } from './blocks.ts';

/** A link mark the public variant keeps: not a mailto, no address in the href. */
const keepsMark = (mark: RichMark) => !(mark.type === 'link' && leaksAddress(String(mark.attrs?.href ?? '')));

/**
 * The notes redacted for the public variant: each text block as a whole (see redact.ts),
 * its text nodes rebuilt from the result; mailto links lose the link, keeping the text.
 */
export function redactNode(node: RichNode, redact: Redactor): RichNode {
	if (!node.content) return node;
	const children = node.content;
	const inline = children.filter(isInline);
	// A hard break reads as white space between the runs around it.
	const texts = redact.runs(inline.map((c) => (c.type === 'text' ? (c.text ?? '') : '\n')));
	let i = 0;
	const content = children.flatMap((c): RichNode[] => {
		if (!isInline(c)) return [redactNode(c, redact)];
		const text = texts[i++];
		if (!text) return [];
		if (c.type !== 'text') return [c];
		const { marks: all, ...rest } = c;
		const marks = all?.filter(keepsMark) ?? [];
		return [{ ...rest, text, ...(marks.length ? { marks } : {}) }];
	});
	return { ...node, content };
}

/** The printable blocks redacted the same way; a run that is redacted away goes. */
export function redactBlocks(blocks: Block[], redact: Redactor): Block[] {
	return blocks.map((b) => {
		const texts = redact.runs(b.runs.map((r) => r.text));
		return { ...b, runs: b.runs.flatMap((run, i) => (texts[i] ? [{ ...run, text: texts[i], href: run.href && leaksAddress(run.href) ? null : run.href }] : [])) };
	});
}
