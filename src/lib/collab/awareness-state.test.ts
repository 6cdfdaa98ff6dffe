import { describe, expect, test } from 'vitest';
import { sanitizeAwareness } from './awareness-state.ts';

describe('sanitizeAwareness', () => {
	test('keeps a y-tiptap cursor and the field being edited', () => {
		const cursor = { anchor: { type: { client: 5, clock: 0 }, tname: null, item: { client: 5, clock: 9 }, assoc: 0 }, head: { tname: 'description', assoc: -1 } };
		expect(sanitizeAwareness({ cursor, field: 'requestedAmount' })).toEqual({
			cursor: { anchor: { type: { client: 5, clock: 0 }, item: { client: 5, clock: 9 }, assoc: 0 }, head: { tname: 'description', assoc: -1 } },
			field: 'requestedAmount'
		});
		expect(sanitizeAwareness({ cursor: null, field: null })).toEqual({ cursor: null, field: null });
	});

	test('drops names, HTML, unknown fields and malformed cursors', () => {
		expect(sanitizeAwareness({ name: 'Minister', organisation: 'AZ', html: '<img onerror=x>', field: '<b>', cursor: { anchor: 1, head: 2 } })).toEqual({});
		expect(sanitizeAwareness({ cursor: { anchor: { type: { client: -1, clock: 0 } }, head: {} } })).toEqual({});
		expect(sanitizeAwareness({ cursor: { anchor: { tname: 'x'.repeat(65) }, head: {} } })).toEqual({});
		expect(sanitizeAwareness({ field: 'a'.repeat(41) })).toEqual({});
	});
});
