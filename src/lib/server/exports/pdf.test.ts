import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { emptyFields, FIELD_KEYS } from '../../domain/project.ts';
import { BODY_KEY } from '../../collab/documents.ts';
import { readPdf } from '../../../../tests/support/pdf-text.ts';
import { DESCRIPTION_LIMIT, FIELD_GROUPS, renderProjectPdf, type PdfInput } from './pdf.ts';
import { descriptionBlocks, paragraphBlocks, type Description } from './description.ts';
import { PrintableText, pdfFonts, REPLACEMENT } from './pdf-text.ts';

function input(overrides: Partial<PdfInput['project']> = {}, description: Description = { blocks: [], truncated: false }): PdfInput {
	return {
		project: { ...emptyFields(), title: 'Waterstofhub Eemshaven', code: 'RIP-2026-0001', ownerName: 'Provincie Groningen', visibility: 'platform', archivedAt: null, demo: false, ...overrides },
		description,
		links: [],
		timeline: [{ kind: 'created', fromValue: null, toValue: 'idee', note: null, userName: 'Anna', at: new Date('2026-01-05T10:00:00Z') }],
		generatedAt: new Date('2026-05-01T12:00:00Z')
	};
}

/** A description document built the way y-prosemirror stores TipTap content. */
function documentWith(build: (body: Y.XmlFragment) => void): Y.Doc {
	const doc = new Y.Doc();
	build(doc.getXmlFragment(BODY_KEY.project));
	return doc;
}
function element(name: string, children: (Y.XmlElement | Y.XmlText)[], attributes: Record<string, string | number> = {}): Y.XmlElement {
	const el = new Y.XmlElement(name);
	for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, value as never);
	el.insert(0, children);
	return el;
}
const text = (value: string) => new Y.XmlText(value);

