/** Words the inventory uses for its sort and group keys, in the user's language. */
import { m } from '$lib/paraglide/messages.js';
import type { GroupKey, SortKey } from '$lib/domain/inventory-query';
import { fieldLabel } from '$lib/i18n/project-labels';

export function groupLabel(key: GroupKey): string {
	return { province: m.inventory_group_province, theme: m.inventory_group_theme, status: m.inventory_group_status }[key]();
}

export function sortLabel(key: SortKey): string {
	switch (key) {
		case 'theme': return fieldLabel('themeId');
		case 'owner': return fieldLabel('owner');
		case 'updatedAt': return fieldLabel('updatedAt');
		case 'totalBudget': return m.inventory_col_budget();
		case 'requestedAmount': return m.inventory_col_requested();
		default: return fieldLabel(key);
	}
}
