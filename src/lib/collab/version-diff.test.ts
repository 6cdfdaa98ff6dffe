import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { editorSchema } from './rich-text.ts';
import { BODY_KEY, type DocumentKind } from './documents.ts';
import { writeFields } from './project-doc.ts';
import { diffPlainText, diffVersions, readVersion, type RichNode } from './version-diff.ts';
import type { ProjectFields } from '../domain/project.ts';

// Documents are written the way the browser editor writes them (y-tiptap from ProseMirror JSON).
type Inline = string | RichNode;
const text = (t: string, ...marks: string[]): RichNode => (marks.length ? { type: 'text', text: t, marks: marks.map((type) => ({ type })) } : { type: 'text', text: t });
const inline = (parts: Inline[]): RichNode[] => parts.map((p) => (typeof p === 'string' ? text(p) : p));
const p = (...parts: Inline[]): RichNode => ({ type: 'paragraph', content: inline(parts).filter((n) => n.text !== '') });
const h = (level: number, t: string): RichNode => ({ type: 'heading', attrs: { level }, content: [text(t)] });
const li = (...blocks: RichNode[]): RichNode => ({ type: 'listItem', content: blocks });
const ul = (...items: string[]): RichNode => ({ type: 'bulletList', content: items.map((t) => li(p(t))) });

function state(kind: DocumentKind, blocks: RichNode[], fields: Partial<ProjectFields> = {}): Uint8Array {
	const doc = new Y.Doc();
	prosemirrorJSONToYXmlFragment(editorSchema(), { type: 'doc', content: blocks }, doc.getXmlFragment(BODY_KEY[kind]));
	if (kind === 'project') writeFields(doc, fields);
	return Y.encodeStateAsUpdate(doc);
}

/**
 * A diff as lines a person can check: one per text block, `type(change)` then the text
 * with [+inserted+], [-deleted-], [~reformatted~] and ¶+ / ¶- for paragraph breaks
 * added or removed; list items are indented and show their own change.
 */
function lines(node: RichNode, depth = 0): string[] {
	if (node.type === 'paragraph' || node.type === 'heading') {
		const tag = `${node.type === 'heading' ? `h${node.attrs?.level}` : 'p'}${node.attrs?.diff ? `(${node.attrs.diff}${node.attrs.diffMove ? `#${node.attrs.diffMove}` : ''}${node.attrs.diffFrom ? ` was ${node.attrs.diffFrom}` : ''})` : ''}`;
		const body = (node.content ?? [])
			.map((n) => {
				if (n.type === 'diffBreak') return n.attrs?.change === 'inserted' ? '¶+' : '¶-';
				const t = n.type === 'hardBreak' ? '↵' : (n.text ?? '');
				const marks = (n.marks ?? []).map((m) => m.type);
				if (marks.includes('inserted')) return `[+${t}+]`;
				if (marks.includes('deleted')) return `[-${t}-]`;
				if (marks.includes('formatChanged')) return `[~${t}~]`;
				return t;
			})
			.join('');
		return [`${'  '.repeat(depth)}${tag}: ${body}`];
	}
	const own = node.type === 'listItem' ? [`${'  '.repeat(depth)}li${node.attrs?.diff ? `(${node.attrs.diff})` : ''}`] : [];
	return [...own, ...(node.content ?? []).flatMap((child) => lines(child, depth + (node.type === 'listItem' ? 1 : 0)))];
}

const textDiff = (before: RichNode[], after: RichNode[]) => diffVersions('werkagenda', state('werkagenda', before), state('werkagenda', after)).text;

