import { describe, expect, it } from 'vitest';
import { m } from '../paraglide/messages.js';
import { countText } from './plural';

describe('countText', () => {
	const rows = (n: number, locale: 'nl' | 'en') => countText(n, () => m.import_map_rows_one({}, { locale }), (i) => m.import_map_rows(i, { locale }), locale);

	it('uses the singular message for exactly one, in both languages', () => {
		expect(rows(1, 'nl')).toBe('1 rij');
		expect(rows(1, 'en')).toBe('1 row');
	});

	it('uses the plural for zero and more than one, with the language digit grouping', () => {
		expect(rows(0, 'en')).toBe('0 rows');
		expect(rows(2, 'nl')).toBe('2 rijen');
		expect(rows(1250, 'nl')).toBe('1.250 rijen');
		expect(rows(1250, 'en')).toBe('1,250 rows');
	});

	it('words no message with "(s)" or "(en)": a count gets a _one twin instead', async () => {
		const catalogues = { nl: (await import('../../../messages/nl.json')).default, en: (await import('../../../messages/en.json')).default } as Record<string, Record<string, string>>;
		for (const [locale, messages] of Object.entries(catalogues)) {
			for (const [key, text] of Object.entries(messages)) {
				expect(text, `${locale} ${key}`).not.toMatch(/\((s|en)\)/);
			}
		}
	});
});
