import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { editorSchema } from './rich-text.ts';
import { BODY_KEY } from './documents.ts';
import { writeFields } from './project-doc.ts';
import { richTextMarkdown } from './markdown.ts';
import { versionMarkdown } from './version-markdown.ts';
import type { RichNode } from './version-diff.ts';

const t = (text: string, marks: RichNode['marks'] = []): RichNode => (marks.length ? { type: 'text', text, marks } : { type: 'text', text });
const p = (...content: RichNode[]): RichNode => ({ type: 'paragraph', content });
const item = (text: string, ...nested: RichNode[]): RichNode => ({ type: 'listItem', content: [p(t(text)), ...nested] });

describe('a version as Markdown', () => {
	test('a project: title, the fields as the project export lists them, the description with its structure', () => {
		const doc = new Y.Doc();
		writeFields(doc, { title: 'Warmtenet Oost (fictief)', status: 'verkenning', provinces: ['NL-GR'], totalBudget: 1_250_000, partners: ['Gemeente A', 'ROM B'] });
		prosemirrorJSONToYXmlFragment(editorSchema(), { type: 'doc', content: [{ type: 'heading', attrs: { level: 2 }, content: [t('Aanpak')] }, p(t('Wij bouwen '), t('eerst', [{ type: 'bold' }]), t(' de leiding.'))] }, doc.getXmlFragment(BODY_KEY.project));
		const markdown = versionMarkdown('project', Y.encodeStateAsUpdate(doc), { about: ['Versie: Ingediend bij brede tafel Oost', '12 maart 2026'] });
		expect(markdown).toContain('# Warmtenet Oost \\(fictief\\)\n\nVersie: Ingediend bij brede tafel Oost  \n12 maart 2026\n');
		expect(markdown).toContain('| Status | Verkenning |');
		expect(markdown).toContain('| Provincies | Groningen |');
		expect(markdown).toContain('| Partners | Gemeente A; ROM B |');
		expect(markdown).toMatch(/\| Totale begroting \\\(€\\\) \| €\s1\.250\.000 \|/);
		expect(markdown).toContain('## Beschrijving\n\n### Aanpak\n\nWij bouwen **eerst** de leiding.\n');
	});

	test('the Werkagenda: its text only', () => {
		const doc = new Y.Doc();
		prosemirrorJSONToYXmlFragment(editorSchema(), { type: 'doc', content: [p(t('Agenda van maart.'))] }, doc.getXmlFragment(BODY_KEY.werkagenda));
		expect(versionMarkdown('werkagenda', Y.encodeStateAsUpdate(doc))).toBe('# Werkagenda\n\nAgenda van maart.\n');
	});
});

describe('rich text as Markdown', () => {
	test('keeps lists, numbering, nesting and quotes, escapes typed Markdown and drops unsafe links', () => {
		const doc: RichNode = {
			type: 'doc',
			content: [
				{ type: 'bulletList', content: [item('een', { type: 'orderedList', attrs: { start: 3 }, content: [item('drie'), item('vier')] }), item('twee')] },
				{ type: 'blockquote', content: [p(t('geciteerd'))] },
				p(t('*geen* [link]'), t(' site', [{ type: 'link', attrs: { href: 'https://example.nl/a b' } }]), t(' en '), t('dit', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]))
			]
		};
		expect(richTextMarkdown(doc)).toBe(
			['- een', '  3. drie', '  4. vier', '- twee', '', '> geciteerd', '', '\\*geen\\* \\[link\\] [site](<https://example.nl/a%20b>) en dit'].join('\n')
		);
	});
});