describe('the project PDF', () => {
	test('every field has a place: title, summary and status above the table, the rest in one group each', () => {
		const placed = ['title', 'summary', 'status', ...FIELD_GROUPS.flatMap((g) => g.fields).flatMap((f) => (f === 'period' ? ['periodStart', 'periodEnd'] : [f]))];
		expect([...placed].sort()).toEqual([...FIELD_KEYS].sort());
	});

	test('is an A4 PDF a viewer opens, with the accented title, Dutch money, labels and page numbers', async () => {
		const pdf = await renderProjectPdf(input({ title: 'Coöperatie Zeeuwse café’s – één €-regeling', totalBudget: 1_250_000, requestedAmount: 400_000, partners: ['Gemeente Súdwest-Fryslân'], periodStart: '2026-03', periodEnd: '2028-12' }));
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		const read = await readPdf(pdf);
		const all = read.text.join(' ');
		expect(read.title).toBe('RIP-2026-0001 · Coöperatie Zeeuwse café’s – één €-regeling');
		expect(all).toContain('Coöperatie Zeeuwse café’s – één €-regeling');
		expect(all).toContain('€ 1.250.000');
		expect(all).toContain('Totale begroting');
		expect(all).toContain('maart 2026 – december 2028');
		expect(all).toContain('Gemeente Súdwest-Fryslân');
		expect(all).toContain(`Pagina 1 van ${read.pages}`);
	});

	test('keeps headings, lists, quotes and safe links of the description; drops javascript: links and nodes the editor does not know', async () => {
		const doc = documentWith((body) => {
			const linked = new Y.XmlText();
			body.insert(0, [
				element('heading', [text('Aanpak')], { level: 2 }),
				element('paragraph', [linked]),
				element('bulletList', [element('listItem', [element('paragraph', [text('eerste stap')])]), element('listItem', [element('paragraph', [text('tweede stap')])])]),
				element('orderedList', [element('listItem', [element('paragraph', [text('fase een')])])], { start: 3 }),
				element('blockquote', [element('paragraph', [text('een citaat')])]),
				element('onbekendKnooppunt', [text('tekst van een onbekend knooppunt')])
			]);
			linked.insert(0, 'Zie ');
			linked.insert(4, 'de site', { link: { href: 'https://example.nl/plan' } });
			linked.insert(11, ' en ', { link: null });
			linked.insert(15, 'dit', { link: { href: 'javascript:alert(1)' } });
		});
		const description = descriptionBlocks(doc, DESCRIPTION_LIMIT);
		expect(description.blocks.map((b) => (b.kind === 'heading' ? `h${b.level}` : `${b.marker ?? ''}${b.quote ? '>' : ''}${b.depth}`))).toEqual(['h2', '0', '•1', '•1', '3.1', '>0']);
		const read = await readPdf(await renderProjectPdf(input({}, description)));
		const all = read.text.join(' ');
		for (const part of ['Aanpak', 'eerste stap', 'tweede stap', '3.', 'fase een', 'een citaat']) expect(all).toContain(part);
		// The editor shows nothing of a node its schema does not know (a crafted client's), so neither does the PDF.
		expect(all).not.toContain('onbekend');
		expect(read.links).toEqual(['https://example.nl/plan']);
	});

	test('a description past the limit is cut with a note', () => {
		const doc = documentWith((body) => body.insert(0, [element('paragraph', [text('a'.repeat(DESCRIPTION_LIMIT + 10))])]));
		const cut = descriptionBlocks(doc, DESCRIPTION_LIMIT);
		expect(cut.truncated).toBe(true);
		expect(cut.blocks[0].runs.map((r) => r.text).join('')).toHaveLength(DESCRIPTION_LIMIT);
		expect(paragraphBlocks('x\ny', 1)).toEqual({ blocks: [expect.objectContaining({ runs: [expect.objectContaining({ text: 'x' })] })], truncated: true });
	});

	test('removes controls and bidi overrides; shows lone surrogates and what the font lacks as U+FFFD', () => {
		const printable = new PrintableText(pdfFonts().glyphs);
		expect(printable.clean('a\u0000b\u202Ec\u200Bd')).toBe('abcd');
		expect(printable.replaced).toBe(false);
		expect(printable.clean('Feest 🎉🎉 中文 ë € \uD800')).toBe(`Feest ${REPLACEMENT} ${REPLACEMENT} ë € ${REPLACEMENT}`);
		expect(printable.replaced).toBe(true);
		expect(printable.clean('een\nregel')).toBe('een regel');
		expect(printable.clean('een\r\nregel', true)).toBe('een\nregel');
	});

	test('hostile text anywhere never breaks the PDF', async () => {
		const hostile = fc.string({ unit: fc.oneof(fc.constantFrom('\u0000', '\u202E', '\uD800', '\uDFFF', '🎉', '\u200D', '\n', 'ë', '€', 'ﷺ', '\u0301', ' '), fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c))), maxLength: 200 });
		await fc.assert(
			fc.asyncProperty(hostile, hostile, hostile, async (title, name, paragraph) => {
				const pdf = await renderProjectPdf({ ...input({ title, ownerName: name, summary: paragraph, partners: [name], contactName: title }, paragraphBlocks(paragraph, DESCRIPTION_LIMIT)), links: [{ type: 'overlap', note: paragraph, other: { id: 'x', code: name, title }, proposedByName: name, organisationName: name }] });
				expect((await readPdf(pdf)).pages).toBeGreaterThan(0);
			}),
			{ numRuns: 30 }
		);
	}, 60_000);

	test('a description at the limit, as one long word or as thousands of paragraphs, lays out in seconds', async () => {
		for (const description of [paragraphBlocks('x'.repeat(DESCRIPTION_LIMIT), DESCRIPTION_LIMIT), paragraphBlocks('Ab 🎉\n'.repeat(DESCRIPTION_LIMIT / 6), DESCRIPTION_LIMIT)]) {
			const started = Date.now();
			const pdf = await renderProjectPdf(input({}, description));
			expect(Date.now() - started).toBeLessThan(10_000);
			expect((await readPdf(pdf)).pages).toBeGreaterThan(10);
		}
	}, 60_000);
});
