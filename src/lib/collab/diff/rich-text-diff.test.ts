import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { diffRichText } from './rich-text-diff.ts';
import { flatten, textOf } from './flat-blocks.ts';
import type { RichNode } from './rich-node.ts';

// Random documents from a small vocabulary (so blocks share words) and random edits of them.
interface Para {
	kind: 'p' | 'h' | 'li';
	words: { text: string; bold: boolean }[];
}
const VOCABULARY = ['warmte', 'net', 'de', 'provincie', 'subsidie', 'een', 'project', 'Groningen', 'leiding', 'wijk', '2026', 'fase'];
const word = fc.record({ text: fc.constantFrom(...VOCABULARY), bold: fc.integer({ min: 0, max: 4 }).map((n) => n === 0) });
const para = fc.record({ kind: fc.constantFrom<Para['kind']>('p', 'p', 'p', 'h', 'li'), words: fc.array(word, { maxLength: 12 }) });
const edit = fc.record({ op: fc.constantFrom('insert', 'delete', 'split', 'merge', 'move', 'bold', 'add', 'remove', 'restyle'), at: fc.nat(), to: fc.nat(), word });

function applyEdit(doc: Para[], e: { op: string; at: number; to: number; word: Para['words'][number] }): Para[] {
	if (!doc.length) return [{ kind: 'p', words: [e.word] }];
	const out = doc.map((p) => ({ ...p, words: [...p.words] }));
	const i = e.at % out.length;
	const target = out[i];
	const w = target.words.length ? e.to % target.words.length : 0;
	switch (e.op) {
		case 'insert': target.words.splice(w, 0, e.word); break;
		case 'delete': target.words.splice(w, 1); break;
		case 'split': out.splice(i + 1, 0, { kind: target.kind, words: target.words.splice(w) }); break;
		case 'merge': if (i + 1 < out.length) target.words.push(...out.splice(i + 1, 1)[0].words); break;
		case 'move': out.splice(e.to % out.length, 0, ...out.splice(i, 1)); break;
		case 'bold': if (target.words[w]) target.words[w] = { ...target.words[w], bold: !target.words[w].bold }; break;
		case 'add': out.splice(i, 0, { kind: 'p', words: [e.word, e.word] }); break;
		case 'remove': out.splice(i, 1); break;
		case 'restyle': target.kind = target.kind === 'p' ? 'h' : 'p'; break;
	}
	return out;
}

/** Paragraphs as ProseMirror JSON; consecutive list paragraphs form one bullet list. */
function toDoc(paras: Para[]): RichNode {
	const content: RichNode[] = [];
	for (const p of paras) {
		const inline: RichNode[] = p.words.flatMap((w, k) => [...(k ? [{ type: 'text', text: ' ' }] : []), w.bold ? { type: 'text', text: w.text, marks: [{ type: 'bold' }] } : { type: 'text', text: w.text }]);
		const block: RichNode = p.kind === 'h' ? { type: 'heading', attrs: { level: 2 }, content: inline } : { type: 'paragraph', content: inline };
		if (!inline.length) delete block.content;
		if (p.kind !== 'li') content.push(block);
		else {
			const last = content[content.length - 1];
			const item = { type: 'listItem', content: [block] };
			if (last?.type === 'bulletList') last.content!.push(item);
			else content.push({ type: 'bulletList', content: [item] });
		}
	}
	return { type: 'doc', content };
}

const has = (node: RichNode, mark: string) => (node.marks ?? []).some((m) => m.type === mark);
const textBlocks = (node: RichNode): RichNode[] => (node.type === 'paragraph' || node.type === 'heading' ? [node] : (node.content ?? []).flatMap(textBlocks));
/** The text and bold-ness of a run of inline nodes, one string per character. */
const chars = (inline: RichNode[]) => inline.flatMap((n) => (n.type === 'text' ? [...(n.text ?? '')].map((c) => `${c}${has(n, 'bold') ? '*' : ''}`) : []));

