import fc from 'fast-check';
import { getTableColumns, getTableName, is, type Column } from 'drizzle-orm';
import { PgDialect, PgTable } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/pg-proxy';
import { describe, expect, test } from 'vitest';
import * as schema from './schema.ts';
import { inChunks, MAX_PARAMETERS, refreshStatement, rowsPerStatement } from './bulk.ts';
import { PROJECTS_PER_STATEMENT } from '../services/projects.ts';

const tables: PgTable[] = Object.values(schema as Record<string, unknown>).filter((value): value is PgTable => is(value, PgTable));

/** A value for every column, so a row binds as many parameters as it possibly can. */
function fullRow(table: PgTable): Record<string, unknown> {
	const value = (column: Column): unknown =>
		({ string: 'x', number: 1, bigint: 1n, boolean: true, date: new Date(0), array: ['x'], json: { x: 1 }, buffer: Buffer.from('x') })[column.dataType as string] ?? 'x';
	return Object.fromEntries(Object.entries(getTableColumns(table)).map(([key, column]) => [key, value(column)]));
}

// Only builds SQL text and its parameters; nothing is ever sent anywhere.
const builder = drizzle(async () => {
	throw new Error('not executed');
});

/** Bind parameters of one insert statement of `rows` full rows, as drizzle builds it. */
const parametersOf = (table: PgTable, rows: number) => builder.insert(table).values(Array.from({ length: rows }, () => fullRow(table))).toSQL().params.length;

describe('bulk inserts stay under the parameter limit', () => {
	test.each(tables.map((t) => [getTableName(t), t] as const))('a full statement into %s binds at most 65,534 parameters', (_name, table) => {
		const rows = rowsPerStatement(table);
		expect(rows).toBeGreaterThanOrEqual(1);
		expect(parametersOf(table, rows)).toBeLessThanOrEqual(MAX_PARAMETERS);
	});

	test('insertProjects writes at most PROJECTS_PER_STATEMENT rows per statement into each of its tables, which fits', () => {
		for (const table of [schema.projects, schema.docStates, schema.projectEvents]) {
			expect(parametersOf(table, PROJECTS_PER_STATEMENT)).toBeLessThanOrEqual(MAX_PARAMETERS);
		}
	});

	test('for any number of rows every statement holds at most the chunk size, and all rows go in, in order', () => {
		fc.assert(
			fc.property(fc.nat({ max: 120_000 }), fc.integer({ min: 1, max: 2_000 }), (n, size) => {
				const rows = Array.from({ length: n }, (_, i) => i);
				const chunks = inChunks(rows, size);
				expect(chunks.every((c) => c.length >= 1 && c.length <= size)).toBe(true);
				expect(chunks.flat()).toEqual(rows);
			}),
			{ numRuns: 40 }
		);
	});

	test('a chunk size that would never end is refused', () => {
		expect(() => inChunks([1], 0)).toThrow(RangeError);
	});

	test('the tidy-up after a bulk insert vacuums and analyses exactly the tables named', () => {
		expect(new PgDialect().sqlToQuery(refreshStatement([schema.projects, schema.projectLinks])).sql).toBe('vacuum (analyze) "projects", "project_links"');
	});
});
