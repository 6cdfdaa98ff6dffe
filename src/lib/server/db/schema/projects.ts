/** Projects (the projection of their Y.Docs), provenance, timeline, links and saved inventory views. */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { organisations, users } from './accounts.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The projection of each project's Y.Doc (fields map + description text) for lists,
 * filters, search and export. Written by the server after persisted batches and by
 * imports; never edited directly by a page.
 */
export const projects = pgTable(
	'projects',
	{
		id: text('id').primaryKey(),
		code: text('code').notNull(),
		ownerOrganisationId: text('owner_organisation_id').notNull().references(() => organisations.id),
		/** 'concept' = visible only to the owning organisation; 'platform' = shared. */
		visibility: text('visibility').$type<'concept' | 'platform'>().notNull().default('concept'),
		archivedAt: timestamp('archived_at', { withTimezone: true }),
		demo: boolean('demo').notNull().default(false),
		title: text('title').notNull(),
		summary: text('summary').notNull().default(''),
		initiator: text('initiator').notNull().default(''),
		initiatorType: text('initiator_type').notNull().default(''),
		partners: text('partners').array().notNull().default(sql`'{}'::text[]`),
		provinces: text('provinces').array().notNull().default(sql`'{}'::text[]`),
		corop: text('corop').array().notNull().default(sql`'{}'::text[]`),
		themeId: text('theme_id').notNull().default(''),
		missionIds: text('mission_ids').array().notNull().default(sql`'{}'::text[]`),
		kiaIds: text('kia_ids').array().notNull().default(sql`'{}'::text[]`),
		keyTechnologyIds: text('key_technology_ids').array().notNull().default(sql`'{}'::text[]`),
		instrumentIds: text('instrument_ids').array().notNull().default(sql`'{}'::text[]`),
		totalBudget: bigint('total_budget', { mode: 'number' }),
		requestedAmount: bigint('requested_amount', { mode: 'number' }),
		cofinancing: bigint('cofinancing', { mode: 'number' }),
		phase: text('phase').notNull().default(''),
		trlCurrent: integer('trl_current'),
		trlTarget: integer('trl_target'),
		status: text('status').notNull().default('idee'),
		periodStart: text('period_start').notNull().default(''),
		periodEnd: text('period_end').notNull().default(''),
		contactName: text('contact_name').notNull().default(''),
		contactRole: text('contact_role').notNull().default(''),
		contactEmail: text('contact_email').notNull().default(''),
		tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
		descriptionText: text('description_text').notNull().default(''),
		/** Fields whose value in the document breaks a rule: field → problem. Their last valid value stays in the columns above. */
		fieldProblems: jsonb('field_problems').$type<Record<string, string>>().notNull().default({}),
		search: tsvector('search'),
		createdBy: text('created_by').references(() => users.id),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('projects_code_idx').on(t.code),
		// A code typed in the search box ("RIP-2026-00") is a prefix: LIKE 'x%' uses a btree only with pattern ops outside the C locale.
		index('projects_code_prefix_idx').on(t.code.op('text_pattern_ops')),
		index('projects_owner_idx').on(t.ownerOrganisationId),
		index('projects_status_idx').on(t.status),
		index('projects_theme_idx').on(t.themeId),
		// In the grid's exact order (id breaks ties): the first page is read from the index and stops after 50 rows.
		index('projects_updated_idx').on(t.updatedAt.desc().nullsLast(), t.id),
		index('projects_title_idx').on(t.title.asc().nullsLast(), t.id),
		// The list's count and totals from the index alone (an index-only scan), not from the wide rows.
		index('projects_totals_idx').on(t.archivedAt, t.visibility, t.ownerOrganisationId, t.totalBudget, t.requestedAmount),
		index('projects_budget_idx').on(t.totalBudget),
		index('projects_provinces_idx').using('gin', t.provinces),
		index('projects_corop_idx').using('gin', t.corop),
		index('projects_instruments_idx').using('gin', t.instrumentIds),
		index('projects_missions_idx').using('gin', t.missionIds),
		index('projects_search_idx').using('gin', t.search)
	]
);

/** Who last set each field of a project, for provenance and staleness. */
export const projectFieldProvenance = pgTable(
	'project_field_provenance',
	{
		projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		field: text('field').notNull(),
		userId: text('user_id').references(() => users.id),
		userName: text('user_name').notNull(),
		organisationId: text('organisation_id').notNull(),
		changedAt: timestamp('changed_at', { withTimezone: true }).notNull()
	},
	(t) => [primaryKey({ columns: [t.projectId, t.field] })]
);

/** The project timeline: status changes, sharing, archiving, links (and later comments, decisions). */
export const projectEvents = pgTable(
	'project_events',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		kind: text('kind').notNull(),
		fromValue: text('from_value'),
		toValue: text('to_value'),
		note: text('note'),
		userId: text('user_id').references(() => users.id),
		userName: text('user_name').notNull(),
		organisationId: text('organisation_id').notNull(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('project_events_project_idx').on(t.projectId, t.at)]
);

/** Typed links between projects (koppelingen), stored once and shown on both sides. */
export const projectLinks = pgTable(
	'project_links',
	{
		id: text('id').primaryKey(),
		fromProjectId: text('from_project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		toProjectId: text('to_project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		type: text('type').notNull(),
		note: text('note').notNull().default(''),
		proposedBy: text('proposed_by').references(() => users.id),
		proposedByName: text('proposed_by_name').notNull(),
		organisationId: text('organisation_id').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('project_links_pair_idx').on(t.fromProjectId, t.toProjectId, t.type),
		index('project_links_to_idx').on(t.toProjectId)
	]
);

/** Named views of the inventory (the URL query of the grid), per user. */
export const savedViews = pgTable(
	'saved_views',
	{
		id: text('id').primaryKey(),
		userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		query: text('query').notNull(),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('saved_views_user_name_idx').on(t.userId, t.name)]
);

export type ProjectRow = typeof projects.$inferSelect;