describe('the rich-text diff on random edits', () => {
	test('reading the diff without deletions gives the new text, block by block, with its formatting', () => {
		fc.assert(
			fc.property(fc.array(para, { maxLength: 8 }), fc.array(edit, { maxLength: 6 }), (paras, edits) => {
				const after = edits.reduce(applyEdit, paras);
				const diff = diffRichText(toDoc(paras), toDoc(after));
				const shown = textBlocks(diff.doc)
					.filter((b) => b.attrs?.diff !== 'deleted' && b.attrs?.diff !== 'moved-from')
					.map((b) => chars((b.content ?? []).filter((n) => !has(n, 'deleted'))).join(''));
				expect(shown).toEqual(textBlocks(toDoc(after)).map((b) => chars(b.content ?? []).join('')));
			}),
			{ numRuns: 400 }
		);
	});

	test('reading it without insertions gives the old text, in the old order', () => {
		fc.assert(
			fc.property(fc.array(para, { maxLength: 8 }), fc.array(edit, { maxLength: 6 }), (paras, edits) => {
				const before = toDoc(paras);
				const diff = diffRichText(before, toDoc(edits.reduce(applyEdit, paras)));
				const old = textBlocks(diff.doc)
					.filter((b) => b.attrs?.diff !== 'moved-to')
					.flatMap((b) => (b.content ?? []).filter((n) => n.type === 'text' && !has(n, 'inserted')).map((n) => n.text))
					.join('');
				expect(old).toBe(flatten(before).map((b) => textOf(b.units)).join(''));
			}),
			{ numRuns: 400 }
		);
	});

	test('an unchanged document is shown as it is', () => {
		fc.assert(
			fc.property(fc.array(para, { maxLength: 8 }), (paras) => {
				const diff = diffRichText(toDoc(paras), toDoc(paras));
				expect(diff.summary.changed).toBe(false);
				expect(diff.doc).toEqual(toDoc(paras));
			})
		);
	});
});

/** The text of every node marked `mark` in a diff document, in order. */
function marked(node: RichNode, mark: string, out: string[] = []): string[] {
	if (node.type === 'text' && node.marks?.some((m) => m.type === mark)) out.push(node.text ?? '');
	for (const child of node.content ?? []) marked(child, mark, out);
	return out;
}

// Documents an attacker (or a find-and-replace) can make: they must give the right answer
// without holding the server (these took 10 to 22 seconds before the work was bounded).
describe('large documents with changes everywhere', () => {
	test('sixty long paragraphs with one word replaced in each: exactly those words are marked', () => {
		const paragraph = (i: number, word: string) => ({ type: 'paragraph', content: [{ type: 'text', text: Array.from({ length: 1000 }, (_, k) => (k === 500 ? word : `w${i}x${k}`)).join(' ') }] });
		const before: RichNode = { type: 'doc', content: Array.from({ length: 60 }, (_, i) => paragraph(i, 'oud')) };
		const after: RichNode = { type: 'doc', content: Array.from({ length: 60 }, (_, i) => paragraph(i, 'nieuw')) };
		const { doc, summary } = diffRichText(before, after);
		expect(marked(doc, 'deleted')).toEqual(Array(60).fill('oud'));
		expect(marked(doc, 'inserted')).toEqual(Array(60).fill('nieuw'));
		expect(summary.inserted).toBe(60 * 'nieuw'.length);
	});

	test('a title of 6,000 word pairs with every second word replaced: every old word deleted, every new one inserted', () => {
		const text = (prefix: string) => Array.from({ length: 6000 }, (_, i) => `w${i} ${prefix}${i}`).join(' ');
		const { doc } = diffRichText({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: text('xaaaa') }] }] }, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: text('ybbbb') }] }] });
		const deleted = marked(doc, 'deleted').join('');
		const inserted = marked(doc, 'inserted').join('');
		for (const i of [0, 2999, 5999]) {
			expect(deleted).toContain(`xaaaa${i}`);
			expect(inserted).toContain(`ybbbb${i}`);
		}
		expect(deleted).not.toMatch(/ybbbb/);
		expect(inserted).not.toMatch(/xaaaa/);
	});
});
