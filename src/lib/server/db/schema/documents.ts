/** The stored form of Yjs documents: the update log, compacted states and migration claims. */
import { bigint, bigserial, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea, createdAt } from './columns.ts';

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
