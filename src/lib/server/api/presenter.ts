/**
 * The JSON API's shape (documented in README "JSON API"). Ids, not labels: integrations
 * map them with the public reference lists. Authorised like the pages, through the
 * same services.
 */
import type { Actor } from '../../domain/permissions.ts';
import type { ProjectFields } from '../../domain/project.ts';
import { serializeInventoryQuery, type InventoryQuery } from '../../domain/inventory-query.ts';
import { groupProjects, listProjects, type GroupRow, type ProjectListRow } from '../services/inventory.ts';
import { getProject } from '../services/projects.ts';
import { listLinks } from '../services/links.ts';

/** The record's fields as the API names them: the project's own, the contact nested. */
type ApiFields = Omit<ProjectFields, 'contactName' | 'contactRole' | 'contactEmail' | 'status'> & { status: string; contact: { name: string; role: string; email: string } };

export interface ApiProject extends ApiFields {
	id: string;
	code: string;
	visibility: 'concept' | 'platform';
	archived: boolean;
	demo: boolean;
	owner: { id: string; name: string; abbreviation: string };
	/** Fields whose value in the shared record breaks a rule (field → problem); the values above are the last valid ones. */
	fieldProblems: Record<string, string>;
	createdAt: string;
	updatedAt: string;
}

export function apiProject(row: ProjectListRow): ApiProject {
	return {
		id: row.id, code: row.code, title: row.title, summary: row.summary, status: row.status, visibility: row.visibility,
		archived: row.archivedAt !== null, demo: row.demo,
		owner: { id: row.ownerOrganisationId, name: row.ownerName, abbreviation: row.ownerAbbreviation },
		initiator: row.initiator, initiatorType: row.initiatorType, partners: row.partners, provinces: row.provinces, corop: row.corop,
		themeId: row.themeId, missionIds: row.missionIds, kiaIds: row.kiaIds, keyTechnologyIds: row.keyTechnologyIds, instrumentIds: row.instrumentIds,
		totalBudget: row.totalBudget, requestedAmount: row.requestedAmount, cofinancing: row.cofinancing, phase: row.phase,
		trlCurrent: row.trlCurrent, trlTarget: row.trlTarget, periodStart: row.periodStart, periodEnd: row.periodEnd,
		contact: { name: row.contactName, role: row.contactRole, email: row.contactEmail }, tags: row.tags,
		fieldProblems: row.fieldProblems,
		createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString()
	};
}

export interface ApiProjectList {
	query: string;
	total: number;
	page: number;
	pageSize: number;
	pages: number;
	totals: { totalBudget: number; requestedAmount: number };
	groups?: GroupRow[];
	projects: ApiProject[];
}

export async function apiProjectList(actor: Actor, query: InventoryQuery): Promise<ApiProjectList> {
	const [list, groups] = await Promise.all([listProjects(actor, query), query.group ? groupProjects(actor, query, query.group) : Promise.resolve(undefined)]);
	return {
		query: serializeInventoryQuery(query).toString(),
		total: list.total,
		page: query.page,
		pageSize: query.pageSize,
		pages: Math.max(1, Math.ceil(list.total / query.pageSize)),
		totals: list.totals,
		...(groups ? { groups } : {}),
		projects: list.rows.map(apiProject)
	};
}

export interface ApiProjectDetail extends ApiProject {
	description: string;
	links: { type: string; direction: 'outgoing' | 'incoming'; note: string; project: { id: string; code: string; title: string } }[];
}

/** null = unknown or not visible: the API answers 404 for both, like the page. */
export async function apiProjectDetail(actor: Actor, id: string): Promise<ApiProjectDetail | null> {
	const project = await getProject(actor, id);
	if (!project) return null;
	const links = (await listLinks(actor, id)) ?? [];
	return {
		...apiProject(project),
		description: project.descriptionText,
		links: links.map((l) => ({ type: l.type, direction: l.direction, note: l.note, project: l.other }))
	};
}
