/** Spreadsheet imports: remembered column mappings and uploads waiting for a confirm. */
import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { SheetRow } from '../../../domain/import-report.ts';
import type { Target } from '../../../domain/import-mapping.ts';
import { createdAt } from './columns.ts';
import { users } from './accounts.ts';

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
