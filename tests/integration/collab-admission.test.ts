/**
 * What the door remembers must never outlive the truth: sessions and project records are
 * remembered for seconds between upgrades (session-cache.ts, project-headers.ts), and
 * forgotten the moment a logout, an account change or a project change happens. And a
 * joiner is sent the document as it is now, however the server keeps its encoded state.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { loginCookie } from '../support/http.ts';
import { connect, rawSocket, until, allPersisted, type TestClient } from '../support/collab-client.ts';
import { scratchDoc, scratchProject } from '../support/scratch-docs.ts';

const DOC = scratchDoc(2);

describe('admission remembers only what is still true', () => {
	let server: TestServer;
	let admin: string;
	const clients: TestClient[] = [];
	const open = (cookie: string, doc = DOC) => {
		const c = connect(server.url, cookie, doc);
		clients.push(c);
		return c;
	};
	const post = (path: string, cookie: string, fields: Record<string, string>) =>
		fetch(`${server.url}${path}`, { method: 'POST', headers: { origin: server.url, accept: 'text/html', cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields), redirect: 'manual' });

	async function userId(email: string): Promise<string> {
		const html = await (await fetch(`${server.url}/beheer/gebruikers`, { headers: { cookie: admin, accept: 'text/html' } })).text();
		const row = html.split(`data-user="${email}"`)[1]?.split('</tr>')[0] ?? '';
		const id = /name="userId" value="([^"]+)"/.exec(row)?.[1];
		if (!id) throw new Error(`no userId for ${email} on /beheer/gebruikers`);
		return id;
	}

	/** The access the server announces to a new connection (its first Access message). */
	async function accessOnJoin(cookie: string, doc = DOC): Promise<string> {
		const c = open(cookie, doc);
		await until(() => c.access() !== null, 'an Access message');
		const access = c.access()!;
		c.destroy();
		return access;
	}

	beforeAll(async () => {
		// Debug: the server logs each room it loads, so the test can tell a reload happened.
		server = await startServer({ env: { COLLAB_IDLE_UNLOAD_MS: '300', LOG_LEVEL: 'debug' } });
		admin = await loginCookie(server.url, 'beheerder@demo.tafel');
	});
	afterAll(async () => {
		for (const c of clients) c.destroy();
		await server?.dispose();
	});

	test('a session admitted a moment ago is refused at the next upgrade once it logged out', async () => {
		const cookie = await loginCookie(server.url, 'lid.ezk@demo.tafel');
		const first = await rawSocket(server.url, cookie, DOC);
		expect(first.status).toBeUndefined();
		first.ws.close();
		expect((await post('/logout', cookie, {})).status).toBe(303);
		expect((await rawSocket(server.url, cookie, DOC)).status).toBe(401);
	});

	test('a role lowered a moment after an upgrade makes the next upgrade read-only at once, and raised again read-write', async () => {
		const id = await userId('lid.brabant@demo.tafel');
		const cookie = await loginCookie(server.url, 'lid.brabant@demo.tafel');
		expect(await accessOnJoin(cookie)).toBe('read-write');
		expect((await post('/beheer/gebruikers?/role', admin, { userId: id, name: 'Lid Brabant', role: 'observer' })).status).toBe(200);
		expect(await accessOnJoin(cookie)).toBe('read-only');
		expect((await post('/beheer/gebruikers?/role', admin, { userId: id, name: 'Lid Brabant', role: 'member' })).status).toBe(200);
		expect(await accessOnJoin(cookie)).toBe('read-write');
	});

	test('a project archived a moment after an upgrade is no longer editable at the next, and editable again once restored', async () => {
		const project = scratchProject(3);
		const doc = scratchDoc(3);
		expect(await accessOnJoin(admin, doc)).toBe('read-write');
		expect((await post(`/projecten/${project.id}?/lifecycle`, admin, { action: 'archive' })).status).toBe(200);
		// Archived: readable and open to comments, no longer editable.
		expect(await accessOnJoin(admin, doc)).toBe('comment');
		expect((await post(`/projecten/${project.id}?/lifecycle`, admin, { action: 'restore' })).status).toBe(200);
		expect(await accessOnJoin(admin, doc)).toBe('read-write');
	});

	test('every joiner gets the document as it is now: after each edit, and after the document was unloaded and loaded again', async () => {
		const text = (c: TestClient) => c.doc.getText('joins').toString();
		const joinAndRead = async (expected: string) => {
			const c = open(admin);
			await until(() => c.provider.synced, 'synced');
			expect(text(c)).toBe(expected);
			return c;
		};
		const writer = open(admin);
		await until(() => writer.provider.synced, 'writer synced');
		writer.doc.getText('joins').insert(0, 'een');
		await until(() => allPersisted(writer), 'een stored');
		(await joinAndRead('een')).destroy();
		(await joinAndRead('een')).destroy();
		writer.doc.getText('joins').insert(3, ' twee');
		await until(() => allPersisted(writer), 'twee stored');
		(await joinAndRead('een twee')).destroy();
		writer.destroy();
		// Unloaded after 300 ms idle (compacted on the way out); the next joiner loads it from the database.
		const loads = () => server.output().split('\n').filter((line) => line.includes('room loaded') && line.includes(`"doc":"${DOC}"`)).length;
		const before = loads();
		await new Promise((resolve) => setTimeout(resolve, 1_500));
		const reloaded = await joinAndRead('een twee');
		expect(loads()).toBe(before + 1);
		reloaded.doc.getText('joins').insert(8, ' drie');
		await until(() => allPersisted(reloaded), 'drie stored');
		(await joinAndRead('een twee drie')).destroy();
		reloaded.destroy();
	});
});
