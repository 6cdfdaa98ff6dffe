import { describe, expect, test } from 'vitest';
import { render } from 'svelte/server';
import { diffFields, diffRichText, type RichNode } from '$lib/collab/version-diff';
import RichTextView from './RichTextView.svelte';
import FieldDiffTable from './FieldDiffTable.svelte';
import ProjectFieldsView from './ProjectFieldsView.svelte';
import { inlineGroups, displayMarks } from './diff-view';

const text = (t: string, ...marks: string[]): RichNode => (marks.length ? { type: 'text', text: t, marks: marks.map((type) => ({ type })) } : { type: 'text', text: t });
const p = (...content: RichNode[]): RichNode => ({ type: 'paragraph', content });
const doc = (...content: RichNode[]): RichNode => ({ type: 'doc', content });
/** Server-rendered markup without hydration comments and scoping classes. */
const markup = (html: string) => html.replace(/<!--[^>]*-->/g, '').replace(/ ?svelte-[a-z0-9]+/g, '').replace(/ class=""/g, '');
/** The text as a screen reader reads it: blocks and cells apart, inline elements joined, spaces collapsed. */
const spoken = (html: string) =>
	markup(html)
		.replace(/<\/?(p|li|h\d|th|td|dt|dd|div|section|caption|ul|ol|table|tr|blockquote|br)\b[^>]*>/g, ' ')
		.replace(/<[^>]+>/g, '')
		.replace(/\s+/g, ' ')
		.trim();

describe('a diff rendered read-only', () => {
	test('marks insertions and deletions with ins/del, a line, and words for screen readers', () => {
		const diff = diffRichText(doc(p(text('Wij starten in 2026 met de bouw.'))), doc(p(text('Wij starten in 2027 met de bouw.'))));
		const { body: html } = render(RichTextView, { props: { doc: diff.doc, label: 'Beschrijving' } });
		const body = markup(html);
		expect(body).toMatch(/<del class="tafel-del[^"]*">.*2026.*<\/del>/s);
		expect(body).toMatch(/<ins class="tafel-ins[^"]*">.*2027.*<\/ins>/s);
		expect(spoken(body.slice(body.indexOf('<div class="tafel-prose"')))).toContain('Wij starten in verwijderd: 2026 einde verwijderd toegevoegd: 2027 einde toegevoegd met de bouw.');
	});

	test('keeps the editor structure: headings, lists, bold and safe links only', () => {
		const view = doc(
			{ type: 'heading', attrs: { level: 2 }, content: [text('Aanpak')] },
			{ type: 'bulletList', content: [{ type: 'listItem', content: [p(text('vet', 'bold'), text(' en '), { type: 'text', text: 'site', marks: [{ type: 'link', attrs: { href: 'https://example.nl' } }] }, text(' en '), { type: 'text', text: 'kwaad', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] })] }] }
		);
		const { body: html } = render(RichTextView, { props: { doc: view, label: 'Beschrijving' } });
		const body = markup(html);
		expect(body).toContain('class="tafel-prose"');
		expect(body).toMatch(/<h2[^>]*>Aanpak<\/h2>/);
		expect(body).toMatch(/<ul><li>\s*<p><strong>vet<\/strong> en/);
		expect(body).toContain('<a href="https://example.nl" rel="noopener noreferrer nofollow">site</a>');
		expect(body).not.toContain('javascript:');
		expect(body).toContain('kwaad');
		// No changes, no legend.
		expect(body).not.toContain('Legenda');
	});

	test('a moved paragraph links its old and new place; a formatting change says what changed', () => {
		const moved = 'De subsidie wordt in twee tranches uitgekeerd.';
		const diff = diffRichText(doc(p(text(moved)), p(text('Een.')), p(text('Twee vet.'))), doc(p(text('Een.')), p(text('Twee '), text('vet', 'bold'), text('.')), p(text(moved))));
		const { body: html } = render(RichTextView, { props: { doc: diff.doc, label: 'Beschrijving', idPrefix: 'v1' } });
		const body = markup(html);
		expect(body).toMatch(/id="v1-move-1-from"[^>]*>Verplaatst — <a href="#v1-move-1-to">/);
		expect(body).toMatch(/id="v1-move-1-to"[^>]*>Hierheen verplaatst — <a href="#v1-move-1-from">/);
		expect(spoken(body)).toContain('opmaak gewijzigd (vet erbij): vet einde opmaakwijziging');
		expect(body).toContain('Legenda');
	});

	test('groups neighbouring changed runs so a screen reader hears one announcement', () => {
		const groups = inlineGroups([text('a'), { type: 'text', text: 'b', marks: [{ type: 'bold' }, { type: 'inserted' }] }, { type: 'text', text: 'c', marks: [{ type: 'inserted' }] }, { type: 'diffBreak', attrs: { change: 'inserted' } }]);
		expect(groups.map((g) => [g.change, g.nodes.length])).toEqual([[null, 1], ['inserted', 2], [null, 1]]);
		expect(displayMarks({ type: 'text', text: 'x', marks: [{ type: 'inserted' }, { type: 'italic' }, { type: 'link', attrs: { href: 'https://a.nl' } }] }).map((mk) => mk.type)).toEqual(['link', 'italic']);
	});
});

