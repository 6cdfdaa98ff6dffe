/**
 * A4: rights that change while a websocket is open. A lowered role makes the connection
 * read-only within seconds (and its writes go nowhere), deactivation and logout close it
 * with 4401, and a participant is read-only from the start.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { startServer, type TestServer } from '../support/server.ts';
import { loginCookie } from '../support/http.ts';
import { connect, rawSocket, until, type TestClient } from '../support/collab-client.ts';
import { scratchDoc } from '../support/scratch-docs.ts';
import { CloseCode, MessageType } from '../../src/lib/collab/messages.ts';
import { documentName, fieldTextOf } from '../../src/lib/collab/documents.ts';

const DOC = scratchDoc(0);
const text = (c: TestClient) => c.doc.getText('t').toString();

/** A sync frame; its own ArrayBuffer, as the DOM WebSocket type of the provider wants. */
function updateFrame(update: Uint8Array, step = 2): Uint8Array<ArrayBuffer> {
	const e = encoding.createEncoder();
	encoding.writeVarUint(e, MessageType.Sync);
	encoding.writeVarUint(e, step);
	encoding.writeVarUint8Array(e, update);
	return new Uint8Array(encoding.toUint8Array(e));
}

/** An update written by a document that is not the connection's own (keeps that one clean). */
function foreignUpdate(content: string): Uint8Array {
	const doc = new Y.Doc();
	doc.getText('t').insert(0, content);
	return Y.encodeStateAsUpdate(doc);
}

