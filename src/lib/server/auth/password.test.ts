import { describe, expect, test } from 'vitest';
import { checkNewPassword, hashPassword, verifyPassword } from './password.ts';

describe('password rules', () => {
	test.each([
		['kort', 'kort', 'too-short'],
		['a'.repeat(257), 'a'.repeat(257), 'too-long'],
		['iemand@voorbeeld.nl', 'iemand@voorbeeld.nl', 'same-as-email'],
		['een lange zin hier', 'een lange zin daar', 'mismatch'],
		['een lange zin hier', 'een lange zin hier', null]
	])('%s / %s → %s', (password, repeat, expected) => {
		expect(checkNewPassword(password, repeat, 'Iemand@Voorbeeld.nl')).toBe(expected);
	});
	test('length counts characters, not UTF-16 units: ten emoji are ten characters', () => {
		expect(checkNewPassword('🦆'.repeat(10), '🦆'.repeat(10), 'x@y.nl')).toBe(null);
		expect(checkNewPassword('🦆'.repeat(9), '🦆'.repeat(9), 'x@y.nl')).toBe('too-short');
	});
});

describe('password hashing', () => {
	test('argon2id hashes verify the right password only', async () => {
		const stored = await hashPassword('correct paard batterij');
		expect(stored).toMatch(/^\$argon2id\$/);
		expect(await verifyPassword(stored, 'correct paard batterij')).toBe(true);
		expect(await verifyPassword(stored, 'verkeerd paard batterij')).toBe(false);
	});
	test('an account without a password never verifies', async () => {
		expect(await verifyPassword(null, 'wat dan ook')).toBe(false);
	});
});
