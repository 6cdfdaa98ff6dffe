/**
 * Versions of collaborative documents (project records, the Werkagenda, tafel notes):
 * full Yjs states kept apart from doc_states/doc_updates, so compaction never touches
 * them, and per document the editing activity since its last version.
 */
import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea, createdAt } from './columns.ts';
import { users } from './accounts.ts';

/** Who changed something in a document: kept by user id, with the name and organisation as they were. */
export interface VersionEditor {
	userId: string;
	name: string;
	organisationId: string;
}

/**
 * One version: the full state of the document at that moment (room documents run with
 * garbage collection on, so a Yjs snapshot of one history could not be replayed).
 * kind: auto (a burst of editing settled, or taken before a restore: reason), named (a
 * person named the state), milestone (several documents versioned at once under one
 * label: milestone_id), restore (the state right after a restore, restored_from).
 */
export const docVersions = pgTable(
	'doc_versions',
	{
		id: text('id').primaryKey(),
		docName: text('doc_name').notNull(),
		kind: text('kind').$type<'auto' | 'named' | 'milestone' | 'restore'>().notNull(),
		reason: text('reason').$type<'settled' | 'before-restore' | null>(),
		name: text('name'),
		milestoneId: text('milestone_id'),
		restoredFrom: text('restored_from'),
		state: bytea('state').notNull(),
		size: integer('size').notNull(),
		/** sha-256 of the state: an automatic version identical to the previous one is not kept. */
		hash: text('hash').notNull(),
		/** Who changed something since the previous version of this document. */
		editors: jsonb('editors').$type<VersionEditor[]>().notNull().default([]),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdByName: text('created_by_name'),
		createdByOrganisationId: text('created_by_organisation_id'),
		createdAt: createdAt()
	},
	(t) => [index('doc_versions_doc_idx').on(t.docName, t.createdAt), index('doc_versions_kind_idx').on(t.docName, t.kind, t.createdAt)]
);

/**
 * Editing since a document's last version: when the burst started and last moved, and
 * who took part (keyed by user id). Written by the collaboration server after commits;
 * reset when a version is taken.
 */
export const docActivity = pgTable('doc_activity', {
	docName: text('doc_name').primaryKey(),
	pendingSince: timestamp('pending_since', { withTimezone: true }),
	lastEditAt: timestamp('last_edit_at', { withTimezone: true }).notNull(),
	editors: jsonb('editors').$type<Record<string, { name: string; organisationId: string }>>().notNull().default({})
});
