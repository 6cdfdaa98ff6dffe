import { describe, expect, test } from 'vitest';
import { validateEmail, validateName } from './account.ts';

describe('names and e-mail addresses', () => {
	test('names are trimmed and inner whitespace folded', () => {
		expect(validateName('  Bram   van  Dijk ')).toEqual({ ok: true, value: 'Bram van Dijk' });
	});
	test.each(['', '   ', 'a'.repeat(121), 'nul\u0000byte', 'rtl\u202eoverride', 'lone \ud800 surrogate'])('name %j is refused', (name) => {
		expect(validateName(name).ok).toBe(false);
	});
	test('HTML in a name is allowed as text (it is escaped when shown)', () => {
		expect(validateName('<b>Eva</b>').ok).toBe(true);
	});
	test('e-mail is normalised to lower case', () => {
		expect(validateEmail(' Eva@Demo.Tafel ')).toEqual({ ok: true, value: 'eva@demo.tafel' });
	});
	test.each(['geen-apenstaart', 'a@b', 'a b@c.nl', `${'a'.repeat(250)}@c.nl`])('e-mail %j is refused', (email) => {
		expect(validateEmail(email).ok).toBe(false);
	});
});
