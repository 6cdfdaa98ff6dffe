/**
 * Queries on the path of every websocket upgrade and room load, built once per database
 * instead of per call: drizzle's query building (the `sql` template walk, entity checks)
 * was a measurable part of connecting to a document (`--cpu-prof` of 1,000 documents
 * joining). Values go in through `sql.placeholder`, so nothing is concatenated.
 */
import { db, type Db } from './client.ts';

export function prepared<T>(build: (database: Db) => T): () => T {
	// Per database: tests and restarts open a new one, whose queries are built anew.
	const built = new WeakMap<Db, T>();
	return () => {
		const database = db();
		let query = built.get(database);
		if (query === undefined) {
			query = build(database);
			built.set(database, query);
		}
		return query;
	};
}
