import { sql } from 'drizzle-orm';
import {
	bigint,
	bigserial,
	boolean,
	customType,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import type { Role } from '../../domain/roles.ts';
import type { SheetRow } from '../../domain/import-report.ts';
import type { Target } from '../../domain/import-mapping.ts';

// Drizzle 0.45 has no bytea column. PGlite returns Uint8Array, postgres.js a Buffer
// (a Uint8Array subclass), so Uint8Array is the honest type for both.
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea'
});

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const organisations = pgTable('organisations', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	abbreviation: text('abbreviation').notNull(),
	type: text('type').notNull(),
	tier: text('tier').notNull(),
	provinces: jsonb('provinces').$type<string[]>().notNull().default([]),
	active: boolean('active').notNull().default(true),
	createdAt: createdAt(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

export const users = pgTable(
	'users',
	{
		id: text('id').primaryKey(),
		email: text('email').notNull(),
		name: text('name').notNull(),
		// Null until the invitation is accepted: such an account cannot log in.
		passwordHash: text('password_hash'),
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisations.id),
		role: text('role').$type<Role>().notNull(),
		active: boolean('active').notNull().default(true),
		locale: text('locale').notNull().default('nl'),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('users_email_idx').on(sql`lower(${t.email})`), index('users_org_idx').on(t.organisationId)]
);

export const sessions = pgTable(
	'sessions',
	{
		// SHA-256 of the token (hex): a leaked table cannot be replayed as cookies.
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		createdAt: createdAt(),
		lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
		userAgent: text('user_agent').notNull().default('')
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/** One-time links handed over by an admin: invitations and password resets. */
export const accountTokens = pgTable(
	'account_tokens',
	{
		id: text('id').primaryKey(),
		kind: text('kind').$type<'invite' | 'reset'>().notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdBy: text('created_by').references(() => users.id),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		usedAt: timestamp('used_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [index('account_tokens_user_idx').on(t.userId)]
);

/** Fixed-window counters shared by all instances (login attempts per account and per address). */
export const rateLimits = pgTable('rate_limits', {
	key: text('key').primaryKey(),
	count: integer('count').notNull(),
	resetAt: timestamp('reset_at', { withTimezone: true }).notNull()
});

/** Append-only Yjs update log; compacted into doc_states. */
export const docUpdates = pgTable(
	'doc_updates',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		docName: text('doc_name').notNull(),
		update: bytea('update').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('doc_updates_doc_idx').on(t.docName, t.id)]
);

/** The compacted state of a document, covering the log up to `compactedThrough`. */
export const docStates = pgTable('doc_states', {
	docName: text('doc_name').primaryKey(),
	state: bytea('state').notNull(),
	compactedThrough: bigint('compacted_through', { mode: 'number' }).notNull().default(0),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/**
 * Which documents a layout migration has been claimed for: the instance that inserts
 * the row migrates, so two instances loading one document never both insert the old
 * values into the new shared texts. A claim older than a minute on a document still in
 * the old layout may be taken over (its instance died before committing).
 */
export const docMigrations = pgTable(
	'doc_migrations',
	{
		docName: text('doc_name').notNull(),
		version: integer('version').notNull(),
		claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.docName, t.version] })]
);

export type Organisation = typeof organisations.$inferSelect;
export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;

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
		index('projects_updated_idx').on(t.updatedAt),
		index('projects_title_idx').on(t.title),
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

/** Remembered spreadsheet column mappings, per user and header signature. */
export const importMappings = pgTable(
	'import_mappings',
	{
		userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
		signature: text('signature').notNull(),
		mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.userId, t.signature] })]
);

/**
 * Spreadsheet uploads between upload and confirm: parsed rows kept in the database, not
 * in a process, so any instance can show the report and take the confirm, and a restart
 * forgets nothing. Expire a day after their last use; at most 3 per user (import/store.ts).
 */
