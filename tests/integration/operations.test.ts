/**
 * What an operator relies on: /readyz says which check fails (Redis unreachable here)
 * while /healthz still reports the process alive, and /metrics is refused to a stranger
 * but shows the collaboration figures, rising as people type, to whoever has the token.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { loginCookie } from '../support/http.ts';
import { allPersisted, connect, until, type TestClient } from '../support/collab-client.ts';
import { scratchDoc } from '../support/scratch-docs.ts';

const TOKEN = 'operations-test-token-0123456789';

/** The value of an unlabelled sample (or a histogram's _count) in Prometheus text. */
function sample(text: string, name: string): number {
	const line = text.split('\n').find((l) => l.startsWith(`${name} `));
	if (!line) throw new Error(`no sample ${name} in:\n${text.slice(0, 2000)}`);
	return Number(line.split(' ')[1]);
}

describe('readiness and metrics', () => {
	// Loopback is not in the allowed range, so the test (on loopback) is a stranger without the token.
	let server: TestServer;
	const clients: TestClient[] = [];
	const scrape = (headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) => fetch(`${server.url}/metrics`, { headers });

	beforeAll(async () => {
		server = await startServer({ env: { METRICS_TOKEN: TOKEN, METRICS_ALLOW: '10.0.0.0/8' } });
	});
	afterAll(async () => {
		for (const c of clients) c.destroy();
		await server?.dispose();
	});

	test('ready when the database is reachable and every migration is applied', async () => {
		const response = await fetch(`${server.url}/readyz`);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ status: 'ok', checks: { database: 'ok', migrations: 'ok', redis: 'not-configured' } });
	});

	test('metrics are refused without the token from an address outside METRICS_ALLOW', async () => {
		expect((await scrape({})).status).toBe(403);
		expect((await scrape({ authorization: 'Bearer operations-test-token-wrong-0000' })).status).toBe(403);
	});

	test('with the token: connections, documents, event-loop lag, and the update counter rises as a client types', async () => {
		const before = await (await scrape()).text();
		expect(sample(before, 'tafel_connections')).toBe(0);
		expect(before).toContain('nodejs_eventloop_lag_seconds');
		expect(before).toContain('tafel_redis_up 0');
		const updatesBefore = sample(before, 'tafel_updates_total');

		const cookie = await loginCookie(server.url, 'lid.ezk@demo.tafel');
		const client = connect(server.url, cookie, scratchDoc(0));
		clients.push(client);
		await until(() => client.provider.synced, 'synced');
		client.doc.getText('t').insert(0, 'Vergadering om tien uur');
		client.doc.getText('t').insert(0, 'Agenda: ');
		await until(() => allPersisted(client), 'saved');

		const after = await scrape();
		expect(after.status).toBe(200);
		expect(after.headers.get('content-type')).toMatch(/^text\/plain/);
		const text = await after.text();
		expect(sample(text, 'tafel_connections')).toBe(1);
		expect(sample(text, 'tafel_open_documents')).toBeGreaterThanOrEqual(1);
		expect(sample(text, 'tafel_updates_total')).toBeGreaterThanOrEqual(updatesBefore + 2);
		expect(sample(text, 'tafel_commit_batch_seconds_count')).toBeGreaterThanOrEqual(1);
		expect(sample(text, 'tafel_ack_seconds_count')).toBeGreaterThanOrEqual(2);
		expect(sample(text, 'tafel_fanout_seconds_count')).toBeGreaterThanOrEqual(1);
	});
});

describe('readiness with Redis unreachable', () => {
	let server: TestServer;
	beforeAll(async () => {
		// Port 1 on loopback: nothing listens there, so every connection is refused.
		server = await startServer({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
	});
	afterAll(async () => {
		await server?.dispose();
	});

	test('/readyz is 503 naming redis while /healthz stays 200; metrics (loopback allowed by default) show redis down', async () => {
		const ready = await fetch(`${server.url}/readyz`);
		expect(ready.status).toBe(503);
		expect(await ready.json()).toEqual({ status: 'unavailable', checks: { database: 'ok', migrations: 'ok', redis: 'failed' } });
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
		const metrics = await fetch(`${server.url}/metrics`);
		expect(metrics.status).toBe(200);
		expect(sample(await metrics.text(), 'tafel_redis_up')).toBe(0);
	});
});
