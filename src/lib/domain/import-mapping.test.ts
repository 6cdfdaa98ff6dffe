import { describe, expect, test } from 'vitest';
import { m } from '../paraglide/messages.js';
import { FIELD_KEYS, type FieldKey } from './project.ts';
import { autoMap, headerSignature, mappingFromRecord, mappingProblems, mappingToRecord, type Target } from './import-mapping.ts';

type Message = (inputs: Record<string, never>, options: { locale: 'nl' | 'en' }) => string;
const label = (key: string, locale: 'nl' | 'en') => (m as unknown as Record<string, Message>)[`field_${key}`]({}, { locale });
/** The labels the service passes in: the app's own Dutch and English field names. */
const LABELS = Object.fromEntries(FIELD_KEYS.map((k) => [k, [label(k, 'nl'), label(k, 'en')]])) as Record<FieldKey, string[]>;

describe('matching spreadsheet headers to project fields', () => {
	test("the export's own Dutch headers map back to every field; its extra columns are not imported", () => {
		const exported = [label('code', 'nl'), label('owner', 'nl'), 'Zichtbaarheid', 'Demo (fictief)', ...FIELD_KEYS.map((k) => label(k, 'nl')), label('updatedAt', 'nl')];
		expect(autoMap(exported, LABELS)).toEqual(['', '', '', '', ...FIELD_KEYS, '']);
	});

	test('English labels and common Dutch synonyms, whatever the case, accents or spacing', () => {
		expect(autoMap(['  PROJECTNAAM ', 'Provincie', 'begroting (EUR)', 'Gevraagde bijdrage', 'Sleuteltechnologieen', 'E-mail', 'Total budget (€)', 'Onbekend'], LABELS)).toEqual([
			'title', 'provinces', 'totalBudget', 'requestedAmount', 'keyTechnologyIds', 'contactEmail', '', ''
		]);
		expect(autoMap(['title', 'start (yyyy-mm)', 'Einde'], LABELS)).toEqual(['title', 'periodStart', 'periodEnd']);
	});

	test('a field goes to the first column that names it', () => {
		expect(autoMap(['Titel', 'Projectnaam', 'Status'], LABELS)).toEqual(['title', '', 'status']);
	});

	test('the signature ignores case and spacing but not order or columns', () => {
		expect(headerSignature(['Titel', 'Provincie'])).toBe(headerSignature([' titel', 'PROVINCIE ']));
		expect(headerSignature(['Titel', 'Provincie'])).not.toBe(headerSignature(['Provincie', 'Titel']));
		expect(headerSignature(['Titel', 'Provincie'])).not.toBe(headerSignature(['Titel', 'Provincie', 'Status']));
	});

	test('a remembered mapping is stored by column and read back, dropping what no longer fits', () => {
		const targets: Target[] = ['title', '', 'status'];
		expect(mappingToRecord(targets)).toEqual({ 0: 'title', 2: 'status' });
		expect(mappingFromRecord(mappingToRecord(targets), 3)).toEqual(targets);
		expect(mappingFromRecord({ 0: 'title', 1: 'title', 5: 'status', 2: 'drop table', x: 'summary' }, 3)).toEqual(['title', '', '']);
	});

	test('the title must have a column and no field may have two', () => {
		expect(mappingProblems(['title', 'status'])).toEqual([]);
		expect(mappingProblems(['summary', ''])).toEqual([{ kind: 'no-title' }]);
		expect(mappingProblems(['title', 'status', 'status'])).toEqual([{ kind: 'twice', field: 'status', columns: [1, 2] }]);
	});
});
