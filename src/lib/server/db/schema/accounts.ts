/** Organisations, people, their sessions, one-time links and login rate limits. */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Role } from '../../../domain/roles.ts';
import { createdAt } from './columns.ts';

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

export type Organisation = typeof organisations.$inferSelect;
export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