describe('the text diff of two versions', () => {
	test('the same text shows no change', () => {
		const blocks = [h(2, 'Aanpak'), p('Wij bouwen een ', text('warmtenet', 'bold'), '.'), ul('een', 'twee')];
		const diff = textDiff(blocks, blocks);
		expect(diff.summary.changed).toBe(false);
		expect(lines(diff.doc)).toEqual(['h2: Aanpak', 'p: Wij bouwen een warmtenet.', 'li', '  p: een', 'li', '  p: twee']);
	});

	test('inserted words are marked inside the paragraph, the rest untouched', () => {
		const diff = textDiff([p('Het warmtenet levert warmte aan woningen.')], [p('Het nieuwe warmtenet levert duurzame warmte aan woningen.')]);
		expect(lines(diff.doc)).toEqual(['p(changed): Het [+nieuwe +]warmtenet levert [+duurzame +]warmte aan woningen.']);
		expect(diff.summary).toMatchObject({ inserted: 'nieuwe '.length + 'duurzame '.length, deleted: 0, changed: true });
	});

	test('deleted words stay where they were, struck out', () => {
		const diff = textDiff([p('Wij starten in 2026 met drie partners.'), p('Tweede alinea.')], [p('Wij starten met drie partners.'), p('Tweede alinea.')]);
		expect(lines(diff.doc)).toEqual(['p(changed): Wij starten [-in 2026 -]met drie partners.', 'p: Tweede alinea.']);
		expect(diff.summary.deleted).toBe('in 2026 '.length);
	});

	test('a replaced phrase reads as one deletion and one insertion, not word by word', () => {
		const diff = textDiff([p('Dit is de grote kat van ons.')], [p('Dit is een kleine hond van ons.')]);
		expect(lines(diff.doc)).toEqual(['p(changed): Dit is [-de grote kat-][+een kleine hond+] van ons.']);
	});

	test('a deleted and an inserted paragraph are whole blocks', () => {
		const diff = textDiff([p('Een.'), p('Weg ermee.'), p('Drie.')], [p('Een.'), p('Drie.'), p('Nieuw slot.')]);
		expect(lines(diff.doc)).toEqual(['p: Een.', 'p(deleted): [-Weg ermee.-]', 'p: Drie.', 'p(inserted): [+Nieuw slot.+]']);
	});

	test('a moved paragraph is shown as moved away and moved here, its text not re-inserted', () => {
		const moved = 'De subsidie wordt in twee tranches uitgekeerd.';
		const diff = textDiff([p(moved), p('Eerste punt.'), p('Tweede punt.')], [p('Eerste punt.'), p('Tweede punt.'), p(moved)]);
		expect(lines(diff.doc)).toEqual([`p(moved-from#1): [-${moved}-]`, 'p: Eerste punt.', 'p: Tweede punt.', `p(moved-to#1): ${moved}`]);
		expect(diff.summary).toMatchObject({ moved: 1, inserted: 0, deleted: 0 });
	});

	test('a paragraph moved and edited a little is still a move, with its edit marked', () => {
		const before = 'De provincie Groningen financiert de haalbaarheidsstudie voor het warmtenet in Oost.';
		const after = 'De provincie Groningen financiert de volledige haalbaarheidsstudie voor het warmtenet in Oost.';
		const diff = textDiff([p(before), p('Midden een.'), p('Midden twee.'), p('Midden drie.')], [p('Midden een.'), p('Midden twee.'), p('Midden drie.'), p(after)]);
		expect(lines(diff.doc)).toEqual([`p(moved-from#1): [-${before}-]`, 'p: Midden een.', 'p: Midden twee.', 'p: Midden drie.', 'p(moved-to#1): De provincie Groningen financiert de [+volledige +]haalbaarheidsstudie voor het warmtenet in Oost.']);
	});

	test('a split paragraph shows a new paragraph break, not its text deleted and inserted', () => {
		const diff = textDiff([p('Eerst bouwen we de leiding. Daarna sluiten we de woningen aan.'), p('Slot.')], [p('Eerst bouwen we de leiding. '), p('Daarna sluiten we de woningen aan.'), p('Slot.')]);
		expect(lines(diff.doc)).toEqual(['p(split): Eerst bouwen we de leiding. ¶+', 'p(split): Daarna sluiten we de woningen aan.', 'p: Slot.']);
		expect(diff.summary).toMatchObject({ split: 1, inserted: 0, deleted: 0 });
	});

	test('a split with an edit on either side marks the edit and the break', () => {
		const diff = textDiff([p('Eerst bouwen we de leiding en daarna sluiten we de woningen aan.')], [p('Eerst bouwen we de leiding.'), p('Daarna sluiten we alle woningen aan.')]);
		expect(lines(diff.doc)).toEqual(['p(split): Eerst bouwen we de leiding[- en daarna -][+.+]¶+', 'p(split): [+Daarna +]sluiten we [-de-][+alle+] woningen aan.']);
	});

	test('two paragraphs joined show the removed break', () => {
		const diff = textDiff([p('Eerst de leiding.'), p('Dan de woningen.')], [p('Eerst de leiding. Dan de woningen.')]);
		expect(lines(diff.doc)).toEqual(['p(merged): Eerst de leiding.¶-[+ +]Dan de woningen.']);
		expect(diff.summary.merged).toBe(1);
	});

	test('bold added to words already there is a formatting change, not a new text', () => {
		const diff = textDiff([p('Het budget is vastgesteld.')], [p('Het budget is ', text('vastgesteld', 'bold'), '.')]);
		expect(lines(diff.doc)).toEqual(['p(changed): Het budget is [~vastgesteld~].']);
		const changed = diff.doc.content![0].content![1];
		expect(changed.marks).toEqual([{ type: 'bold' }, { type: 'formatChanged', attrs: { added: ['bold'], removed: [] } }]);
		expect(diff.summary).toMatchObject({ formatChanges: 'vastgesteld'.length, inserted: 0, deleted: 0 });
	});

	test('a paragraph made a heading says what it was', () => {
		const diff = textDiff([p('Aanpak'), p('Tekst.')], [h(2, 'Aanpak'), p('Tekst.')]);
		expect(lines(diff.doc)).toEqual(['h2(changed was paragraph): Aanpak', 'p: Tekst.']);
		expect(diff.summary.restyled).toBe(1);
	});

	test('a list item added appears inside the same list, the item itself marked', () => {
		const diff = textDiff([ul('Gemeente Groningen', 'Provincie Groningen')], [ul('Gemeente Groningen', 'Provincie Groningen', 'Waterschap Noorderzijlvest')]);
		expect(lines(diff.doc)).toEqual(['li', '  p: Gemeente Groningen', 'li', '  p: Provincie Groningen', 'li(inserted)', '  p(inserted): [+Waterschap Noorderzijlvest+]']);
		expect(diff.doc.content).toHaveLength(1);
	});

	test('a list item removed stays in its list, marked as deleted', () => {
		const diff = textDiff([ul('een', 'twee', 'drie')], [ul('een', 'drie')]);
		expect(diff.doc.content).toHaveLength(1);
		expect(lines(diff.doc)).toEqual(['li', '  p: een', 'li(deleted)', '  p(deleted): [-twee-]', 'li', '  p: drie']);
	});

	test('a link whose address changed is a formatting change of its words', () => {
		const link = (href: string): RichNode => ({ type: 'text', text: 'de website', marks: [{ type: 'link', attrs: { href, target: null, rel: 'noopener noreferrer nofollow', class: null } }] });
		const diff = textDiff([p('Zie ', link('https://oud.example.nl'), '.')], [p('Zie ', link('https://nieuw.example.nl'), '.')]);
		expect(lines(diff.doc)).toEqual(['p(changed): Zie [~de website~].']);
		const marks = diff.doc.content![0].content![1].marks!;
		expect(marks.find((m) => m.type === 'formatChanged')?.attrs).toEqual({ added: ['link'], removed: ['link'] });
		expect(marks.find((m) => m.type === 'link')?.attrs?.href).toBe('https://nieuw.example.nl');
	});

	test('a thousand paragraphs with a few edits diff quickly and exactly', () => {
		const before = Array.from({ length: 1000 }, (_, i) => p(`Alinea ${i} over het project met wat tekst erbij.`));
		const after = [...before];
		after[10] = p('Alinea 10 over het grote project met wat tekst erbij.');
		after.splice(500, 1);
		after.push(p('Een nieuw slot.'));
		const started = performance.now();
		const diff = textDiff(before, after);
		expect(performance.now() - started).toBeLessThan(5000);
		const changed = lines(diff.doc).filter((l) => !l.startsWith('p: '));
		expect(changed).toEqual(['p(changed): Alinea 10 over het [+grote +]project met wat tekst erbij.', 'p(deleted): [-Alinea 500 over het project met wat tekst erbij.-]', 'p(inserted): [+Een nieuw slot.+]']);
	});
});

