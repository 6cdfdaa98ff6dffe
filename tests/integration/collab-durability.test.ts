/**
 * Durability faults of QUALITY.md: F1 (kill -9 while typing), F2 (SIGTERM with pending
 * writes) and F3 (the database drops its connections while typing, PostgreSQL only).
 *
 * "Acknowledged" means what the editor shows as "Opgeslagen": the Persisted state vector
 * from the server covers the edit. Lost-edit checks read the server's stored state through
 * a fresh client *before* the typing clients reconnect, because those would otherwise
 * quietly hand back whatever the server lost.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import postgres from 'postgres';
import * as Y from 'yjs';
import { startServer, type TestServer } from '../support/server.ts';
import { loginCookie } from '../support/http.ts';
import { PG_URL } from '../support/postgres.ts';
import { allPersisted, connect, until, type TestClient } from '../support/collab-client.ts';
import { scratchDoc } from '../support/scratch-docs.ts';
import { CloseCode } from '../../src/lib/collab/messages.ts';

const databases = ['pglite', ...(PG_URL ? ['postgres' as const] : [])] as const;
// A typist here inserts every 10 ms, far above human typing: lift the per-connection rate
// limit so the test is about durability, not about being closed with 4429.
const ENV = { COLLAB_MESSAGES_PER_SECOND: '2000', COLLAB_MESSAGE_BURST: '5000' };
const text = (c: TestClient) => c.doc.getText('t').toString();

interface Sent {
	token: string;
	clientId: number;
	/** The client's clock after the insert: acknowledged once Persisted reaches it. */
	clock: number;
}

/** A client inserting a short unique token at the end every `everyMs`, bounded by `max`. */
class Typist {
	readonly sent: Sent[] = [];
	readonly acknowledged = new Set<string>();
	#timer: NodeJS.Timeout | null = null;

	constructor(
		readonly client: TestClient,
		readonly label: string
	) {}

	start(everyMs = 10, max = 4000): void {
		this.#timer = setInterval(() => {
			if (this.sent.length >= max) return this.stop();
			this.type();
		}, everyMs);
	}

	type(): void {
		const { doc } = this.client;
		const t = doc.getText('t');
		const token = `[${this.label}${this.sent.length}]`;
		t.insert(t.length, token);
		this.sent.push({ token, clientId: doc.clientID, clock: Y.getState(doc.store, doc.clientID) });
	}

	stop(): void {
		if (this.#timer) clearInterval(this.#timer);
		this.#timer = null;
	}

	/** Records every token the last Persisted message covers; returns how many are acknowledged. */
	collectAcknowledged(): number {
		const persisted = this.client.persisted();
		for (const s of this.sent) if ((persisted.get(s.clientId) ?? 0) >= s.clock) this.acknowledged.add(s.token);
		return this.acknowledged.size;
	}
}

function missing(tokens: Iterable<string>, content: string): string[] {
	return [...tokens].filter((t) => !content.includes(t));
}

