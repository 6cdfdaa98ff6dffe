/**
 * Several Tafel deployments on one Redis (REDIS_PREFIX): each hears only its own
 * channels. Three instances with their own embedded databases on the Redis named by
 * REDIS_URL: `one` in deployment A, `two` and `three` in deployment B. The same
 * document name is open on all three; B's edits reach B's other instance (the control:
 * fan-out works here) and never A, and A's never B.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { loginCookie } from '../support/http.ts';
import { allPersisted, connect, until, type TestClient } from '../support/collab-client.ts';
import { scratchDoc } from '../support/scratch-docs.ts';

const REDIS_URL = process.env.REDIS_URL ?? '';
const text = (c: TestClient) => c.doc.getText('t').toString();

describe.skipIf(!REDIS_URL)('deployments with different REDIS_PREFIX on one Redis', () => {
	// Unique per run: other runs may share this Redis with the default prefix.
	const run = `t${Date.now().toString(36)}`;
	const servers: TestServer[] = [];
	const clients: TestClient[] = [];

	beforeAll(async () => {
		const start = (prefix: string) => startServer({ env: { REDIS_URL, REDIS_PREFIX: prefix } });
		servers.push(...(await Promise.all([start(`${run}-a`), start(`${run}-b`), start(`${run}-b`)])));
	});
	afterAll(async () => {
		for (const c of clients) c.destroy();
		await Promise.all(servers.map((s) => s.dispose()));
	});

	test('edits reach the instances of their own deployment and never the other deployment', async () => {
		const DOC = scratchDoc(0);
		const cookies = await Promise.all(servers.map((s) => loginCookie(s.url, 'lid.ezk@demo.tafel')));
		const [a, b, b2] = servers.map((s, i) => connect(s.url, cookies[i], DOC));
		clients.push(a, b, b2);
		await until(() => a.provider.synced && b.provider.synced && b2.provider.synced, 'all synced');

		// A's edit is published (on apply) before its acknowledgement arrives, so before B's edit below.
		a.doc.getText('t').insert(0, 'alleen A ');
		await until(() => allPersisted(a), 'A saved');
		b.doc.getText('t').insert(0, 'alleen B ');
		await until(() => text(b2) === 'alleen B ', "B's edit reaches B's other instance");
		await until(() => allPersisted(b) && allPersisted(b2), 'B saved');

		expect(text(a)).toBe('alleen A ');
		expect(text(b)).toBe('alleen B ');
		expect(text(b2)).toBe('alleen B ');
	});
});
