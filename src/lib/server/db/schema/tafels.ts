/**
 * Brede tafels: the meeting, who is invited and what they answered, the agenda and the
 * projects (or couplings) each item is about, the decisions and actions recorded at the
 * table, and who was there. The shared notes are the collaborative document
 * `tafel:<id>:notes` (doc_states/doc_updates), not a column here.
 */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { organisations, users } from './accounts.ts';
import { projectLinks, projects } from './projects.ts';

/**
 * One brede tafel. `series` groups tafels that follow each other ("Brede tafel Oost"),
 * so a later one can carry over open actions. 'closed' is set when the facilitator
 * closes it (milestone versions and minutes hang off that moment).
 */
export const tafels = pgTable(
	'tafels',
	{
		id: text('id').primaryKey(),
		title: text('title').notNull(),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		durationMinutes: integer('duration_minutes').notNull().default(120),
		place: text('place').notNull().default(''),
		onlineLink: text('online_link').notNull().default(''),
		description: text('description').notNull().default(''),
		themeId: text('theme_id').notNull().default(''),
		series: text('series').notNull().default(''),
		status: text('status').$type<'planned' | 'closed'>().notNull().default('planned'),
		closedAt: timestamp('closed_at', { withTimezone: true }),
		closedBy: text('closed_by').references(() => users.id, { onDelete: 'set null' }),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('tafels_starts_idx').on(t.startsAt), index('tafels_series_idx').on(t.series, t.startsAt)]
);

export type TafelResponse = 'present' | 'absent' | 'represented';

/**
 * An invitation of an organisation (user_id null: anyone of it answers for it) or of one
 * person (user_id set; organisation_id is theirs). The answer sits on the invitation.
 */
export const tafelInvitations = pgTable(
	'tafel_invitations',
	{
		id: text('id').primaryKey(),
		tafelId: text('tafel_id').notNull().references(() => tafels.id, { onDelete: 'cascade' }),
		organisationId: text('organisation_id').notNull().references(() => organisations.id),
		userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
		response: text('response').$type<TafelResponse>(),
		/** Name of the colleague who goes instead, when response = 'represented'. */
		representedBy: text('represented_by').notNull().default(''),
		respondedBy: text('responded_by').references(() => users.id, { onDelete: 'set null' }),
		respondedAt: timestamp('responded_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('tafel_invitations_org_idx').on(t.tafelId, t.organisationId).where(sql`${t.userId} is null`),
		uniqueIndex('tafel_invitations_user_idx').on(t.tafelId, t.userId).where(sql`${t.userId} is not null`),
		index('tafel_invitations_invitee_idx').on(t.organisationId)
	]
);

/** An agenda item; invitees propose ('proposed'), the facilitator accepts or declines. */
export const tafelAgendaItems = pgTable(
	'tafel_agenda_items',
	{
		id: text('id').primaryKey(),
		tafelId: text('tafel_id').notNull().references(() => tafels.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		title: text('title').notNull(),
		/** Time box in minutes; null = none set. */
		minutes: integer('minutes'),
		note: text('note').notNull().default(''),
		status: text('status').$type<'proposed' | 'accepted' | 'declined'>().notNull().default('accepted'),
		proposedBy: text('proposed_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('tafel_agenda_items_tafel_idx').on(t.tafelId, t.position)]
);

/** The projects an agenda item is about, optionally through an existing coupling between them. */
export const tafelAgendaProjects = pgTable(
	'tafel_agenda_projects',
	{
		agendaItemId: text('agenda_item_id').notNull().references(() => tafelAgendaItems.id, { onDelete: 'cascade' }),
		projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		linkId: text('link_id').references(() => projectLinks.id, { onDelete: 'set null' })
	},
	(t) => [primaryKey({ columns: [t.agendaItemId, t.projectId] }), index('tafel_agenda_projects_project_idx').on(t.projectId)]
);

export const tafelDecisions = pgTable(
	'tafel_decisions',
	{
		id: text('id').primaryKey(),
		tafelId: text('tafel_id').notNull().references(() => tafels.id, { onDelete: 'cascade' }),
		agendaItemId: text('agenda_item_id').references(() => tafelAgendaItems.id, { onDelete: 'set null' }),
		text: text('text').notNull(),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('tafel_decisions_tafel_idx').on(t.tafelId, t.createdAt)]
);

export const tafelDecisionProjects = pgTable(
	'tafel_decision_projects',
	{
		decisionId: text('decision_id').notNull().references(() => tafelDecisions.id, { onDelete: 'cascade' }),
		projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.decisionId, t.projectId] })]
);

/** An action agreed at the table, owned by an organisation (and optionally one person of it). */
export const tafelActions = pgTable(
	'tafel_actions',
	{
		id: text('id').primaryKey(),
		tafelId: text('tafel_id').notNull().references(() => tafels.id, { onDelete: 'cascade' }),
		agendaItemId: text('agenda_item_id').references(() => tafelAgendaItems.id, { onDelete: 'set null' }),
		text: text('text').notNull(),
		ownerOrganisationId: text('owner_organisation_id').notNull().references(() => organisations.id),
		ownerUserId: text('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
		/** A calendar day (YYYY-MM-DD), no time zone to get wrong; null = no due date. */
		dueDate: text('due_date'),
		status: text('status').$type<'open' | 'done'>().notNull().default('open'),
		doneBy: text('done_by').references(() => users.id, { onDelete: 'set null' }),
		doneAt: timestamp('done_at', { withTimezone: true }),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('tafel_actions_tafel_idx').on(t.tafelId, t.createdAt), index('tafel_actions_owner_idx').on(t.ownerOrganisationId, t.status)]
);

export const tafelActionProjects = pgTable(
	'tafel_action_projects',
	{
		actionId: text('action_id').notNull().references(() => tafelActions.id, { onDelete: 'cascade' }),
		projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.actionId, t.projectId] })]
);

/** Who was at the table, recorded by the facilitator; the organisation as it was then. */
export const tafelAttendance = pgTable(
	'tafel_attendance',
	{
		tafelId: text('tafel_id').notNull().references(() => tafels.id, { onDelete: 'cascade' }),
		userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
		organisationId: text('organisation_id').notNull().references(() => organisations.id),
		present: boolean('present').notNull().default(true),
		recordedBy: text('recorded_by').references(() => users.id, { onDelete: 'set null' }),
		recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.tafelId, t.userId] })]
);

export type TafelRow = typeof tafels.$inferSelect;
export type TafelActionRow = typeof tafelActions.$inferSelect;

/**
 * The minutes (verslag) of a closed tafel: made when the facilitator closes it, from the
 * records above and the milestone versions taken then (milestone_id on doc_versions: the
 * notes and every bound project), draft until the facilitator finalises it; final is
 * read-only. The content itself is not copied here: it is read from the records and the
 * versions, so a draft shows corrections to decisions and actions made after closing.
 */
export const tafelMinutes = pgTable('tafel_minutes', {
	tafelId: text('tafel_id').primaryKey().references(() => tafels.id, { onDelete: 'cascade' }),
	status: text('status').$type<'draft' | 'final'>().notNull().default('draft'),
	milestoneId: text('milestone_id').notNull(),
	finalisedBy: text('finalised_by').references(() => users.id, { onDelete: 'set null' }),
	finalisedAt: timestamp('finalised_at', { withTimezone: true }),
	createdAt: createdAt()
});
export type TafelMinutesRow = typeof tafelMinutes.$inferSelect;
