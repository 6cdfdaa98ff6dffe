/**
 * What RichTextView needs besides markup: inline nodes grouped by their change (so a
 * screen reader hears "toegevoegd: … einde toegevoegd" once per run, not per word), the
 * words for a formatting change and a former style, and which links may be shown.
 */
import { m } from '$lib/paraglide/messages.js';
import { isSafeUrl } from '$lib/collab/editor';
import type { RichMark, RichNode } from '$lib/collab/version-diff';

export type InlineChange = 'inserted' | 'deleted' | 'formatChanged' | null;

export interface InlineGroup {
	change: InlineChange;
	nodes: RichNode[];
	/** For a formatting change: what changed, in words ("vet erbij"). */
	format?: string;
}

const changeOf = (node: RichNode): InlineChange => {
	for (const mark of node.marks ?? []) if (mark.type === 'inserted' || mark.type === 'deleted' || mark.type === 'formatChanged') return mark.type;
	return null;
};

const MARK_WORDS: Record<string, () => string> = { bold: m.diff_mark_bold, italic: m.diff_mark_italic, underline: m.diff_mark_underline, strike: m.diff_mark_strike, code: m.diff_mark_code, link: m.diff_mark_link };
const markWord = (type: string): string => MARK_WORDS[type]?.() ?? type;

/** "vet erbij, cursief eraf": the words for one formatting change. */
export function formatChangeText(mark: RichMark | undefined): string {
	const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
	const added = list(mark?.attrs?.added).map((type) => m.diff_format_added({ mark: markWord(type) }));
	const removed = list(mark?.attrs?.removed).map((type) => m.diff_format_removed({ mark: markWord(type) }));
	return [...added, ...removed].join(', ');
}

/** Neighbouring inline nodes with the same change; a paragraph break of a split or merge stands alone. */
export function inlineGroups(content: RichNode[] | undefined): InlineGroup[] {
	const groups: InlineGroup[] = [];
	for (const node of content ?? []) {
		const change = node.type === 'diffBreak' ? null : changeOf(node);
		const format = change === 'formatChanged' ? formatChangeText(node.marks?.find((mk) => mk.type === 'formatChanged')) : undefined;
		const last = groups[groups.length - 1];
		if (last && node.type !== 'diffBreak' && last.nodes[0]?.type !== 'diffBreak' && last.change === change && last.format === format) last.nodes.push(node);
		else groups.push({ change, nodes: [node], format });
	}
	return groups;
}

/** The formatting marks of a text node, outermost first, without the diff's own and without unsafe links. */
export function displayMarks(node: RichNode): RichMark[] {
	const order = ['link', 'bold', 'italic', 'underline', 'strike', 'code'];
	return (node.marks ?? [])
		.filter((mark) => order.includes(mark.type) && (mark.type !== 'link' || (typeof mark.attrs?.href === 'string' && isSafeUrl(mark.attrs.href))))
		.sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
}

const STYLE_WORDS: Record<string, () => string> = { paragraph: m.diff_style_paragraph, bulletList: m.diff_style_bulletList, orderedList: m.diff_style_orderedList, blockquote: m.diff_style_blockquote };

/** The words for a block's former style ('heading-2' → "kop 2"). */
export function styleLabel(style: unknown): string {
	const text = String(style ?? '');
	const heading = /^heading-(\d)$/.exec(text);
	if (heading) return m.diff_style_heading({ level: heading[1] });
	return STYLE_WORDS[text]?.() ?? text;
}

/** Whether a document holds any diff marks or block changes (to show the legend). */
export function hasChanges(node: RichNode): boolean {
	if (node.attrs?.diff || node.type === 'diffBreak' || changeOf(node)) return true;
	return (node.content ?? []).some(hasChanges);
}