export const importUploads = pgTable(
	'import_uploads',
	{
		id: text('id').primaryKey(),
		userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
		fileName: text('file_name').notNull(),
		format: text('format').$type<'csv' | 'xlsx'>().notNull(),
		headers: jsonb('headers').$type<string[]>().notNull(),
		rows: jsonb('rows').$type<SheetRow[]>().notNull(),
		signature: text('signature').notNull(),
		targets: jsonb('targets').$type<Target[]>().notNull(),
		remembered: boolean('remembered').notNull(),
		mapped: boolean('mapped').notNull().default(false),
		/** { phase: 'open' | 'importing' | 'done', … } as import/store.ts UploadState. */
		state: jsonb('state').$type<Record<string, unknown>>().notNull(),
		createdAt: createdAt(),
		usedAt: timestamp('used_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('import_uploads_user_idx').on(t.userId, t.usedAt)]
);

/**
 * Comment threads on a document: anchored to a range of its rich text (`anchor`: two
 * Yjs relative positions, base64) or about the whole record (`anchor` null). Threads
 * are rows, not part of the Y.Doc, so they can be permissioned per organisation
 * (`visibility` 'internal' = only the author's organisation) and queried for the inbox.
 */
export const commentThreads = pgTable(
	'comment_threads',
	{
		id: text('id').primaryKey(),
		documentName: text('document_name').notNull(),
		projectId: text('project_id').references(() => projects.id, { onDelete: 'cascade' }),
		authorId: text('author_id').notNull().references(() => users.id),
		organisationId: text('organisation_id').notNull().references(() => organisations.id),
		visibility: text('visibility', { enum: ['platform', 'internal'] }).notNull(),
		anchor: jsonb('anchor').$type<{ from: string; to: string } | null>(),
		quote: text('quote').notNull().default(''),
		resolvedAt: timestamp('resolved_at', { withTimezone: true }),
		resolvedBy: text('resolved_by').references(() => users.id),
		createdAt: createdAt(),
		lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('comment_threads_document_idx').on(t.documentName, t.createdAt),
		index('comment_threads_project_idx').on(t.projectId, t.resolvedAt)
	]
);

/** One comment of a thread; deleting leaves a tombstone (body emptied, deletedAt set). */
export const comments = pgTable(
	'comments',
	{
		id: text('id').primaryKey(),
		threadId: text('thread_id').notNull().references(() => commentThreads.id, { onDelete: 'cascade' }),
		authorId: text('author_id').notNull().references(() => users.id),
		body: text('body').notNull(),
		createdAt: createdAt(),
		editedAt: timestamp('edited_at', { withTimezone: true }),
		deletedAt: timestamp('deleted_at', { withTimezone: true })
	},
	(t) => [index('comments_thread_idx').on(t.threadId, t.createdAt)]
);

/** The inbox ("Meldingen"): one row per person per reason. */
export const notifications = pgTable(
	'notifications',
	{
		id: text('id').primaryKey(),
		userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ['mention', 'reply', 'project-comment'] }).notNull(),
		threadId: text('thread_id').notNull().references(() => commentThreads.id, { onDelete: 'cascade' }),
		commentId: text('comment_id').notNull().references(() => comments.id, { onDelete: 'cascade' }),
		actorId: text('actor_id').notNull().references(() => users.id),
		createdAt: createdAt(),
		readAt: timestamp('read_at', { withTimezone: true })
	},
	(t) => [index('notifications_user_idx').on(t.userId, t.createdAt), uniqueIndex('notifications_once_idx').on(t.userId, t.commentId)]
);

/** What a person wants to be notified about; absent row = everything on. */
export const notificationSettings = pgTable('notification_settings', {
	userId: text('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
	mentions: boolean('mentions').notNull().default(true),
	replies: boolean('replies').notNull().default(true),
	organisationProjects: boolean('organisation_projects').notNull().default(true),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

export type ProjectRow = typeof projects.$inferSelect;
