import { describe, expect, test } from 'vitest';
import type { RichNode } from '../../collab/version-diff.ts';
import { REDACTED_EMAIL, REDACTED_NAME, redactor } from '../../domain/redact.ts';
import type { Block } from './blocks.ts';
import { redactBlocks, redactNode } from './redact-notes.ts';

const t = (text: string, marks: RichNode['marks'] = []): RichNode => (marks.length ? { type: 'text', text, marks } : { type: 'text', text });
const bold = [{ type: 'bold' }];
const mailto = [{ type: 'link', attrs: { href: 'mailto:bram.vandijk%40brabant.nl' } }];
const web = [{ type: 'link', attrs: { href: 'https://www.rvo.nl/' } }];
const redact = redactor(['Bram van Dijk']);

describe('the public notes, redacted a block at a time', () => {
	test('rich text: a half-bold name, an address with an italic domain, a mailto link; other links and marks stay', () => {
		const doc: RichNode = {
			type: 'doc',
			content: [
				{ type: 'paragraph', content: [t('Bram', bold), t(' van Dijk licht toe.')] },
				{ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [t('Mail bram.vandijk@'), t('brabant.nl', [{ type: 'italic' }]), t(' of '), t('hem', mailto), t(' via '), t('RVO', web)] }] }] },
				{ type: 'paragraph', content: [t('Bram'), { type: 'hardBreak' }, t('van Dijk')] }
			]
		};
		expect(redactNode(doc, redact).content).toEqual([
			{ type: 'paragraph', content: [t(REDACTED_NAME, bold), t(' licht toe.')] },
			{ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [t(`Mail ${REDACTED_EMAIL}`), t(' of '), t('hem'), t(' via '), t('RVO', web)] }] }] },
			{ type: 'paragraph', content: [t(REDACTED_NAME)] }
		]);
	});

	test('printable blocks: the same, and a mailto run keeps its text without the link', () => {
		const run = (text: string, more: Partial<Block['runs'][number]> = {}) => ({ text, bold: false, italic: false, href: null, ...more });
		const blocks: Block[] = [
			{ kind: 'heading', level: 1, runs: [run('Bram', { bold: true }), run(' van Dijk')] },
			{ kind: 'paragraph', depth: 0, marker: null, quote: false, runs: [run('bram.vandijk@'), run('brabant.nl', { italic: true }), run(' en '), run('mail', { href: 'mailto:x%40y.nl' }), run(' of '), run('RVO', { href: 'https://www.rvo.nl/' })] }
		];
		expect(redactBlocks(blocks, redact)).toEqual([
			{ kind: 'heading', level: 1, runs: [run(REDACTED_NAME, { bold: true })] },
			{ kind: 'paragraph', depth: 0, marker: null, quote: false, runs: [run(REDACTED_EMAIL), run(' en '), run('mail'), run(' of '), run('RVO', { href: 'https://www.rvo.nl/' })] }
		]);
	});
});
