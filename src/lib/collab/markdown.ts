/**
 * Markdown for exports: escaping typed text, the field table of a project, and rich text
 * (headings, lists, quotes, bold, italic, safe links) from ProseMirror JSON. Shared by the
 * project export on the server and the export of a version, which may run anywhere.
 */
import { FIELD_KEYS } from '../domain/project.ts';
import { fieldText, message } from '../i18n/field-values.ts';
import { isSafeUrl } from './editor.ts';
import type { RichNode } from './diff/rich-node.ts';

// User text may contain Markdown or HTML; escaped, it renders as the text that was typed.
export const escapeMarkdown = (text: string): string => text.replace(/[\\`*_{}[\]()<>#|!~]/g, '\\$&');

const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

/** One table row per filled field but the title (which heads the document), in Dutch. */
export function fieldRows(fields: Record<string, unknown>): string[] {
	const lines: string[] = [];
	for (const key of FIELD_KEYS) {
		if (key === 'title') continue;
		const value = fieldText(key, fields[key]);
		if (value === null || value === '') continue;
		const shown = typeof value === 'number' && key !== 'trlCurrent' && key !== 'trlTarget' ? euro.format(value) : String(value);
		lines.push(`| ${escapeMarkdown(message(`field_${key}`, 'nl'))} | ${escapeMarkdown(shown).replace(/\n/g, ' ')} |`);
	}
	return lines;
}

// Outermost first, so a bold link reads **[text](href)**.
const WRAP: Record<string, [string, string]> = { bold: ['**', '**'], italic: ['_', '_'], strike: ['~~', '~~'], code: ['`', '`'] };
const LIST_LINE = /^(- |\d+\. )/;
// Deeper than any list a person builds; a crafted document is cut here.
const MAX_DEPTH = 50;

function inline(nodes: RichNode[]): string {
	return nodes
		.map((node) => {
			if (node.type === 'hardBreak') return '\\\n';
			if (node.type !== 'text' || !node.text) return '';
			// Spaces stay outside the markers: "** vet**" is not bold in Markdown.
			const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(node.text)!;
			if (!core) return node.text;
			let out = escapeMarkdown(core);
			for (const mark of node.marks ?? []) {
				const wrap = WRAP[mark.type];
				if (wrap) out = `${wrap[0]}${out}${wrap[1]}`;
				const href = mark.type === 'link' ? mark.attrs?.href : null;
				if (typeof href === 'string' && isSafeUrl(href)) out = `[${out}](<${href.replace(/[<>\s]/g, encodeURIComponent)}>)`;
			}
			return `${lead}${out}${trail}`;
		})
		.join('');
}

const trimEnd = (lines: string[]): string[] => {
	let end = lines.length;
	while (end > 0 && !lines[end - 1]) end--;
	return lines.slice(0, end);
};

/** Blocks as Markdown lines, each block followed by a blank line. */
function blocks(node: RichNode, headingOffset: number, depth: number): string[] {
	if (depth > MAX_DEPTH) return [];
	const out: string[] = [];
	for (const child of node.content ?? []) {
		switch (child.type) {
			case 'heading': {
				const level = Math.min(6, (Number(child.attrs?.level) || 1) + headingOffset);
				out.push(`${'#'.repeat(level)} ${inline(child.content ?? [])}`, '');
				break;
			}
			case 'paragraph': {
				const text = inline(child.content ?? []);
				if (text.trim()) out.push(text, '');
				break;
			}
			case 'bulletList':
			case 'orderedList': {
				const start = Number(child.attrs?.start) || 1;
				(child.content ?? []).forEach((item, i) => {
					const marker = child.type === 'orderedList' ? `${start + i}. ` : '- ';
					// Tight lists: no blank line before a nested list or at the end of an item.
					const body = blocks(item, headingOffset, depth + 1).filter((line, k, all) => line || (k < all.length - 1 && all[k + 1] !== '' && !LIST_LINE.test(all[k + 1])));
					body.forEach((line, k) => out.push(k === 0 ? `${marker}${line}` : line ? `${' '.repeat(marker.length)}${line}` : ''));
				});
				out.push('');
				break;
			}
			case 'blockquote':
				out.push(...trimEnd(blocks(child, headingOffset, depth + 1)).map((line) => (line ? `> ${line}` : '>')), '');
				break;
			default:
				// A list item's own blocks, or a node the editor does not know: its text blocks only.
				out.push(...blocks(child, headingOffset, depth + 1));
		}
	}
	return out;
}

/** Rich text as Markdown; its headings are pushed down by `headingOffset` levels to sit under the document's own. */
export function richTextMarkdown(doc: RichNode, headingOffset = 0): string {
	return blocks(doc, headingOffset, 0)
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}
