import { describe, expect, test } from 'vitest';
import { REDACTED_EMAIL, REDACTED_NAME, leaksAddress, redactor } from './redact.ts';

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

describe('redaction that is not fooled by how the text was typed', () => {
	const fix = redactor(['Bram van Dijk', 'José  Smit']);
	test('any white space between the parts of a name, stored or typed; composed and decomposed accents alike', () => {
		for (const typed of ['Bram\u00a0van Dijk', 'Bram  van Dijk', 'Bram\nvan\tDijk', 'bram van dijk']) expect(fix(`Volgens ${typed}.`)).toBe(`Volgens ${REDACTED_NAME}.`);
		expect(fix('José Smit en Jose\u0301 Smit')).toBe(`${REDACTED_NAME} en ${REDACTED_NAME}`);
		expect(fix('Br\u200bam van Dijk, bram.van\u00addijk@brabant.nl')).toBe(`${REDACTED_NAME}, ${REDACTED_EMAIL}`);
	});

	test('a block is redacted as a whole: a span across runs becomes its replacement in the first run, the rest of it goes', () => {
		// "**Bram** van Dijk licht toe": the name starts in a bold run.
		expect(fix.runs(['Bram', ' van Dijk licht toe'])).toEqual([REDACTED_NAME, ' licht toe']);
		// "bram.vandijk@*brabant.nl*": the domain in italics.
		expect(fix.runs(['Mail ', 'bram.vandijk@', 'brabant', '.nl', ' vandaag'])).toEqual(['Mail ', REDACTED_EMAIL, '', '', ' vandaag']);
		expect(fix.runs(['Met ', 'Bram van Dijk', ' en ', 'Bram van', ' Dijk'])).toEqual(['Met ', REDACTED_NAME, ' en ', REDACTED_NAME, '']);
		expect(fix.runs(['Niets ', 'te zien'])).toEqual(['Niets ', 'te zien']);
	});

	test('links that carry an address: every mailto, and an "@" however it is encoded', () => {
		for (const href of ['mailto:bram.vandijk%40brabant.nl', 'MAILTO:x', ' mailto:x', 'https://a.nl/?to=bram%40brabant.nl', 'https://a.nl/?to=bram%2540brabant.nl', 'https://bram@brabant.nl/']) expect(leaksAddress(href)).toBe(true);
		for (const href of ['https://www.rvo.nl/subsidies', 'https://a.nl/%E0%A4%A']) expect(leaksAddress(href)).toBe(false);
	});
});
