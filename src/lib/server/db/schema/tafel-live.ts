/**
 * A brede tafel running live: what the facilitator steers (current item, what is shown,
 * the timers, who has the floor, the dot-voting rounds) and what the people at the table
 * add (raised hands, reactions, their dots, that they are here). Stored so a restart of
 * the server, or another instance behind Redis, carries on where the table was; the
 * service `tafel-live.ts` is the one owner of these rows.
 */
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { users } from './accounts.ts';
import { projects } from './projects.ts';
import { tafelAgendaItems, tafels } from './tafels.ts';

/** One row per tafel that has ever been live. `version` orders the states browsers receive. */
export const tafelLive = pgTable('tafel_live', {
	tafelId: text('tafel_id').primaryKey().references(() => tafels.id, { onDelete: 'cascade' }),
	active: boolean('active').notNull().default(false),
	/** Who started it: they lead, and the bar follows them across pages like those invited. */
	startedBy: text('started_by').references(() => users.id, { onDelete: 'set null' }),
	agendaItemId: text('agenda_item_id').references(() => tafelAgendaItems.id, { onDelete: 'set null' }),
	shownProjectId: text('shown_project_id').references(() => projects.id, { onDelete: 'set null' }),
	/** A section of the shown project ('' = the whole record). */
	shownSection: text('shown_section').notNull().default(''),
	/** Counts summons, so each one (also to the same place) brings everyone again. */
	summonSeq: integer('summon_seq').notNull().default(0),
	floorUserId: text('floor_user_id').references(() => users.id, { onDelete: 'set null' }),
	voteRoundId: text('vote_round_id'),
	version: integer('version').notNull().default(0),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/**
 * The timer of one agenda item: remaining = budget − elapsed − (now − started_at while
 * running); the time spent (elapsed + running part) goes into the minutes.
 */
export const tafelLiveTimers = pgTable(
	'tafel_live_timers',
	{
		tafelId: text('tafel_id').notNull().references(() => tafels.id, { onDelete: 'cascade' }),
		agendaItemId: text('agenda_item_id').notNull().references(() => tafelAgendaItems.id, { onDelete: 'cascade' }),
		budgetMs: integer('budget_ms').notNull(),
		elapsedMs: integer('elapsed_ms').notNull().default(0),
		startedAt: timestamp('started_at', { withTimezone: true, precision: 3 }),
		addedMinutes: integer('added_minutes').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.tafelId, t.agendaItemId] })]
);

/** A raised hand; the queue is ordered by raised_at. */
export const tafelLiveHands = pgTable(
	'tafel_live_hands',
	{
		tafelId: text('tafel_id').notNull().references(() => tafels.id, { onDelete: 'cascade' }),
		userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
		raisedAt: timestamp('raised_at', { withTimezone: true, precision: 3 }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.tafelId, t.userId] }), index('tafel_live_hands_order_idx').on(t.tafelId, t.raisedAt)]
);

export type LiveReaction = 'eens' | 'oneens' | 'vraag';

/** Each person's current reaction to the item under discussion (one at a time; cleared with the item). */
export const tafelLiveReactions = pgTable(
	'tafel_live_reactions',
	{
		tafelId: text('tafel_id').notNull().references(() => tafels.id, { onDelete: 'cascade' }),
		userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind').$type<LiveReaction>().notNull(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.tafelId, t.userId] })]
);

/** Who has the tafel open: a heartbeat from the live bar, counted as here while recent. */
export const tafelPresence = pgTable(
	'tafel_presence',
	{
		tafelId: text('tafel_id').notNull().references(() => tafels.id, { onDelete: 'cascade' }),
		userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
		seenAt: timestamp('seen_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.tafelId, t.userId] })]
);

export interface VoteOption {
	projectId: string;
	code: string;
	title: string;
}

/**
 * A dot-voting round over the tafel's projects (the options are fixed when it opens).
 * `result` stays null until the reveal: before it, the dots exist only in tafel_votes.
 */
export const tafelVoteRounds = pgTable(
	'tafel_vote_rounds',
	{
		id: text('id').primaryKey(),
		tafelId: text('tafel_id').notNull().references(() => tafels.id, { onDelete: 'cascade' }),
		agendaItemId: text('agenda_item_id').references(() => tafelAgendaItems.id, { onDelete: 'set null' }),
		dots: integer('dots').notNull(),
		/** Whether one person may put more than one dot on one option. */
		stacking: boolean('stacking').notNull().default(false),
		options: jsonb('options').$type<VoteOption[]>().notNull(),
		status: text('status').$type<'open' | 'revealed'>().notNull().default('open'),
		result: jsonb('result').$type<{ projectId: string; dots: number }[]>(),
		voters: integer('voters'),
		openedBy: text('opened_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		revealedAt: timestamp('revealed_at', { withTimezone: true })
	},
	(t) => [index('tafel_vote_rounds_tafel_idx').on(t.tafelId, t.createdAt)]
);

/** One person's dots on one option of a round; secret until the round is revealed. */
export const tafelVotes = pgTable(
	'tafel_votes',
	{
		roundId: text('round_id').notNull().references(() => tafelVoteRounds.id, { onDelete: 'cascade' }),
		userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
		projectId: text('project_id').notNull(),
		dots: integer('dots').notNull()
	},
	(t) => [primaryKey({ columns: [t.roundId, t.userId, t.projectId] })]
);
