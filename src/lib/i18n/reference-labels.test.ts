import { describe, expect, it } from 'vitest';
import { INITIATOR_TYPES, INSTRUMENTS, KEY_TECHNOLOGIES, KIAS, MISSIONS, PHASES, THEMES } from '../domain/reference';
import { choiceLabel, fieldDisplay } from './field-values';
import { isDutchName, localizedOptions, referenceLabel } from './reference-labels';
import { REFERENCE_EN } from './reference-en';

describe('reference labels', () => {
	it('gives the English name in English and the Dutch one in Dutch', () => {
		expect(referenceLabel('themes', 'lwv', 'en')).toBe('Agriculture, water & food');
		expect(referenceLabel('themes', 'lwv', 'nl')).toBe('Landbouw, water & voedsel');
		expect(referenceLabel('instruments', 'nationaal-groeifonds', 'en')).toBe('National Growth Fund');
		expect(referenceLabel('corop', 'CR26', 'en')).toBe('The Hague agglomeration');
	});

	it('keeps a place name without an English form, and says it is Dutch', () => {
		expect(referenceLabel('corop', 'CR12', 'en')).toBe('Twente');
		expect(isDutchName('corop', 'CR12', 'en')).toBe(true);
		expect(isDutchName('themes', 'lwv', 'en')).toBe(false);
	});

	it('shows an id no list knows as itself (a crafted or outdated value)', () => {
		expect(referenceLabel('themes', 'bestaat-niet', 'en')).toBe('bestaat-niet');
		expect(choiceLabel('phase', '<script>', 'en')).toBe('<script>');
	});

	it('has an English name for every theme, mission, KIA, key technology and instrument', () => {
		const lists = { themes: THEMES, missions: MISSIONS, kias: KIAS, keyTechnologies: KEY_TECHNOLOGIES, instruments: INSTRUMENTS.filter((i) => i.id !== 'invest-nl') } as const;
		for (const [list, options] of Object.entries(lists)) {
			for (const option of options) expect(REFERENCE_EN[list as keyof typeof lists][option.id], `${list} ${option.id}`).toBeTruthy();
		}
	});

	it('localizes option lists for pickers without touching the shared Dutch list', () => {
		const english = localizedOptions('themes', THEMES, 'en');
		expect(english.find((o) => o.id === 'gz')?.label).toBe('Health & care');
		expect(THEMES.find((o) => o.id === 'gz')?.label).toBe('Gezondheid & zorg');
	});

	it('names every phase and initiator type in both languages, exports staying Dutch', () => {
		for (const id of [...PHASES]) expect(choiceLabel('phase', id, 'en'), id).not.toBe(choiceLabel('phase', id, 'nl'));
		for (const id of INITIATOR_TYPES) expect(choiceLabel('initiatorType', id, 'en'), id).not.toMatch(/_/);
		expect(choiceLabel('phase', 'n.v.t.', 'en')).toBe('Not applicable');
		expect(choiceLabel('initiatorType', 'kennisinstelling_wo', 'nl')).toBe('Kennisinstelling (wo)');
		expect(fieldDisplay('missionIds', ['ed-a', 'ed-b'], 'en')).toBe('Electricity; Built environment');
		expect(fieldDisplay('missionIds', ['ed-a', 'ed-b'], 'nl')).toBe('Elektriciteit; Gebouwde omgeving');
	});
});