describe('access changes while connected', () => {
	let server: TestServer;
	let admin: string;
	const clients: TestClient[] = [];
	const open = (cookie: string, doc = DOC) => {
		const c = connect(server.url, cookie, doc);
		clients.push(c);
		return c;
	};

	async function userId(email: string): Promise<string> {
		const html = await (await fetch(`${server.url}/beheer/gebruikers`, { headers: { cookie: admin, accept: 'text/html' } })).text();
		const row = html.split(`data-user="${email}"`)[1]?.split('</tr>')[0] ?? '';
		const id = /name="userId" value="([^"]+)"/.exec(row)?.[1];
		if (!id) throw new Error(`no userId for ${email} on /beheer/gebruikers`);
		return id;
	}

	async function adminAction(action: 'role' | 'active', fields: Record<string, string>): Promise<void> {
		const response = await fetch(`${server.url}/beheer/gebruikers?/${action}`, {
			method: 'POST',
			headers: { origin: server.url, accept: 'text/html', cookie: admin, 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams(fields),
			redirect: 'manual'
		});
		expect(response.status, `?/${action} ${JSON.stringify(fields)}`).toBe(200);
	}

	/**
	 * Messages of one connection are handled in order: once an awareness probe sent after
	 * the writes reaches `watcher`, the writes have been handled (or dropped).
	 */
	async function probe(from: TestClient, watcher: TestClient, value: number): Promise<void> {
		from.provider.awareness.setLocalStateField('field', `probe-${value}`);
		await until(() => watcher.provider.awareness.getStates().get(from.doc.clientID)?.field === `probe-${value}`, `probe ${value} arrives`);
	}

	beforeAll(async () => {
		server = await startServer({});
		admin = await loginCookie(server.url, 'beheerder@demo.tafel');
	});
	afterAll(async () => {
		for (const c of clients) c.destroy();
		await server?.dispose();
	});

	test('a member lowered to observer becomes read-only within seconds and their writes reach nobody; back to member makes them read-write', async () => {
		const brabantId = await userId('lid.brabant@demo.tafel');
		const [brabantCookie, ezkCookie] = await Promise.all([loginCookie(server.url, 'lid.brabant@demo.tafel'), loginCookie(server.url, 'lid.ezk@demo.tafel')]);
		const brabant = open(brabantCookie);
		const ezk = open(ezkCookie);
		await until(() => brabant.provider.synced && ezk.provider.synced && brabant.access() === 'read-write', 'both synced, brabant read-write');
		brabant.doc.getText('t').insert(0, 'voor ');
		await until(() => text(ezk) === 'voor ', 'a member edit arrives');

		const lowered = Date.now();
		await adminAction('role', { userId: brabantId, name: 'Lid Brabant', role: 'observer' });
		await until(() => brabant.access() === 'read-only', 'Access read-only', 5_000);
		const readOnlyMs = Date.now() - lowered;

		// Its own editor, a crafted update and a crafted sync step 2: all dropped.
		brabant.doc.getText('t').insert(0, 'ALS WAARNEMER ');
		brabant.provider.ws!.send(updateFrame(foreignUpdate('VREEMD UPDATE '), 2));
		brabant.provider.ws!.send(updateFrame(foreignUpdate('VREEMD STAP2 '), 1));
		await probe(brabant, ezk, 1);
		ezk.doc.getText('t').insert(0, 'daarna ');
		const fresh = open(admin);
		await until(() => fresh.provider.synced && text(fresh) === 'daarna voor ', 'the server holds only the member edits');
		expect(text(ezk)).toBe('daarna voor ');

		await adminAction('role', { userId: brabantId, name: 'Lid Brabant', role: 'member' });
		await until(() => brabant.access() === 'read-write', 'Access read-write again', 5_000);
		// Its own document now carries the dropped edit, on which its next edits build: write
		// through the same connection with an update of a clean document instead.
		brabant.provider.ws!.send(updateFrame(foreignUpdate('weer lid ')));
		await until(() => text(ezk).includes('weer lid '), 'a write after the role came back arrives');
		expect(brabant.closeCodes).toEqual([]);
		console.log(`A4 role lowered → read-only after ${readOnlyMs} ms`);

		// Nothing of the read-only period was stored: the document as the database has it.
		brabant.destroy();
		await server.stop();
		server = await server.restart();
		const reloaded = open(admin);
		await until(() => reloaded.provider.synced && text(reloaded).includes('weer lid '), 'reloaded');
		expect(text(reloaded)).not.toMatch(/WAARNEMER|VREEMD/);
	});

	test('a deactivated user is disconnected with 4401', async () => {
		const brabantId = await userId('lid.brabant@demo.tafel');
		const cookie = await loginCookie(server.url, 'lid.brabant@demo.tafel');
		const brabant = open(cookie);
		await until(() => brabant.provider.synced, 'synced');
		await adminAction('active', { userId: brabantId, name: 'Lid Brabant', active: 'false' });
		await until(() => brabant.closeCodes.includes(CloseCode.Unauthorized), 'closed with 4401', 5_000);
		// Reconnecting does not help: the session is gone.
		expect((await rawSocket(server.url, cookie, DOC)).status).toBe(401);
		brabant.destroy();
		await adminAction('active', { userId: brabantId, name: 'Lid Brabant', active: 'true' });
	});

	test('logging out closes the sockets of that session with 4401, not those of another session', async () => {
		const [session, other] = await Promise.all([loginCookie(server.url, 'lid.ezk@demo.tafel'), loginCookie(server.url, 'lid.ezk@demo.tafel')]);
		const first = open(session);
		const second = open(session, scratchDoc(1));
		const elsewhere = open(other);
		await until(() => first.provider.synced && second.provider.synced && elsewhere.provider.synced, 'synced');
		const response = await fetch(`${server.url}/logout`, { method: 'POST', headers: { origin: server.url, accept: 'text/html', cookie: session, 'content-type': 'application/x-www-form-urlencoded' }, body: '', redirect: 'manual' });
		expect(response.status).toBe(303);
		await until(() => first.closeCodes.includes(CloseCode.Unauthorized) && second.closeCodes.includes(CloseCode.Unauthorized), 'both sockets of the session closed with 4401', 5_000);
		expect(elsewhere.closeCodes).toEqual([]);
		expect(elsewhere.provider.wsconnected).toBe(true);
		first.destroy();
		second.destroy();
	});

	test("a participant may comment but not write from the start, and its updates are dropped", async () => {
		const participant = open(await loginCookie(server.url, 'deelnemer@demo.tafel'));
		const member = open(await loginCookie(server.url, 'lid.ezk@demo.tafel'));
		await until(() => participant.provider.synced && member.provider.synced && participant.access() === 'comment', 'participant synced, told comment-only');
		const before = text(member);
		participant.doc.getText('t').insert(0, 'DEELNEMER ');
		participant.provider.ws!.send(updateFrame(foreignUpdate('DEELNEMER VREEMD ')));
		await probe(participant, member, 2);
		member.doc.getText('t').insert(0, 'lid ');
		const fresh = open(admin);
		await until(() => fresh.provider.synced && text(fresh) === 'lid ' + before, 'the server holds only the member edit');
		expect(text(member)).toBe('lid ' + before);
		expect(participant.closeCodes).toEqual([]);
	});

	test('a participant made member on an open project page can type into a field at once; made observer, the page is told read-only', async () => {
		const id = await userId('deelnemer@demo.tafel');
		const doc = documentName.project('rip-demo-0002');
		const participant = open(await loginCookie(server.url, 'deelnemer@demo.tafel'), doc);
		await until(() => participant.provider.synced && participant.access() === 'comment', 'participant connected, comment-only');
		await adminAction('role', { userId: id, role: 'member' });
		await until(() => participant.access() === 'read-write', 'Access read-write on the open connection', 5_000);
		fieldTextOf(participant.doc, 'contactRole').insert(0, 'Nu lid: ');
		const fresh = open(admin, doc);
		await until(() => fresh.provider.synced && fieldTextOf(fresh.doc, 'contactRole').toString().startsWith('Nu lid: '), 'the field edit reached the server');
		await adminAction('role', { userId: id, role: 'observer' });
		await until(() => participant.access() === 'read-only', 'Access read-only for an observer', 5_000);
		await adminAction('role', { userId: id, role: 'participant' });
		await until(() => participant.access() === 'comment', 'back to comment-only', 5_000);
	});
});
