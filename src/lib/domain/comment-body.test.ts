import { describe, expect, test } from 'vitest';
import { MAX_COMMENT_LENGTH, extractMentions, parseCommentBody, parseInline, plainText, validateCommentBody } from './comment-body.ts';

describe('comment body validation', () => {
	test('empty, over-long and control characters are refused; HTML is kept as text', () => {
		expect(validateCommentBody('   ')).toEqual({ ok: false, problem: 'required' });
		expect(validateCommentBody(42)).toEqual({ ok: false, problem: 'required' });
		expect(validateCommentBody('x'.repeat(MAX_COMMENT_LENGTH + 1))).toEqual({ ok: false, problem: 'too-long' });
		expect(validateCommentBody('a\u0000b')).toEqual({ ok: false, problem: 'invalid-text' });
		expect(validateCommentBody('a\u202eb')).toEqual({ ok: false, problem: 'invalid-text' });
		expect(validateCommentBody('a\ud800b')).toEqual({ ok: false, problem: 'invalid-text' });
		expect(validateCommentBody(' <script>alert(1)</script> 🚀 ')).toEqual({ ok: true, value: '<script>alert(1)</script> 🚀' });
	});
	test('the limit counts characters, not UTF-16 units', () => {
		expect(validateCommentBody('🚀'.repeat(MAX_COMMENT_LENGTH)).ok).toBe(true);
	});
});

describe('comment markup', () => {
	test('bold, italic, links and mentions become nodes; the rest stays text', () => {
		expect(parseInline('Zie **dit** en *dat*, @[Ans de Vries](user:u-1) en [de nota](https://example.nl/nota).')).toEqual([
			{ type: 'text', text: 'Zie ' },
			{ type: 'strong', children: [{ type: 'text', text: 'dit' }] },
			{ type: 'text', text: ' en ' },
			{ type: 'em', children: [{ type: 'text', text: 'dat' }] },
			{ type: 'text', text: ', ' },
			{ type: 'mention', kind: 'user', id: 'u-1', label: 'Ans de Vries' },
			{ type: 'text', text: ' en ' },
			{ type: 'link', href: 'https://example.nl/nota', text: 'de nota' },
			{ type: 'text', text: '.' }
		]);
	});
	test('javascript: and data: links are never links', () => {
		expect(parseInline('[klik](javascript:alert(1))').some((n) => n.type === 'link')).toBe(false);
		expect(parseInline('[x](data:text/html,<b>)').some((n) => n.type === 'link')).toBe(false);
	});
	test('bare URLs are linked without trailing punctuation', () => {
		expect(parseInline('Kijk op https://www.rvo.nl/subsidies.')).toEqual([
			{ type: 'text', text: 'Kijk op ' },
			{ type: 'link', href: 'https://www.rvo.nl/subsidies', text: 'https://www.rvo.nl/subsidies' },
			{ type: 'text', text: '.' }
		]);
	});
	test('lists and paragraphs', () => {
		const blocks = parseCommentBody('Twee punten:\n- eerste\n- tweede\n\n1. een\n2. twee\nslot');
		expect(blocks.map((b) => b.type)).toEqual(['p', 'ul', 'ol', 'p']);
		expect(blocks[1]).toEqual({ type: 'ul', items: [[{ type: 'text', text: 'eerste' }], [{ type: 'text', text: 'tweede' }]] });
	});
	test('mentions of people and organisations are extracted once each', () => {
		expect(extractMentions('@[A](user:u-1) @[Provincie Gelderland](org:pv-gld) @[A](user:u-1)')).toEqual({ users: ['u-1'], organisations: ['pv-gld'] });
		expect(plainText('Hoi @[A](user:u-1), zie **dit**')).toBe('Hoi @A, zie dit');
	});
});
