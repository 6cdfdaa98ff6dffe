/**
 * Bulk inserts (demo seed, spreadsheet import): rows go in statements of a bounded
 * number of rows, so no statement passes PostgreSQL's limit on bind parameters
 * (65,534 in postgres.js; the wire protocol counts them in 16 bits) however many rows
 * there are; afterwards the planner is told what is there now (VACUUM ANALYZE).
 */
import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgTable, PgInsertValue } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';

export const MAX_PARAMETERS = 65_534;
/** Beyond this many rows a statement gets no faster, only bigger to hold in memory. */
const MAX_ROWS = 1_000;

/** Rows per insert statement for a table: every column of a row is at most one parameter. */
export function rowsPerStatement(table: PgTable, cap = MAX_ROWS): number {
	const columns = Object.keys(getTableColumns(table)).length;
	return Math.max(1, Math.min(cap, Math.floor(MAX_PARAMETERS / columns)));
}

/** Consecutive slices of at most `size` items, in order. */
export function inChunks<T>(items: readonly T[], size: number): T[][] {
	if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive integer, got ${size}`);
	const chunks: T[][] = [];
	for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
	return chunks;
}

/** Inserts any number of rows, a bounded number per statement. */
export async function insertInChunks<T extends PgTable>(tx: Pick<Db, 'insert'>, table: T, rows: PgInsertValue<T>[]): Promise<void> {
	for (const chunk of inChunks(rows, rowsPerStatement(table))) await tx.insert(table).values(chunk);
}

/** The statement that tidies these tables after a bulk insert (see refreshAfterBulkInsert). */
export function refreshStatement(tables: PgTable[]): SQL {
	return sql.raw(`vacuum (analyze) ${tables.map((t) => `"${getTableName(t)}"`).join(', ')}`);
}

/**
 * After a bulk insert, VACUUM (ANALYZE) what it filled. ANALYZE: the statistics still
 * describe the table before it (autovacuum catches up later; PGlite has none), so the
 * planner would take 10,000 projects for a handful. VACUUM: merges the pending list of
 * the GIN indexes (their fast-update buffer), which the planner prices as a scan of the
 * whole buffer, so the full-text search would read the table instead of its index.
 * Not inside a transaction (VACUUM cannot run in one).
 */
export async function refreshAfterBulkInsert(database: Pick<Db, 'execute'>, tables: PgTable[]): Promise<void> {
	await database.execute(refreshStatement(tables));
}
