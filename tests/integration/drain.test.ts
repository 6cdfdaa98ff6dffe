/**
 * Graceful drain (QUALITY F2 with two instances): SIGTERM one instance while a client
 * on it types. The instance writes what it has, closes the client with 1012 (service
 * restart) and exits cleanly; the client carries on with the same document on the other
 * instance, and everything it was told was saved is in the database afterwards, once.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../src/lib/collab/messages.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { loginCookie } from '../support/http.ts';
import { PG_URL } from '../support/postgres.ts';
import { PrivateRedis } from '../support/private-redis.ts';
import { allPersisted, connect, until, type TestClient } from '../support/collab-client.ts';
import { scratchDoc } from '../support/scratch-docs.ts';

const RUN = Boolean(process.env.REDIS_URL && PG_URL);
const DOC = scratchDoc(0);
const text = (doc: Y.Doc) => doc.getText('t').toString();

/** Appends numbered tokens at a steady pace, remembering the Yjs clock each one ends at. */
function typist(doc: Y.Doc) {
	const typed: { token: string; clock: number }[] = [];
	const timer = setInterval(() => {
		const token = `<${typed.length}>`;
		doc.getText('t').insert(doc.getText('t').length, token);
		typed.push({ token, clock: Y.getState(doc.store, doc.clientID) });
	}, 15);
	return {
		typed,
		stop: () => clearInterval(timer),
		/** The tokens the server has acknowledged as stored. */
		acknowledged: (client: TestClient) => typed.filter((t) => (client.persisted().get(doc.clientID) ?? 0) >= t.clock).map((t) => t.token)
	};
}

describe.skipIf(!RUN)('graceful drain across two instances', () => {
	let redis: PrivateRedis;
	let one: TestServer;
	let two: TestServer;
	let reopened: TestServer | null = null;
	const clients: TestClient[] = [];
	const open = (server: TestServer, cookie: string, doc?: Y.Doc) => {
		const c = connect(server.url, cookie, DOC, { doc });
		clients.push(c);
		return c;
	};

	beforeAll(async () => {
		redis = await PrivateRedis.start();
		one = await startServer({ database: 'postgres', env: { REDIS_URL: redis.url } });
		two = await startServer({ databaseUrl: one.databaseUrl!, env: { REDIS_URL: redis.url } });
	});
	afterAll(async () => {
		for (const c of clients) c.provider.destroy();
		await reopened?.stop();
		await two?.dispose();
		await one?.dispose();
		await redis?.kill();
	});

	test('SIGTERM while a client types: closed with 1012, clean exit, the client goes on elsewhere and nothing acknowledged is lost', async () => {
		const cookie = await loginCookie(one.url, 'lid.ezk@demo.tafel');
		const writer = open(one, cookie);
		const watcher = open(two, cookie);
		await until(() => writer.provider.synced && watcher.provider.synced, 'both synced');
		const typing = typist(writer.doc);
		await until(() => typing.acknowledged(writer).length >= 10, 'some edits acknowledged before the drain');

		const exitCode = one.stop();
		await until(() => writer.closeCodes.includes(CloseCode.ServiceRestart), 'the writer is told to reconnect (1012)');
		// No message arrives after the close: this is everything instance one promised.
		const promised = typing.acknowledged(writer);
		expect(await exitCode).toBe(0);

		// The client reconnects to the other instance with the same document and types on.
		writer.provider.destroy();
		const moved = open(two, cookie, writer.doc);
		const typedBeforeMove = typing.typed.length;
		await until(() => moved.provider.synced && typing.typed.length >= typedBeforeMove + 10, 'typing on the other instance');
		typing.stop();
		await until(() => allPersisted(moved), 'everything saved on the other instance', 20_000);
		await until(() => text(watcher.doc) === text(writer.doc), 'the watcher on instance two sees it all');

		// From the database: instance two drained as well, then a fresh instance loads the document.
		expect(await two.stop()).toBe(0);
		reopened = await one.restart();
		const reader = open(reopened, await loginCookie(reopened.url, 'lid.ezk@demo.tafel'));
		await until(() => reader.provider.synced, 'reader synced');
		const stored = text(reader.doc);
		expect(promised.length).toBeGreaterThanOrEqual(10);
		for (const token of promised) expect(stored.split(token).length - 1, `${token} stored once`).toBe(1);
		expect(stored).toBe(text(writer.doc));
		console.log(`drain: ${promised.length} edits acknowledged by the drained instance, ${typing.typed.length} typed in all`);
	}, 120_000);
});