describe('the table of changed fields', () => {
	const before: Partial<ProjectFields> = {
		title: 'Warmtenet Oost (fictief)', status: 'idee', provinces: ['NL-GR', 'NL-DR'], themeId: 'energie-klimaat',
		totalBudget: 1_000_000, partners: ['Gemeente A'], periodStart: '2026-03', summary: 'Een warmtenet voor de wijk.'
	};
	const fieldDiff = (after: Partial<ProjectFields>, locale: 'nl' | 'en' = 'nl') =>
		diffVersions('project', state('project', [p('Tekst.')], before), state('project', [p('Tekst.')], { ...before, ...after }), locale).fields;

	test('lists only the fields that changed, in the order of the form', () => {
		const changes = fieldDiff({ status: 'verkenning', totalBudget: 1_250_000, partners: ['Gemeente A', 'ROM B'], title: 'Warmtenet Oost-Groningen (fictief)' });
		expect(changes.map((c) => c.key)).toEqual(['title', 'partners', 'totalBudget', 'status']);
	});

	test('shows a choice by its label, in the reader\'s language', () => {
		const [nl] = fieldDiff({ status: 'verkenning' });
		expect(nl).toMatchObject({ key: 'status', before: 'idee', after: 'verkenning', beforeText: 'Idee', afterText: 'Verkenning' });
		expect(fieldDiff({ status: 'verkenning' }, 'en')[0]).toMatchObject({ beforeText: 'Idea', afterText: 'Exploration' });
		expect(fieldDiff({ provinces: ['NL-GR', 'NL-DR', 'NL-FR'] })[0]).toMatchObject({ key: 'provinces', beforeText: 'Groningen; Drenthe', afterText: 'Groningen; Drenthe; Fryslân' });
	});

	test('ticking the same choices in another order is no change', () => {
		expect(fieldDiff({ provinces: ['NL-DR', 'NL-GR'] })).toEqual([]);
	});

	test('shows an amount in euros and a value that breaks a rule as it was typed', () => {
		const [amount] = fieldDiff({ totalBudget: 1_250_000 });
		expect(amount.key).toBe('totalBudget');
		expect(amount.beforeText).toMatch(/^€\s1\.000\.000$/);
		expect(amount.afterText).toMatch(/^€\s1\.250\.000$/);
		const [typo] = fieldDiff({ totalBudget: 'veel' as unknown as number });
		expect(typo).toMatchObject({ before: 1_000_000, after: 'veel', afterText: 'veel' });
	});

	test('a typed text shows the words that changed; an emptied field shows as empty', () => {
		const [summary] = fieldDiff({ summary: 'Een duurzaam warmtenet voor de wijk.' });
		expect(summary.segments).toEqual([
			{ text: 'Een ', change: 'equal' },
			{ text: 'duurzaam ', change: 'inserted' },
			{ text: 'warmtenet voor de wijk.', change: 'equal' }
		]);
		const [period] = fieldDiff({ periodStart: '' });
		expect(period).toMatchObject({ key: 'periodStart', beforeText: 'maart 2026', afterText: '' });
	});

	test('the text of a project diffs like any other', () => {
		const diff = diffVersions('project', state('project', [p('Oud.')], before), state('project', [p('Oud. Nieuw.')], before));
		expect(lines(diff.text.doc)).toEqual(['p(changed): Oud.[+ Nieuw.+]']);
		expect(diff.fields).toEqual([]);
	});
});

