/**
 * The inventory's filter/sort/group state. It lives in the URL (so a view is a link),
 * and the grid, the JSON API and the exports all read it through this one parser.
 */
import { LOOKUP, STATUSES } from './reference.ts';

export const SORT_KEYS = ['title', 'code', 'status', 'theme', 'owner', 'totalBudget', 'requestedAmount', 'updatedAt', 'provinces'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const GROUP_KEYS = ['province', 'theme', 'status'] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];
export const PAGE_SIZES = [25, 50, 100, 200] as const;

export interface InventoryQuery {
	q: string;
	provinces: string[];
	corop: string[];
	themes: string[];
	missions: string[];
	instruments: string[];
	statuses: string[];
	owners: string[];
	budgetMin: number | null;
	budgetMax: number | null;
	archived: boolean;
	sort: SortKey;
	dir: 'asc' | 'desc';
	group: GroupKey | null;
	page: number;
	pageSize: number;
}

export const DEFAULT_QUERY: InventoryQuery = {
	q: '', provinces: [], corop: [], themes: [], missions: [], instruments: [], statuses: [], owners: [],
	budgetMin: null, budgetMax: null, archived: false, sort: 'updatedAt', dir: 'desc', group: null, page: 1, pageSize: 50
};

// URL parameter names are Dutch: they appear in links people share.
const PARAM = {
	q: 'zoek', provinces: 'provincie', corop: 'corop', themes: 'thema', missions: 'missie', instruments: 'instrument',
	statuses: 'status', owners: 'organisatie', budgetMin: 'budget_min', budgetMax: 'budget_max', archived: 'archief',
	sort: 'sorteer', dir: 'richting', group: 'groepeer', page: 'pagina', pageSize: 'per_pagina'
} as const;

function list(params: URLSearchParams, name: string, valid: (v: string) => boolean): string[] {
	const values = params.getAll(name).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
	return [...new Set(values)].filter(valid).slice(0, 50);
}

function amount(raw: string | null): number | null {
	if (!raw) return null;
	const n = Number(raw.replace(/[\s.]/g, ''));
	return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

const ORG_ID = /^[a-z0-9-]{1,60}$/;

/** Unknown or malformed parameters are ignored, never an error: a shared link keeps working. */
export function parseInventoryQuery(params: URLSearchParams): InventoryQuery {
	const rawSort = params.get(PARAM.sort);
	const sort = (SORT_KEYS as readonly string[]).includes(rawSort ?? '') ? (rawSort as SortKey) : null;
	const group = params.get(PARAM.group);
	const page = Number(params.get(PARAM.page));
	const pageSize = Number(params.get(PARAM.pageSize));
	return {
		q: (params.get(PARAM.q) ?? '').slice(0, 200).trim(),
		provinces: list(params, PARAM.provinces, (v) => LOOKUP.provinces.has(v)),
		corop: list(params, PARAM.corop, (v) => LOOKUP.corop.has(v)),
		themes: list(params, PARAM.themes, (v) => LOOKUP.themes.has(v)),
		missions: list(params, PARAM.missions, (v) => LOOKUP.missions.has(v)),
		instruments: list(params, PARAM.instruments, (v) => LOOKUP.instruments.has(v)),
		statuses: list(params, PARAM.statuses, (v) => (STATUSES as readonly string[]).includes(v)),
		owners: list(params, PARAM.owners, (v) => ORG_ID.test(v)),
		budgetMin: amount(params.get(PARAM.budgetMin)),
		budgetMax: amount(params.get(PARAM.budgetMax)),
		archived: params.get(PARAM.archived) === '1',
		sort: sort ?? DEFAULT_QUERY.sort,
		dir: params.get(PARAM.dir) === 'asc' ? 'asc' : params.get(PARAM.dir) === 'desc' ? 'desc' : sort ? 'asc' : DEFAULT_QUERY.dir,
		group: (GROUP_KEYS as readonly string[]).includes(group ?? '') ? (group as GroupKey) : null,
		page: Number.isSafeInteger(page) && page >= 1 ? Math.min(page, 10_000) : 1,
		pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_QUERY.pageSize
	};
}

/**
 * A search that looks like (the start of) a project code, "RIP-2026-00" or "rip-demo-0012":
 * letters, a hyphen, then letters, digits and hyphens. Returned in capitals, as codes are
 * stored, for a prefix match on the code; anything else is searched as words only.
 */
export function codePrefix(q: string): string | null {
	return /^[a-z]+-[a-z0-9-]*$/i.test(q) ? q.toUpperCase() : null;
}

/** The canonical URL query of a view: only what differs from the defaults. */
export function serializeInventoryQuery(query: InventoryQuery): URLSearchParams {
	const params = new URLSearchParams();
	if (query.q) params.set(PARAM.q, query.q);
	for (const key of ['provinces', 'corop', 'themes', 'missions', 'instruments', 'statuses', 'owners'] as const) {
		for (const value of query[key]) params.append(PARAM[key], value);
	}
	if (query.budgetMin !== null) params.set(PARAM.budgetMin, String(query.budgetMin));
	if (query.budgetMax !== null) params.set(PARAM.budgetMax, String(query.budgetMax));
	if (query.archived) params.set(PARAM.archived, '1');
	if (query.sort !== DEFAULT_QUERY.sort || query.dir !== DEFAULT_QUERY.dir) {
		params.set(PARAM.sort, query.sort);
		params.set(PARAM.dir, query.dir);
	}
	if (query.group) params.set(PARAM.group, query.group);
	if (query.page !== 1) params.set(PARAM.page, String(query.page));
	if (query.pageSize !== DEFAULT_QUERY.pageSize) params.set(PARAM.pageSize, String(query.pageSize));
	return params;
}

export function withQuery(query: InventoryQuery, change: Partial<InventoryQuery>): string {
	const next = { ...query, page: 1, ...change };
	const s = serializeInventoryQuery(next).toString();
	return s ? `?${s}` : '?';
}