describe('the changed-fields table', () => {
	test('is a table with a caption, field / was / now / changed by, and the words of a typed text marked', () => {
		const changes = diffFields({ summary: 'Een warmtenet.', status: 'idee' }, { summary: 'Een duurzaam warmtenet.', status: 'verkenning' });
		const { body: html } = render(FieldDiffTable, { props: { changes, changedBy: { status: ['Anna de Vries'] } } });
		const body = markup(html);
		expect(body).toMatch(/<caption[^>]*>Gewijzigde velden<\/caption>/);
		expect(spoken(body.slice(body.indexOf('<thead'), body.indexOf('</thead>')))).toBe('Veld Was Nu Gewijzigd door');
		expect(body).toMatch(/<th class="utrecht-table__cell field[^"]*" scope="row">Samenvatting<\/th>/);
		expect(body).toMatch(/<ins class="tafel-ins[^"]*">.*duurzaam .*<\/ins>/s);
		// Who, in its column; on a phone (CSS) under the new value instead.
		expect(spoken(body)).toContain('Status Idee Verkenning door Anna de Vries Anna de Vries');
		expect(spoken(body)).toContain('Samenvatting Een warmtenet. Een toegevoegd: duurzaam einde toegevoegd warmtenet. door onbekend onbekend');
	});

	test('without a provenance map there is no "changed by" column; without changes, a sentence', () => {
		const { body: html } = render(FieldDiffTable, { props: { changes: diffFields({ status: 'idee' }, { status: 'besluit' }) } });
		const body = markup(html);
		expect(body).not.toContain('Gewijzigd door');
		expect(render(FieldDiffTable, { props: { changes: [] } }).body).toContain('Geen velden gewijzigd.');
	});
});

describe('a version\'s fields read-only', () => {
	test('in the sections and labels of the form, choices by label, problems shown', () => {
		const { body: html } = render(ProjectFieldsView, {
			props: { fields: { raw: { title: 'Warmtenet', provinces: ['NL-GR', 'NL-DR'], totalBudget: 1_250_000, status: 'idee', trlCurrent: 12 }, values: {}, problems: { trlCurrent: 'bad-format' } }, locale: 'nl', changed: ['status'] }
		});
		const body = markup(html);
		const read = spoken(body);
		expect(read).toMatch(/^Inhoud Titel Warmtenet/);
		expect(read).toContain('Provincies Groningen Drenthe');
		expect(read).toMatch(/Totale begroting \(€\) €\s1\.250\.000/);
		expect(read).toContain('Status gewijzigd Idee');
		expect(read).toContain('TRL nu 12 De vorm klopt niet.');
		expect(read).toContain('Samenvatting niet ingevuld');
		expect(body.match(/<h3/g)).toHaveLength(6);
	});
});