describe.each(databases)('durability on %s', (database) => {
	let server: TestServer;
	let ezk: string;
	let brabant: string;
	let admin: string;
	const clients: TestClient[] = [];
	const open = (cookie: string, doc: string) => {
		const c = connect(server.url, cookie, doc);
		clients.push(c);
		return c;
	};
	const login = async () => ([ezk, brabant, admin] = await Promise.all(['lid.ezk@demo.tafel', 'lid.brabant@demo.tafel', 'beheerder@demo.tafel'].map((e) => loginCookie(server.url, e))));

	/** What the server has stored, read by a client that never had anything itself. */
	async function storedText(doc: string): Promise<string> {
		const fresh = connect(server.url, admin, doc);
		try {
			await until(() => fresh.provider.synced, `fresh client synced on ${doc}`, 20_000);
			return text(fresh);
		} finally {
			fresh.destroy();
		}
	}

	beforeAll(async () => {
		server = await startServer({ database, env: ENV });
		await login();
	});
	afterAll(async () => {
		for (const c of clients) c.destroy();
		await server?.dispose();
	});

	test('F1: kill -9 while two clients type loses no acknowledged edit; clients reconnect and converge', async () => {
		const DOC = scratchDoc(0);
		const typists = [new Typist(open(ezk, DOC), 'a'), new Typist(open(brabant, DOC), 'b')];
		await until(() => typists.every((t) => t.client.provider.synced), 'typists synced');
		for (const t of typists) t.start();
		const rounds: { delayMs: number; acknowledged: number; sent: number }[] = [];
		try {
			for (let round = 0; round < 3; round++) {
				await until(() => typists.every((t) => t.client.provider.wsconnected && t.client.provider.synced), `round ${round}: typists connected`, 20_000);
				const delayMs = 200 + Math.floor(Math.random() * 600);
				// The fault is injected at a random moment; this wait is the fault's timing, not synchronisation.
				await new Promise((r) => setTimeout(r, delayMs));
				const acknowledged = typists.reduce((n, t) => n + t.collectAcknowledged(), 0);
				await server.kill();
				// Keep typing offline, but do not reconnect until the stored state has been checked.
				for (const t of typists) t.client.provider.disconnect();
				server = await server.restart();
				const stored = await storedText(DOC);
				const lost = typists.flatMap((t) => missing(t.acknowledged, stored));
				expect(lost, `acknowledged edits lost in round ${round}`).toEqual([]);
				rounds.push({ delayMs, acknowledged, sent: typists.reduce((n, t) => n + t.sent.length, 0) });
				for (const t of typists) t.client.provider.connect();
			}
		} finally {
			for (const t of typists) t.stop();
		}
		// Sessions live in the database, so the cookies still work after every restart.
		await until(() => typists.every((t) => t.client.provider.synced && allPersisted(t.client)) && text(typists[0].client) === text(typists[1].client), 'typists converge and everything is persisted', 20_000);
		const final = text(typists[0].client);
		for (const t of typists) expect(missing(t.sent.map((s) => s.token), final)).toEqual([]);
		expect(await storedText(DOC)).toBe(final);
		console.log(`F1 ${database}: ${JSON.stringify(rounds)}; ${typists.reduce((n, t) => n + t.sent.length, 0)} tokens typed in total`);
		expect(rounds.every((r) => r.acknowledged > 0)).toBe(true);
	});

	test('F2: SIGTERM with pending writes flushes them and exits 0 within 10 s', async () => {
		const DOC = scratchDoc(1);
		const typists = [new Typist(open(ezk, DOC), 'c'), new Typist(open(brabant, DOC), 'd')];
		await until(() => typists.every((t) => t.client.provider.synced), 'typists synced');
		// A burst in separate transactions (one message each), then SIGTERM straight away.
		for (let i = 0; i < 150; i++) for (const t of typists) t.type();
		await until(() => typists.every((t) => (t.client.provider.ws?.bufferedAmount ?? 0) === 0), 'burst handed to the socket');
		const started = Date.now();
		const code = await server.stop();
		const stopMs = Date.now() - started;
		expect(code).toBe(0);
		expect(stopMs).toBeLessThan(10_000);
		for (const t of typists) t.collectAcknowledged();
		await until(() => typists.every((t) => t.client.closeCodes.includes(CloseCode.ServiceRestart)), 'clients told the server restarts (1012)');
		for (const t of typists) t.client.provider.disconnect();
		server = await server.restart();
		const stored = await storedText(DOC);
		const acknowledged = typists.reduce((n, t) => n + t.acknowledged.size, 0);
		for (const t of typists) expect(missing(t.acknowledged, stored), 'acknowledged edits lost').toEqual([]);
		// Everything the clients had handed to their sockets before SIGTERM was read and flushed.
		for (const t of typists) expect(missing(t.sent.map((s) => s.token), stored), 'sent edits lost').toEqual([]);
		console.log(`F2 ${database}: exit ${code} after ${stopMs} ms; ${acknowledged}/300 acknowledged before the close, 300/300 stored`);
		for (const t of typists) t.client.provider.connect();
		await until(() => typists.every((t) => t.client.provider.synced && allPersisted(t.client)), 'reconnected and persisted');
	});

	test.skipIf(database !== 'postgres')('F3: the database drops every connection while a client types; writes retry and nothing is lost', async () => {
		const DOC = scratchDoc(2);
		const typist = new Typist(open(ezk, DOC), 'e');
		const reader = open(brabant, DOC);
		await until(() => typist.client.provider.synced && reader.provider.synced, 'synced');
		const dbName = new URL(server.databaseUrl!).pathname.slice(1);
		const sql = postgres(PG_URL!, { max: 1, onnotice: () => {} });
		let terminated = 0;
		try {
			typist.start(10, 1500);
			await until(() => typist.collectAcknowledged() > 20, 'first edits acknowledged');
			// Twenty waves of terminated backends, 100 ms apart (the fault's timing): about two
			// seconds in which any write may find its connection gone.
			for (let wave = 0; wave < 20; wave++) {
				const rows = await sql`select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = ${dbName} and pid <> pg_backend_pid()`;
				terminated += rows.filter((r) => r.ok).length;
				await new Promise((r) => setTimeout(r, 100));
			}
			// Editing went on for the other client throughout.
			const last = typist.sent.at(-1)!.token;
			await until(() => text(reader).includes(last), 'the reader receives the latest edit');
			typist.stop();
			await until(() => allPersisted(typist.client), 'every edit acknowledged after the outage', 20_000);
		} finally {
			typist.stop();
			await sql.end();
		}
		const retries = (server.output().match(/update log write failed, retrying/g) ?? []).length;
		await server.stop();
		typist.client.provider.disconnect();
		reader.provider.disconnect();
		server = await server.restart();
		const stored = await storedText(DOC);
		expect(missing(typist.sent.map((s) => s.token), stored)).toEqual([]);
		console.log(`F3: ${terminated} backends terminated, ${retries} failed writes retried, ${typist.sent.length} edits all stored`);
		expect(terminated).toBeGreaterThan(0);
	});
});
