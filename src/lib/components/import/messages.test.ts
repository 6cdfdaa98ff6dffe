import { describe, expect, test } from 'vitest';
import { confirmNote, doneTexts, reportSummary } from './messages.ts';

describe('import counts read as sentences, singular for one', () => {
	test('one skipped row, one imported project', () => {
		expect(doneTexts({ imported: 1, skipped: 1, visibility: 'concept', organisation: 'Provincie Utrecht' }, 'nl')).toEqual({
			imported: '1 project is geïmporteerd als concept van Provincie Utrecht.',
			skipped: '1 rij is overgeslagen (afgewezen of dubbel).'
		});
		expect(doneTexts({ imported: 1, skipped: 1, visibility: 'platform', organisation: 'Provincie Utrecht' }, 'en')).toEqual({
			imported: '1 project was imported and shared with the platform.',
			skipped: '1 row was skipped (rejected or duplicate).'
		});
	});

	test('several, with Dutch and English thousands; nothing skipped says nothing', () => {
		expect(doneTexts({ imported: 1200, skipped: 2, visibility: 'concept', organisation: 'IPO' }, 'nl')).toEqual({
			imported: '1.200 projecten zijn geïmporteerd als concept van IPO.',
			skipped: '2 rijen zijn overgeslagen (afgewezen of dubbel).'
		});
		expect(doneTexts({ imported: 1200, skipped: 0, visibility: 'platform', organisation: 'IPO' }, 'en').skipped).toBeNull();
		expect(doneTexts({ imported: 1200, skipped: 0, visibility: 'platform', organisation: 'IPO' }, 'en').imported).toBe('1,200 projects were imported and shared with the platform.');
	});

	test('the report summary and the confirm note', () => {
		expect(reportSummary({ rows: 1, accepted: 1, rejected: 0, duplicate: 0 }, 'nl')).toBe('1 rij: 1 wordt geïmporteerd, 0 afgewezen, 0 dubbel');
		expect(reportSummary({ rows: 5, accepted: 3, rejected: 2, duplicate: 0 }, 'nl')).toBe('5 rijen: 3 worden geïmporteerd, 2 afgewezen, 0 dubbel');
		expect(reportSummary({ rows: 1, accepted: 0, rejected: 1, duplicate: 0 }, 'en')).toBe('1 row: 0 will be imported, 1 rejected, 0 duplicate');
		expect(confirmNote(1, 'nl')).toBe('Er wordt 1 project aangemaakt. Afgewezen en dubbele rijen worden overgeslagen.');
		expect(confirmNote(3, 'en')).toBe('3 projects will be created. Rejected and duplicate rows are skipped.');
	});
});
