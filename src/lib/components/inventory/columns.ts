/** The grid's columns, which of them a person has hidden, and where that choice is kept. */
import type { SortKey } from '$lib/domain/inventory-query';

export type ColumnKey = Exclude<SortKey, 'title'>;

/** Columns after the title (which is always shown), in reading order, with their width. */
export const COLUMNS: { key: ColumnKey; numeric?: boolean; width: string }[] = [
	{ key: 'owner', width: '7.5rem' },
	{ key: 'provinces', width: '7rem' },
	{ key: 'theme', width: '7.5rem' },
	{ key: 'status', width: '6.25rem' },
	{ key: 'totalBudget', numeric: true, width: '6.75rem' },
	{ key: 'requestedAmount', numeric: true, width: '6.75rem' },
	{ key: 'updatedAt', numeric: true, width: '6rem' },
	{ key: 'code', width: '8.5rem' }
];

/** Hidden until chosen: with them the title column would shrink below a readable width at 1280 px.
 *  The code stays in each row's tooltip and on the cards. */
export const DEFAULT_HIDDEN: ColumnKey[] = ['requestedAmount', 'code'];

const storageKey = (userId: string) => `tafel:projecten:kolommen:${userId}`;
const isColumn = (value: unknown): value is ColumnKey => COLUMNS.some((col) => col.key === value);

/** The hidden columns this browser remembers for this person (the default when nothing is kept). */
export function loadHidden(userId: string): ColumnKey[] {
	try {
		const raw = localStorage.getItem(storageKey(userId));
		const parsed: unknown = raw ? JSON.parse(raw) : null;
		return Array.isArray(parsed) ? parsed.filter(isColumn) : DEFAULT_HIDDEN;
	} catch {
		// Storage may be blocked (private mode, policy): the default is then used.
		return DEFAULT_HIDDEN;
	}
}

export function saveHidden(userId: string, hidden: ColumnKey[]): void {
	try {
		localStorage.setItem(storageKey(userId), JSON.stringify(hidden));
	} catch {
		// Not remembered, but still applied for this visit.
	}
}
