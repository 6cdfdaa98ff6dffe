import { COROP, INITIATOR_TYPES, INSTRUMENTS, KEY_TECHNOLOGIES, KIAS, MISSIONS, PHASES, PROVINCES, STATUSES, THEMES, type Option } from '$lib/domain/reference';
import type { FieldKey, ProjectFields } from '$lib/domain/project';
import { statusLabel } from '$lib/i18n/project-labels';
import { choiceLabel } from '$lib/i18n/field-values';
import { localizedOptions } from '$lib/i18n/reference-labels';
import { getLocale } from '$lib/paraglide/runtime';

const plain = (values: readonly string[], label: (v: string) => string = (v) => v.replaceAll('_', ' ')): Option[] => values.map((id) => ({ id, label: label(id) }));

const locale = () => (getLocale() === 'en' ? 'en' : 'nl');

/** The choices offered for a field, narrowed by what is already chosen (COROP by province, missions by theme). */
export function optionsFor(key: FieldKey, values: Partial<ProjectFields>): Option[] {
	switch (key) {
		case 'provinces':
			return localizedOptions('provinces', PROVINCES);
		case 'corop': {
			const provinces = values.provinces ?? [];
			return localizedOptions('corop', COROP.filter((c) => provinces.includes(c.province) || (values.corop ?? []).includes(c.id)));
		}
		case 'themeId':
			return localizedOptions('themes', THEMES);
		case 'missionIds':
			return localizedOptions('missions', MISSIONS.filter((m) => !values.themeId || m.theme === values.themeId || (values.missionIds ?? []).includes(m.id)));
		case 'kiaIds':
			return localizedOptions('kias', KIAS);
		case 'keyTechnologyIds':
			return localizedOptions('keyTechnologies', KEY_TECHNOLOGIES);
		case 'instrumentIds':
			return localizedOptions('instruments', INSTRUMENTS);
		case 'status':
			return plain(STATUSES, statusLabel);
		case 'phase':
			return plain(PHASES, (id) => choiceLabel('phase', id, locale()));
		case 'initiatorType':
			return plain(INITIATOR_TYPES, (id) => choiceLabel('initiatorType', id, locale()));
		case 'trlCurrent':
		case 'trlTarget':
			return plain(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
		default:
			return [];
	}
}

/** How the record is sectioned, in reading order; every field appears exactly once. */
export const SECTIONS: { id: string; fields: FieldKey[] }[] = [
	{ id: 'inhoud', fields: ['title', 'summary', 'initiator', 'initiatorType', 'partners', 'tags'] },
	{ id: 'planning', fields: ['status', 'phase', 'trlCurrent', 'trlTarget', 'periodStart', 'periodEnd'] },
	{ id: 'financiering', fields: ['totalBudget', 'requestedAmount', 'cofinancing'] },
	{ id: 'regio', fields: ['provinces', 'corop'] },
	{ id: 'beleid', fields: ['themeId', 'missionIds', 'kiaIds', 'keyTechnologyIds', 'instrumentIds'] },
	{ id: 'contact', fields: ['contactName', 'contactRole', 'contactEmail'] }
];