describe('a typed field compared word by word', () => {
	test('keeps the common words and marks the rest', () => {
		expect(diffPlainText('Gemeente A; ROM B', 'Gemeente A; ROM B; Waterschap C')).toEqual([
			{ text: 'Gemeente A; ROM B', change: 'equal' },
			{ text: '; Waterschap C', change: 'inserted' }
		]);
		expect(diffPlainText('', 'nieuw')).toEqual([{ text: 'nieuw', change: 'inserted' }]);
	});
});

describe('reading a version', () => {
	test('gives the text as the editor shows it and the fields as typed', () => {
		const version = readVersion('project', state('project', [p('Tekst.')], { title: 'Warmtenet Oost (fictief)', provinces: ['NL-GR'], totalBudget: 1_250_000 }));
		expect(version.text).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Tekst.' }] }] });
		expect(version.fields?.raw).toMatchObject({ title: 'Warmtenet Oost (fictief)', provinces: ['NL-GR'], totalBudget: 1_250_000 });
		expect(version.fields?.values.totalBudget).toBe(1_250_000);
	});

	test('a Werkagenda has text and no fields', () => {
		expect(readVersion('werkagenda', state('werkagenda', [p('Agenda.')])).fields).toBeNull();
	});

	test('a malformed state is refused, not read as empty', () => {
		expect(() => readVersion('project', new Uint8Array([1, 2, 3, 250, 7]))).toThrow();
	});
});
