import { describe, expect, test } from 'vitest';
import { httpStatus } from './errors.ts';

describe('one mapping from refusal reason to HTTP status', () => {
	test.each([
		['not-found', 404],
		['forbidden', 403],
		['invalid', 400],
		['too-large', 413],
		['rate-limited', 429]
	] as const)('%s answers %i', (reason, status) => {
		expect(httpStatus(reason)).toBe(status);
	});

	test.each(['email-taken', 'self', 'exists', 'role', 'toString', '__proto__', ''])('a reason of one service (%s) is invalid input: 400', (reason) => {
		expect(httpStatus(reason)).toBe(400);
	});
});
