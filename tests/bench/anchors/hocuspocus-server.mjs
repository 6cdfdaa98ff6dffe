/**
 * Anchor 2: Hocuspocus 4 (@hocuspocus/server) on 127.0.0.1 and a free port, with
 * Hocuspocus' own debounced save: @hocuspocus/extension-database, whose `store`
 * receives the whole document state (Y.encodeStateAsUpdate) at most every
 * HP_DEBOUNCE ms after a change (default 2,000), at the latest HP_MAX_DEBOUNCE ms
 * (default 10,000), and at once when the last client leaves (unloadImmediately).
 * `store` upserts that state as one row of hp_documents(name, data bytea).
 *
 * Environment:
 *   HP_STORAGE   none | postgres | pglite   (default none: in memory)
 *   DATABASE_URL for postgres;  PGLITE_DIR for pglite (a folder, fsync off like ours)
 *   REDIS_URL    with @hocuspocus/extension-redis (scale-out); REDIS_PREFIX its key prefix
 * Prints `ANCHOR_LISTENING <port>`, `ANCHOR_STORE <bytes> <ms>` after every store and
 * `ANCHOR_FETCH <bytes>` for every document loaded from the database, `ANCHOR_UNLOAD`
 * whenever a document leaves memory.
 */
import { Server } from '@hocuspocus/server';
import { Database } from '@hocuspocus/extension-database';

const storage = process.env.HP_STORAGE || 'none';
let query = null;
let close = async () => {};

if (storage === 'postgres') {
	const { default: postgres } = await import('postgres');
	const sql = postgres(process.env.DATABASE_URL, { max: 10, onnotice: () => {}, connect_timeout: 10 });
	query = (text, params) => sql.unsafe(text, params);
	close = () => sql.end({ timeout: 5 });
} else if (storage === 'pglite') {
	const { PGlite } = await import('@electric-sql/pglite');
	const pg = new PGlite(process.env.PGLITE_DIR);
	await pg.waitReady;
	query = async (text, params) => (await pg.query(text, params)).rows;
	close = () => pg.close();
} else if (storage !== 'none') {
	throw new Error(`HP_STORAGE ${storage}?`);
}
if (query) await query('create table if not exists hp_documents (name text primary key, data bytea not null, updated_at timestamptz not null default now())', []);

// Tells the bench when a document has left memory (the next open is a cold load).
const extensions = [{ afterUnloadDocument: async () => console.log('ANCHOR_UNLOAD') }];
if (query) {
	extensions.push(
		new Database({
			fetch: async ({ documentName }) => {
				const rows = await query('select data from hp_documents where name = $1', [documentName]);
				console.log(`ANCHOR_FETCH ${rows.length ? rows[0].data.length : 0}`);
				return rows.length ? new Uint8Array(rows[0].data) : null;
			},
			store: async ({ documentName, state }) => {
				const started = performance.now();
				await query('insert into hp_documents (name, data) values ($1, $2) on conflict (name) do update set data = excluded.data, updated_at = now()', [documentName, state]);
				console.log(`ANCHOR_STORE ${state.length} ${(performance.now() - started).toFixed(2)}`);
			}
		})
	);
}
if (process.env.REDIS_URL) {
	const { Redis } = await import('@hocuspocus/extension-redis');
	const url = new URL(process.env.REDIS_URL);
	extensions.push(new Redis({ host: url.hostname, port: Number(url.port || 6379), prefix: process.env.REDIS_PREFIX || 'hocuspocus-bench', options: { db: Number(url.pathname.slice(1) || 0) } }));
}

const server = new Server({
	address: '127.0.0.1',
	port: Number(process.env.PORT || 0),
	quiet: true,
	stopOnSignals: false,
	debounce: Number(process.env.HP_DEBOUNCE || 2000),
	maxDebounce: Number(process.env.HP_MAX_DEBOUNCE || 10000),
	extensions
});
await server.listen();
console.log(`ANCHOR_LISTENING ${server.address.port}`);

let stopping = false;
const stop = async () => {
	if (stopping) return;
	stopping = true;
	const hard = setTimeout(() => process.exit(1), 5000);
	try {
		await server.destroy();
		await close();
	} finally {
		clearTimeout(hard);
		process.exit(0);
	}
};
for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, stop);
// Started by the bench with an IPC channel (tests/support/child.ts): leave with it, even when it was killed.
if (process.channel) {
	process.once('disconnect', stop);
	process.channel.unref();
}
