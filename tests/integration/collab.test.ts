import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { startServer, type TestServer } from '../support/server.ts';
import { loginCookie } from '../support/http.ts';
import { PG_URL } from '../support/postgres.ts';
import { allPersisted, connect, rawSocket, until, type TestClient } from '../support/collab-client.ts';
import { CloseCode, MessageType } from '../../src/lib/collab/messages.ts';
import { documentName } from '../../src/lib/collab/documents.ts';

const databases = ['pglite', ...(PG_URL ? ['postgres' as const] : [])] as const;
const DOC = documentName.werkagenda();

function syncFrame(step: number, payload: Uint8Array): Uint8Array {
	const e = encoding.createEncoder();
	encoding.writeVarUint(e, MessageType.Sync);
	encoding.writeVarUint(e, step);
	encoding.writeVarUint8Array(e, payload);
	return encoding.toUint8Array(e);
}

describe.each(databases)('collaboration on %s', (database) => {
	let server: TestServer;
	let member: string;
	let colleague: string;
	let observer: string;
	const clients: TestClient[] = [];
	const open = (cookie: string, doc = DOC) => {
		const c = connect(server.url, cookie, doc);
		clients.push(c);
		return c;
	};
	const text = (c: TestClient) => c.doc.getText('t').toString();

	beforeAll(async () => {
		server = await startServer({ database, env: { COLLAB_IDLE_UNLOAD_MS: '500' } });
		[member, colleague, observer] = await Promise.all([loginCookie(server.url, 'lid.ezk@demo.tafel'), loginCookie(server.url, 'lid.brabant@demo.tafel'), loginCookie(server.url, 'waarnemer@demo.tafel')]);
	});
	afterAll(async () => {
		for (const c of clients) c.destroy();
		await server?.dispose();
	});

	test('two members converge and a late joiner gets everything', async () => {
		const a = open(member);
		const b = open(colleague);
		await until(() => a.provider.synced && b.provider.synced, 'both synced');
		a.doc.getText('t').insert(0, 'Rijk ');
		b.doc.getText('t').insert(0, 'Regio ');
		await until(() => text(a) === text(b) && text(a).length === 11, 'convergence');
		const late = open(member);
		await until(() => late.provider.synced && text(late) === text(a), 'late joiner has the text');
		expect(late.access()).toBe('read-write');
	});

	test('an edit is acknowledged as persisted and survives a restart', async () => {
		const a = open(member);
		await until(() => a.provider.synced, 'synced');
		a.doc.getText('t').insert(0, 'Opgeslagen? ');
		await until(() => allPersisted(a), 'persisted message covers the edit');
		await server.stop();
		server = await server.restart();
		const again = open(member);
		await until(() => again.provider.synced && text(again).startsWith('Opgeslagen? '), 'text after restart');
	});

	test('connections without a session, from a foreign Origin or to an unknown document are refused before upgrade', async () => {
		expect((await rawSocket(server.url, '', DOC)).status).toBe(401);
		expect((await rawSocket(server.url, 'tafel_session=ongeldig', DOC)).status).toBe(401);
		expect((await rawSocket(server.url, member, DOC, 'https://evil.example')).status).toBe(403);
		expect((await rawSocket(server.url, member, 'geheim:1')).status).toBe(404);
		expect((await rawSocket(server.url, member, documentName.project('bestaat-niet'))).status).toBe(403);
		// A8: documents exist only for records that exist; a made-up name is refused like an invisible one.
		for (const name of [documentName.werkagenda('eigen-opslag'), documentName.tafelNotes('bestaat-niet'), documentName.tafelNotes('platform')]) {
			expect((await rawSocket(server.url, member, name)).status, name).toBe(403);
		}
		const threads = await fetch(`${server.url}/api/threads?document=${encodeURIComponent(documentName.werkagenda('eigen-opslag'))}`, { headers: { cookie: member } });
		expect(threads.status).toBe(404);
	});

	test("an observer's crafted sync step 2 and updates change nothing anywhere", async () => {
		const a = open(member);
		await until(() => a.provider.synced, 'member synced');
		const before = text(a);
		const watcher = open(observer);
		await until(() => watcher.provider.synced && watcher.access() === 'read-only', 'observer synced read-only');
		const evil = new Y.Doc();
		evil.getText('t').insert(0, 'OBSERVER WAS HERE ');
		const update = Y.encodeStateAsUpdate(evil);
		const { ws } = await rawSocket(server.url, observer, DOC);
		ws.send(syncFrame(1, update));
		ws.send(syncFrame(2, update));
		watcher.doc.getText('t').insert(0, 'ALSO OBSERVER ');
		// A member edit after the attempts proves the attempts were processed (messages are handled in order).
		a.doc.getText('t').insert(0, 'na ');
		await until(() => text(a).startsWith('na ') && allPersisted(a), 'member edit persisted');
		expect(text(a)).toBe('na ' + before);
		ws.close();
		await server.stop();
		server = await server.restart();
		const fresh = open(member);
		await until(() => fresh.provider.synced && text(fresh).length > 0, 'reloaded');
		expect(text(fresh)).not.toContain('OBSERVER');
	});

	test('awareness identity is set by the server, and only the cursor and the field being edited pass to others', async () => {
		const a = open(member);
		const b = open(colleague);
		const cursor = { anchor: { type: { client: 1, clock: 2 }, tname: null, item: { client: 3, clock: 4 }, assoc: 0 }, head: { type: { client: 1, clock: 2 }, item: { client: 3, clock: 5 }, assoc: -1 } };
		a.provider.awareness.setLocalState({
			user: { name: 'Minister-president', organisation: 'AZ', color: 'red' },
			name: 'Minister',
			organisation: '<img src=x onerror=alert(1)>',
			cursor,
			field: 'summary',
			blob: 'x'.repeat(10_000)
		});
		await until(() => [...b.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Eva de Vries' && s.field === 'summary'), 'server identity arrives');
		const state = b.provider.awareness.getStates().get(a.doc.clientID)!;
		expect(Object.keys(state).sort()).toEqual(['cursor', 'field', 'user']);
		expect(state.cursor.anchor).toEqual({ type: { client: 1, clock: 2 }, item: { client: 3, clock: 4 }, assoc: 0 });
		expect(JSON.stringify([...b.provider.awareness.getStates().values()])).not.toMatch(/Minister|onerror/);
		// A field name that is not a key, and a cursor that is not relative positions, are dropped too.
		a.provider.awareness.setLocalState({ field: '<b>x</b>', cursor: { anchor: 'html', head: 1 } });
		await until(() => b.provider.awareness.getStates().get(a.doc.clientID)?.field === undefined, 'bad field dropped');
		expect(b.provider.awareness.getStates().get(a.doc.clientID)?.cursor).toBeUndefined();
	});

	test('malformed and truncated updates are refused and the document still loads', async () => {
		const a = open(member);
		await until(() => a.provider.synced, 'synced');
		const good = new Y.Doc();
		good.getText('t').insert(0, 'kapot');
		const update = Y.encodeStateAsUpdate(good);
		const { ws, closed } = await rawSocket(server.url, member, DOC);
		ws.send(syncFrame(2, update.slice(0, update.length - 3)));
		expect(await closed).toBe(CloseCode.ProtocolError);
		a.doc.getText('t').insert(0, 'heel ');
		await until(() => allPersisted(a), 'persisted');
		await server.stop();
		server = await server.restart();
		const fresh = open(member);
		await until(() => fresh.provider.synced && text(fresh).startsWith('heel '), 'document loads');
		expect(text(fresh)).not.toContain('kapot');
	});

	test('oversized frames and message floods are closed with named codes', async () => {
		const big = await rawSocket(server.url, member, DOC);
		big.ws.send(new Uint8Array(3 * 1024 * 1024));
		expect(await big.closed).toBe(CloseCode.TooLarge);
		const flood = await rawSocket(server.url, member, DOC);
		const query = new Uint8Array([MessageType.QueryAwareness]);
		for (let i = 0; i < 2000 && flood.ws.readyState === flood.ws.OPEN; i++) flood.ws.send(query);
		expect(await flood.closed).toBe(CloseCode.RateLimited);
	});

	test('B9: updates whose dependencies never arrive end with 4422 past the pending cap, while a colleague keeps being acknowledged', async () => {
		const peer = open(colleague);
		await until(() => peer.provider.synced, 'colleague synced');
		// A document whose first update is withheld: everything after it waits for it, forever.
		const source = new Y.Doc();
		source.getText('t').insert(0, 'ontbrekend begin ');
		let vector = Y.encodeStateVector(source);
		const orphans: Uint8Array[] = [];
		for (let i = 0; i < 40; i++) {
			source.getText('t').insert(source.getText('t').length, `wees-${i}-` + 'x'.repeat(40_000));
			orphans.push(Y.encodeStateAsUpdate(source, vector));
			vector = Y.encodeStateVector(source);
		}
		const attacker = await rawSocket(server.url, member, DOC);
		let sent = 0;
		for (const orphan of orphans) {
			if (attacker.ws.readyState !== attacker.ws.OPEN) break;
			attacker.ws.send(syncFrame(2, orphan));
			sent++;
			// The colleague's edit between the attacker's frames is still acknowledged.
			if (sent % 10 === 0) {
				peer.doc.getText('t').insert(0, `c${sent} `);
				await until(() => allPersisted(peer), `colleague acknowledged after ${sent} orphan updates`, 5_000);
			}
		}
		expect(await attacker.closed).toBe(CloseCode.IncompleteUpdates);
		expect(sent).toBeLessThan(orphans.length);
		peer.doc.getText('t').insert(0, 'daarna ');
		await until(() => allPersisted(peer), 'colleague acknowledged after the attacker was closed', 5_000);
		const fresh = open(member);
		await until(() => fresh.provider.synced && text(fresh).startsWith('daarna '), 'document loads');
		expect(text(fresh)).not.toContain('wees-');
	});
});
