/** The value lists the filter panel and the filter chips show, with their labels. */
import { COROP, INSTRUMENTS, MISSIONS, PROVINCES, STATUSES, THEMES, type Option } from '$lib/domain/reference';
import { localizedOptions, referenceLabel } from '$lib/i18n/reference-labels';
import { DEFAULT_QUERY, serializeInventoryQuery, type InventoryQuery } from '$lib/domain/inventory-query';
import { statusLabel } from '$lib/i18n/project-labels';

export interface OptionGroup {
	label: string;
	options: Option[];
}

/** COROP regions under their province, so a long list reads like the map. */
export function coropGroups(): OptionGroup[] {
	return localizedOptions('provinces', PROVINCES).map((p) => ({ label: p.label, options: localizedOptions('corop', COROP.filter((c) => c.province === p.id)) })).filter((g) => g.options.length > 0);
}

/** Missions under their theme. */
export function missionGroups(): OptionGroup[] {
	return localizedOptions('themes', THEMES).map((t) => ({ label: t.label, options: localizedOptions('missions', MISSIONS.filter((mi) => mi.theme === t.id)) })).filter((g) => g.options.length > 0);
}

export const statusOptions = (): Option[] => STATUSES.map((id) => ({ id, label: statusLabel(id) }));
export const provinceOptions = (): Option[] => localizedOptions('provinces', PROVINCES);
export const themeOptions = (): Option[] => localizedOptions('themes', THEMES);
export const instrumentOptions = (): Option[] => localizedOptions('instruments', INSTRUMENTS);

export type ListFilter = 'provinces' | 'corop' | 'themes' | 'missions' | 'instruments' | 'statuses' | 'owners';

/** Label of one chosen value of a list filter; owners need the organisation names from the server. */
export function valueLabel(filter: ListFilter, id: string, organisations: Map<string, string>): string {
	switch (filter) {
		case 'provinces':
		case 'corop':
		case 'themes':
		case 'missions':
		case 'instruments':
			return referenceLabel(filter, id);
		case 'statuses': return statusLabel(id);
		case 'owners': return organisations.get(id) ?? id;
	}
}

/** The filters only (no sort, group or page): changes here mean "another selection of projects". */
export function filterSignature(query: InventoryQuery): string {
	return serializeInventoryQuery({ ...query, sort: DEFAULT_QUERY.sort, dir: DEFAULT_QUERY.dir, group: null, page: 1, pageSize: DEFAULT_QUERY.pageSize }).toString();
}
