import { describe, expect, test } from 'vitest';
import { REDACTED_EMAIL, REDACTED_NAME, redactor } from './redact.ts';

describe('redactor (public minutes)', () => {
	const fix = redactor(['Bram van Dijk', 'Dewi', 'Al']);
	test('e-mail addresses and known names go, organisation names and other words stay', () => {
		expect(fix('Bram van Dijk (lid.brabant@demo.tafel) belt Provincie Noord-Brabant.')).toBe(`${REDACTED_NAME} (${REDACTED_EMAIL}) belt Provincie Noord-Brabant.`);
		expect(fix('dewi stuurt het door; Dewisia niet.')).toBe(`${REDACTED_NAME} stuurt het door; Dewisia niet.`);
		// Names shorter than three letters are not redacted: they would eat ordinary words ("al").
		expect(fix('Al gedaan.')).toBe('Al gedaan.');
		expect(redactor([])('x@y.nl')).toBe(REDACTED_EMAIL);
	});
});
