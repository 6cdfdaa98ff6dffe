/**
 * Comments across instances: a browser connected to another instance than the one that
 * stored the comment still gets the thread and the notification live (events go
 * through Redis), and still never hears of another organisation's internal thread.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { loginCookie } from '../support/http.ts';
import { PG_URL } from '../support/postgres.ts';
import { until } from '../support/collab-client.ts';
import { listenEvents } from '../support/sse.ts';

const REDIS_URL = process.env.REDIS_URL;
const RUN = Boolean(REDIS_URL && PG_URL);

describe.runIf(RUN)('comments across two instances joined by Redis', () => {
	let one: TestServer;
	let two: TestServer;
	let dewi: string;
	let bram: string;
	let eva: string;
	let doc: string;
	const post = (server: TestServer, cookie: string, body: unknown) =>
		fetch(`${server.url}/api/threads`, { method: 'POST', headers: { cookie, origin: server.url, 'content-type': 'application/json' }, body: JSON.stringify(body) });

	beforeAll(async () => {
		one = await startServer({ database: 'postgres', env: { REDIS_URL: REDIS_URL! } });
		two = await startServer({ databaseUrl: one.databaseUrl!, env: { REDIS_URL: REDIS_URL! } });
		[dewi, bram, eva] = await Promise.all([
			loginCookie(one.url, 'deelnemer@demo.tafel'),
			loginCookie(two.url, 'lid.brabant@demo.tafel'),
			loginCookie(two.url, 'lid.ezk@demo.tafel')
		]);
		const list = (await (await fetch(`${two.url}/api/projects?organisatie=prov-nb&per_pagina=10`, { headers: { cookie: bram } })).json()) as { projects: { id: string; visibility: string }[] };
		doc = `project:${list.projects.find((p) => p.visibility !== 'concept')!.id}`;
	});
	afterAll(async () => {
		await two?.dispose();
		await one?.dispose();
	});

	test('a comment stored on one instance reaches the mentioned organisation on the other live; internal threads do not reach others', async () => {
		const bramEvents = listenEvents(two.url, bram);
		const evaEvents = listenEvents(two.url, eva);
		await Promise.all([bramEvents.ready, evaEvents.ready]);
		const shared = await post(one, dewi, { documentName: doc, body: 'Over instanties heen: @[Provincie Noord-Brabant](org:prov-nb)' });
		expect(shared.status).toBe(201);
		const { threadId } = (await shared.json()) as { threadId: string };
		await until(() => bramEvents.received.some((e) => e.type === 'notification'), 'notification for Bram on the other instance');
		await until(() => evaEvents.received.some((e) => e.threadId === threadId), 'thread event for Eva on the other instance');

		// Bram (instance two) answers internally; Dewi's organisation and EZK hear nothing of it.
		const dewiEvents = listenEvents(one.url, dewi);
		await dewiEvents.ready;
		const internal = await post(two, bram, { documentName: doc, body: 'Alleen voor ons', visibility: 'internal' });
		const internalId = ((await internal.json()) as { threadId: string }).threadId;
		const marker = await post(two, bram, { documentName: doc, body: 'Daarna een gedeeld bericht' });
		const markerId = ((await marker.json()) as { threadId: string }).threadId;
		await until(() => dewiEvents.received.some((e) => e.threadId === markerId) && evaEvents.received.some((e) => e.threadId === markerId), 'the later shared thread arrived');
		expect(dewiEvents.received.some((e) => e.threadId === internalId)).toBe(false);
		expect(evaEvents.received.some((e) => e.threadId === internalId)).toBe(false);
		for (const e of [bramEvents, evaEvents, dewiEvents]) e.stop();
	});
});
