import { and, arrayOverlaps, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '../../domain/permissions.ts';
import { codePrefix, DEFAULT_QUERY, type InventoryQuery, type SortKey } from '../../domain/inventory-query.ts';
import { db } from '../db/client.ts';
import { organisations, projects } from '../db/schema.ts';
import { readableProjects } from '../policy-sql.ts';

/** What the grid, the API list and the exports show of a project. */
export const listColumns = {
	id: projects.id,
	code: projects.code,
	title: projects.title,
	summary: projects.summary,
	status: projects.status,
	visibility: projects.visibility,
	archivedAt: projects.archivedAt,
	demo: projects.demo,
	ownerOrganisationId: projects.ownerOrganisationId,
	ownerName: organisations.name,
	ownerAbbreviation: organisations.abbreviation,
	initiator: projects.initiator,
	initiatorType: projects.initiatorType,
	partners: projects.partners,
	provinces: projects.provinces,
	corop: projects.corop,
	themeId: projects.themeId,
	missionIds: projects.missionIds,
	kiaIds: projects.kiaIds,
	keyTechnologyIds: projects.keyTechnologyIds,
	instrumentIds: projects.instrumentIds,
	totalBudget: projects.totalBudget,
	requestedAmount: projects.requestedAmount,
	cofinancing: projects.cofinancing,
	phase: projects.phase,
	trlCurrent: projects.trlCurrent,
	trlTarget: projects.trlTarget,
	periodStart: projects.periodStart,
	periodEnd: projects.periodEnd,
	contactName: projects.contactName,
	contactRole: projects.contactRole,
	contactEmail: projects.contactEmail,
	tags: projects.tags,
	fieldProblems: projects.fieldProblems,
	updatedAt: projects.updatedAt,
	createdAt: projects.createdAt
};

const selectList = () => db().select(listColumns).from(projects).innerJoin(organisations, eq(organisations.id, projects.ownerOrganisationId));
export type ProjectListRow = Awaited<ReturnType<typeof selectList>>[number];

/**
 * Words through the GIN index of the search vector (the code is in it too, weight A); a
 * code-shaped query also as a prefix of the code, through its pattern index. Both sides
 * are indexed, so the planner can combine them (BitmapOr); an unindexed side such as
 * `code ilike …` would make every search read the whole table.
 */
function searchCondition(q: string): SQL {
	const words = sql`${projects.search} @@ websearch_to_tsquery('dutch', ${q})`;
	const prefix = codePrefix(q);
	// codePrefix admits no LIKE wildcards (%, _ or a backslash): the prefix needs no escaping.
	return prefix === null ? words : sql`(${words} or ${projects.code} like ${prefix + '%'})`;
}

/** All filters of the query as one SQL condition (without paging or sorting). */
export function filterCondition(actor: Actor, query: InventoryQuery): SQL {
	// Who may read is the policy's (policy-sql.ts); archived projects are listed only when asked for.
	const conditions: (SQL | undefined)[] = [readableProjects(actor), query.archived ? isNotNull(projects.archivedAt) : isNull(projects.archivedAt)];
	if (query.q) conditions.push(searchCondition(query.q));
	if (query.provinces.length) conditions.push(arrayOverlaps(projects.provinces, query.provinces));
	if (query.corop.length) conditions.push(arrayOverlaps(projects.corop, query.corop));
	if (query.missions.length) conditions.push(arrayOverlaps(projects.missionIds, query.missions));
	if (query.instruments.length) conditions.push(arrayOverlaps(projects.instrumentIds, query.instruments));
	if (query.themes.length) conditions.push(inArray(projects.themeId, query.themes));
	if (query.statuses.length) conditions.push(inArray(projects.status, query.statuses));
	if (query.owners.length) conditions.push(inArray(projects.ownerOrganisationId, query.owners));
	if (query.budgetMin !== null) conditions.push(gte(projects.totalBudget, query.budgetMin));
	if (query.budgetMax !== null) conditions.push(lte(projects.totalBudget, query.budgetMax));
	return and(...conditions)!;
}

const SORT_COLUMNS: Record<SortKey, SQL | AnyPgColumn> = {
	title: projects.title,
	code: projects.code,
	status: sql`array_position(array['idee','verkenning','uitwerking','aanvraag','besluit','uitvoering','afgerond','gepauzeerd','gestopt'], ${projects.status})`,
	theme: projects.themeId,
	owner: organisations.name,
	totalBudget: projects.totalBudget,
	requestedAmount: projects.requestedAmount,
	updatedAt: projects.updatedAt,
	provinces: sql`${projects.provinces}[1]`
};

function orderBy(query: InventoryQuery): SQL[] {
	const ranked = query.q && query.sort === DEFAULT_QUERY.sort && query.dir === DEFAULT_QUERY.dir;
	if (ranked) return [sql`ts_rank(${projects.search}, websearch_to_tsquery('dutch', ${query.q})) desc`, asc(projects.id)];
	const column = SORT_COLUMNS[query.sort];
	const direction = query.dir === 'asc' ? sql`asc nulls last` : sql`desc nulls last`;
	return [sql`${column} ${direction}`, asc(projects.id)];
}

export interface ListResult {
	rows: ProjectListRow[];
	total: number;
	totals: { totalBudget: number; requestedAmount: number };
}

/** One page of the inventory, with the count and budget totals of the whole filtered set. */
/** The two queries behind a list: one page of rows, and the count and budget totals of all that match. */
export function listQueries(actor: Actor, query: InventoryQuery, options: { all?: boolean } = {}) {
	const where = filterCondition(actor, query);
	const base = selectList().where(where).orderBy(...orderBy(query));
	return {
		page: options.all ? base.limit(100_000) : base.limit(query.pageSize).offset((query.page - 1) * query.pageSize),
		totals: db()
			.select({ n: count(), total: sql<string>`coalesce(sum(${projects.totalBudget}), 0)`, requested: sql<string>`coalesce(sum(${projects.requestedAmount}), 0)` })
			.from(projects)
			.where(where)
	};
}

export async function listProjects(actor: Actor, query: InventoryQuery, options: { all?: boolean } = {}): Promise<ListResult> {
	const { page, totals } = listQueries(actor, query, options);
	// Both at once: on PostgreSQL two connections answer them side by side.
	const [rows, [agg]] = await Promise.all([page, totals]);
	return { rows, total: agg.n, totals: { totalBudget: Number(agg.total), requestedAmount: Number(agg.requested) } };
}

export interface GroupRow {
	key: string;
	count: number;
	totalBudget: number;
	requestedAmount: number;
}

/** Counts and budget totals per province, theme or status of the filtered set. */
export async function groupProjects(actor: Actor, query: InventoryQuery, group: 'province' | 'theme' | 'status' | 'instrument'): Promise<GroupRow[]> {
	const where = filterCondition(actor, query);
	const key =
		group === 'province' ? sql<string>`unnest(${projects.provinces})` : group === 'instrument' ? sql<string>`unnest(${projects.instrumentIds})` : group === 'theme' ? sql<string>`${projects.themeId}` : sql<string>`${projects.status}`;
	const inner = db().select({ key: key.as('key'), total: projects.totalBudget, requested: projects.requestedAmount }).from(projects).where(where).as('g');
	const rows = await db()
		.select({ key: inner.key, count: count(), totalBudget: sql<string>`coalesce(sum(${inner.total}), 0)`, requestedAmount: sql<string>`coalesce(sum(${inner.requested}), 0)` })
		.from(inner)
		.groupBy(inner.key)
		.orderBy(desc(count()));
	return rows.map((r) => ({ key: r.key, count: r.count, totalBudget: Number(r.totalBudget), requestedAmount: Number(r.requestedAmount) }));
}
