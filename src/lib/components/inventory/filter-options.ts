/** The value lists the filter panel and the filter chips show, with their labels. */
import { COROP, INSTRUMENTS, MISSIONS, PROVINCES, STATUSES, THEMES, LOOKUP, type Option } from '$lib/domain/reference';
import { DEFAULT_QUERY, serializeInventoryQuery, type InventoryQuery } from '$lib/domain/inventory-query';
import { statusLabel } from '$lib/i18n/project-labels';

export interface OptionGroup {
	label: string;
	options: Option[];
}

/** COROP regions under their province, so a long list reads like the map. */
export function coropGroups(): OptionGroup[] {
	return PROVINCES.map((p) => ({ label: p.label, options: COROP.filter((c) => c.province === p.id) })).filter((g) => g.options.length > 0);
}

/** Missions under their theme. */
export function missionGroups(): OptionGroup[] {
	return THEMES.map((t) => ({ label: t.label, options: MISSIONS.filter((mi) => mi.theme === t.id) })).filter((g) => g.options.length > 0);
}

export const statusOptions = (): Option[] => STATUSES.map((id) => ({ id, label: statusLabel(id) }));
export const provinceOptions = (): Option[] => PROVINCES;
export const themeOptions = (): Option[] => THEMES;
export const instrumentOptions = (): Option[] => INSTRUMENTS;

export type ListFilter = 'provinces' | 'corop' | 'themes' | 'missions' | 'instruments' | 'statuses' | 'owners';

/** Label of one chosen value of a list filter; owners need the organisation names from the server. */
export function valueLabel(filter: ListFilter, id: string, organisations: Map<string, string>): string {
	switch (filter) {
		case 'provinces': return LOOKUP.provinces.get(id)?.label ?? id;
		case 'corop': return LOOKUP.corop.get(id)?.label ?? id;
		case 'themes': return LOOKUP.themes.get(id)?.label ?? id;
		case 'missions': return LOOKUP.missions.get(id)?.label ?? id;
		case 'instruments': return LOOKUP.instruments.get(id)?.label ?? id;
		case 'statuses': return statusLabel(id);
		case 'owners': return organisations.get(id) ?? id;
	}
}

/** The filters only (no sort, group or page): changes here mean "another selection of projects". */
export function filterSignature(query: InventoryQuery): string {
	return serializeInventoryQuery({ ...query, sort: DEFAULT_QUERY.sort, dir: DEFAULT_QUERY.dir, group: null, page: 1, pageSize: DEFAULT_QUERY.pageSize }).toString();
}
