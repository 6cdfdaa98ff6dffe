import { describe, expect, test } from 'vitest';
import { matchOption, normaliseName, parseAmount, parseMonth, readCell, splitList } from './import-values.ts';
import { choiceLabel } from '../i18n/field-values.ts';
import { INITIATOR_TYPES, PHASES } from './reference.ts';

describe('reading spreadsheet cells for the import', () => {
	test('names compare without case, accents, punctuation or spacing; "&" reads as "en"', () => {
		expect(normaliseName('  Fryslân ')).toBe('fryslan');
		expect(normaliseName('Energietransitie & duurzaamheid')).toBe(normaliseName('energietransitie EN  duurzaamheid'));
		expect(normaliseName("COROP-regio's")).toBe('corop regio s');
	});

	test('value lists take ids, names and known abbreviations', () => {
		expect(matchOption('provinces', 'Noord-Brabant')).toBe('NL-NB');
		expect(matchOption('provinces', 'noord brabant')).toBe('NL-NB');
		expect(matchOption('provinces', 'NL-GE')).toBe('NL-GE');
		expect(matchOption('provinces', 'Friesland')).toBe('NL-FR');
		expect(matchOption('provinces', 'Fryslan')).toBe('NL-FR');
		expect(matchOption('themeId', 'Energietransitie en duurzaamheid')).toBe('energie-klimaat');
		expect(matchOption('themeId', 'LWV')).toBe('lwv');
		expect(matchOption('instrumentIds', 'EFRO')).toBe('efro');
		expect(matchOption('kiaIds', 'Kennis- en Innovatieagenda Circulaire Economie')).toBe('kia-ce');
		expect(matchOption('corop', 'CR01')).toBe('CR01');
		expect(matchOption('status', 'Uitvoering')).toBe('uitvoering');
		expect(matchOption('initiatorType', 'Kennisinstelling WO')).toBe('kennisinstelling_wo');
		expect(matchOption('initiatorType', 'Coöperatie')).toBe('cooperatie');
		expect(matchOption('phase', 'n.v.t.')).toBe('n.v.t.');
		expect(matchOption('provinces', 'Noord-Brabantt')).toBeNull();
	});

	test('what the export writes for a fixed choice reads back, in Dutch and English; English reference names too', () => {
		for (const id of INITIATOR_TYPES) for (const locale of ['nl', 'en'] as const) expect(matchOption('initiatorType', choiceLabel('initiatorType', id, locale)), `${locale} ${id}`).toBe(id);
		for (const id of PHASES) for (const locale of ['nl', 'en'] as const) expect(matchOption('phase', choiceLabel('phase', id, locale)), `${locale} ${id}`).toBe(id);
		expect(matchOption('themeId', 'Health & care')).toBe('gz');
		expect(matchOption('corop', 'Greater Amsterdam')).toBe('CR23');
		expect(matchOption('provinces', 'North Brabant')).toBe('NL-NB');
	});

	test('multi-value cells split on ";", "," or new lines and keep names that contain a comma', () => {
		expect(readCell('provinces', 'Noord-Brabant; Gelderland')).toEqual({ value: ['NL-NB', 'NL-GE'] });
		expect(readCell('provinces', 'Noord-Brabant, Gelderland')).toEqual({ value: ['NL-NB', 'NL-GE'] });
		expect(readCell('provinces', 'Utrecht\nLimburg')).toEqual({ value: ['NL-UT', 'NL-LI'] });
		expect(readCell('missionIds', 'Gewaardeerd, gezond en veilig voedsel')).toEqual({ value: ['lwv-d'] });
		expect(readCell('provinces', 'Utrecht; Atlantis')).toEqual({ value: ['NL-UT', 'Atlantis'], unknown: ['Atlantis'] });
		expect(readCell('themeId', 'Ruimtevaart')).toEqual({ value: 'Ruimtevaart', unknown: ['Ruimtevaart'] });
		expect(splitList('TU/e; Gemeente Eindhoven, afdeling EZ')).toEqual(['TU/e', 'Gemeente Eindhoven, afdeling EZ']);
		expect(readCell('partners', 'TU/e, Gemeente Eindhoven')).toEqual({ value: ['TU/e', 'Gemeente Eindhoven'] });
	});

	test('amounts in Dutch and English notation, from text and from XLSX numbers', () => {
		expect(parseAmount('€ 1.250.000')).toBe(1_250_000);
		expect(parseAmount('1250000')).toBe(1_250_000);
		expect(parseAmount(1_250_000)).toBe(1_250_000);
		expect(parseAmount('€\u00a01.250.000,00')).toBe(1_250_000);
		expect(parseAmount('1.250.000,-')).toBe(1_250_000);
		expect(parseAmount('1,250,000')).toBe(1_250_000);
		expect(parseAmount('1,250,000.00')).toBe(1_250_000);
		expect(parseAmount('EUR 750')).toBe(750);
		expect(parseAmount('1.250')).toBe(1_250);
		expect(parseAmount('2,5 mln')).toBe(2_500_000);
		expect(parseAmount('1,1 miljoen')).toBe(1_100_000);
		expect(parseAmount('0,3 mld')).toBe(300_000_000);
		expect(parseAmount('1,5')).toBe(1.5);
		expect(parseAmount('-5')).toBe(-5);
		expect(parseAmount('')).toBeNull();
		expect(parseAmount(null)).toBeNull();
		expect(parseAmount('veel')).toBeNaN();
		expect(parseAmount('12 appels')).toBeNaN();
		expect(parseAmount('1.2.3,4,5')).toBeNaN();
	});

	test('months from ISO text, Dutch dates, month names and Excel date numbers', () => {
		expect(parseMonth('2026-03')).toBe('2026-03');
		expect(parseMonth('2026-3-15')).toBe('2026-03');
		expect(parseMonth('2026-03-01T00:00:00.000Z')).toBe('2026-03');
		expect(parseMonth('15-3-2026')).toBe('2026-03');
		expect(parseMonth('03/2026')).toBe('2026-03');
		expect(parseMonth('maart 2026')).toBe('2026-03');
		expect(parseMonth('mrt-26')).toBe('2026-03');
		expect(parseMonth(46082)).toBe('2026-03');
		expect(parseMonth('volgend jaar')).toBe('volgend jaar');
		expect(parseMonth('')).toBeUndefined();
	});

	test('empty cells are undefined so the field default applies; TRL takes "TRL 4"', () => {
		expect(readCell('status', '  ')).toEqual({ value: undefined });
		expect(readCell('totalBudget', null)).toEqual({ value: undefined });
		expect(readCell('trlCurrent', 'TRL 4')).toEqual({ value: 4 });
		expect(readCell('trlCurrent', 7)).toEqual({ value: 7 });
		expect(readCell('title', 2026)).toEqual({ value: '2026' });
	});
});
