/** Comment threads, comments and the inbox they feed. */
import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { organisations, users } from './accounts.ts';
import { projects } from './projects.ts';
import { tafelActions, tafels } from './tafels.ts';

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

/**
 * The inbox ("Meldingen"): one row per person per reason. A comment notification names
 * its thread and comment; a tafel invitation its tafel; an action for an organisation
 * its tafel and action.
 */
export const notifications = pgTable(
	'notifications',
	{
		id: text('id').primaryKey(),
		userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ['mention', 'reply', 'project-comment', 'tafel-invitation', 'tafel-action'] }).notNull(),
		threadId: text('thread_id').references(() => commentThreads.id, { onDelete: 'cascade' }),
		commentId: text('comment_id').references(() => comments.id, { onDelete: 'cascade' }),
		tafelId: text('tafel_id').references(() => tafels.id, { onDelete: 'cascade' }),
		actionId: text('action_id').references(() => tafelActions.id, { onDelete: 'cascade' }),
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
