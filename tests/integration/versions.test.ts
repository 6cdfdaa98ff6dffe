/**
 * Version history end to end on the real server: naming, the JSON API, restore while
 * editors are connected (live, converging, an offline client merging on top), rights on
 * crafted requests, and versions surviving compaction. The clock-driven parts
 * (automatic versions, retention) are in versions-schedule.test.ts.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { startServer, type TestServer } from '../support/server.ts';
import { loginCookie } from '../support/http.ts';
import { PG_URL } from '../support/postgres.ts';
import { allPersisted, connect, until, type TestClient } from '../support/collab-client.ts';
import { scratchProjectOwnedBy } from '../support/scratch-docs.ts';
import { bodyOf, documentName, fieldTextOf } from '../../src/lib/collab/documents.ts';
import { plainText, richTextDoc } from '../../src/lib/collab/rich-text.ts';

const databases = ['pglite', ...(PG_URL ? ['postgres' as const] : [])] as const;

/** A platform project owned by Bram's province (Noord-Brabant), not used by other tests. */
const brabantProject = () => scratchProjectOwnedBy('prov-nb');

const text = (c: TestClient) => plainText(richTextDoc(bodyOf(c.doc, 'project')));
const title = (c: TestClient) => fieldTextOf(c.doc, 'title').toString();

function appendParagraph(doc: Y.Doc, content: string) {
	const p = new Y.XmlElement('paragraph');
	p.insert(0, [new Y.XmlText(content)]);
	const body = bodyOf(doc, 'project');
	body.insert(body.length, [p]);
}

describe.each(databases)('version history on %s', (database) => {
	let server: TestServer;
	let bram: string;
	let eva: string;
	let wout: string;
	const clients: TestClient[] = [];
	const project = brabantProject();
	const DOC = documentName.project(project.id);
	const open = (cookie: string) => {
		const c = connect(server.url, cookie, DOC);
		clients.push(c);
		return c;
	};
	/** A form action as the enhanced form sends it; the status is the action's (a failure's, 303 for a redirect). */
	const post = async (path: string, cookie: string, fields: Record<string, string>) => {
		const response = await fetch(`${server.url}${path}`, { method: 'POST', headers: { origin: server.url, cookie, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded', 'x-sveltekit-action': 'true' }, body: new URLSearchParams(fields), redirect: 'manual' });
		if (response.status !== 200) return { status: response.status };
		const body = (await response.json()) as { type: string; status?: number };
		return { status: body.type === 'redirect' ? 303 : body.type === 'failure' ? (body.status ?? 400) : 200 };
	};
	const api = async (path: string, cookie: string) => {
		const response = await fetch(`${server.url}${path}`, { headers: { cookie } });
		return { status: response.status, body: response.status === 200 ? await response.json() : null };
	};
	const versions = async () => (await api(`/api/projects/${project.id}/versions`, bram)).body.versions as { id: string; kind: string; name: string | null; changedBy: { name: string; organisation: string }[] }[];
	const nameVersion = async (cookie: string, name: string) => post(`/projecten/${project.id}/versies?/name`, cookie, { name });

	beforeAll(async () => {
		server = await startServer({ database, env: { COLLAB_IDLE_UNLOAD_MS: '400', COLLAB_COMPACT_AFTER_ROWS: '5' } });
		[bram, eva, wout] = await Promise.all([loginCookie(server.url, 'lid.brabant@demo.tafel'), loginCookie(server.url, 'lid.ezk@demo.tafel'), loginCookie(server.url, 'waarnemer@demo.tafel')]);
	});
	afterAll(async () => {
		for (const c of clients) c.destroy();
		await server?.dispose();
	});

	test('a named version keeps the state, who changed it, and reads back through the API', async () => {
		const a = open(bram);
		await until(() => a.provider.synced, 'synced');
		a.doc.transact(() => {
			const t = fieldTextOf(a.doc, 'title');
			t.delete(0, t.length);
			t.insert(0, 'Versie-een titel');
			appendParagraph(a.doc, 'Tekst van versie een.');
		});
		await until(() => allPersisted(a), 'stored');
		const named = await nameVersion(bram, 'Ingediend bij brede tafel Oost');
		expect(named.status).toBe(200);
		const list = await versions();
		const v = list.find((x) => x.name === 'Ingediend bij brede tafel Oost');
		expect(v?.kind).toBe('named');
		expect(v?.changedBy.map((p) => p.name)).toContain('Bram van Dijk');
		const detail = await api(`/api/projects/${project.id}/versions/${v!.id}`, eva);
		expect(detail.status).toBe(200);
		expect(detail.body.fields.title).toBe('Versie-een titel');
		expect(detail.body.text).toContain('Tekst van versie een.');
		// Unknown version and a name that is no name are refused, nothing is added.
		expect((await api(`/api/projects/${project.id}/versions/bestaatniet`, bram)).status).toBe(404);
		// Odd paging parameters read as the first page, never as a server error.
		const farPast = Buffer.from('-271821-04-20T00:00:00Z|x').toString('base64url');
		for (const query of ['limit=1.5', 'limit=-3', 'limit=abc', `before=${farPast}`, 'before=%%%']) expect((await api(`/api/projects/${project.id}/versions?${query}`, bram)).status, query).toBe(200);
		expect((await fetch(`${server.url}/projecten/${project.id}/versies?voor=${farPast}`, { headers: { cookie: bram } })).status).toBe(200);
		expect((await nameVersion(bram, '   ')).status).toBe(400);
		// Naming the same state again stores no second copy of the document: refused, with the name it has.
		expect((await nameVersion(bram, 'Nog een keer')).status).toBe(409);
		expect((await versions()).length).toBe(list.length);
		a.destroy();
	});

	test('an observer and a member of another organisation cannot restore; an observer cannot name (crafted requests)', async () => {
		const [v] = await versions();
		expect((await nameVersion(wout, 'Door waarnemer')).status).toBe(403);
		expect((await post(`/projecten/${project.id}/versies/${v.id}?/restore`, wout, { confirm: 'ja' })).status).toBe(403);
		expect((await post(`/projecten/${project.id}/versies/${v.id}?/restore`, eva, { confirm: 'ja' })).status).toBe(403);
		expect((await versions()).some((x) => x.name === 'Door waarnemer')).toBe(false);
		// A restore without confirmation changes nothing either.
		expect((await post(`/projecten/${project.id}/versies/${v.id}?/restore`, bram, {})).status).toBe(400);
		expect((await versions()).some((x) => x.kind === 'restore')).toBe(false);
	});

	test('a restore reaches two connected editors live, they keep typing, and an offline client merges on top', async () => {
		const target = (await versions()).find((x) => x.name === 'Ingediend bij brede tafel Oost')!;
		const a = open(bram);
		const b = open(eva);
		const offline = open(eva);
		await until(() => a.provider.synced && b.provider.synced && offline.provider.synced, 'all synced');
		// Work after the version: a new title and a paragraph.
		a.doc.transact(() => {
			const t = fieldTextOf(a.doc, 'title');
			t.insert(t.length, ' (herzien)');
			appendParagraph(a.doc, 'Later geschreven alinea.');
		});
		await until(() => allPersisted(a) && text(b).includes('Later geschreven alinea.'), 'edit stored and seen');
		// The third goes offline and writes a paragraph of its own meanwhile.
		offline.provider.disconnect();
		appendParagraph(offline.doc, 'Offline geschreven.');

		const restored = await post(`/projecten/${project.id}/versies/${target.id}?/restore`, bram, { confirm: 'ja' });
		expect([200, 303]).toContain(restored.status);
		for (const c of [a, b]) await until(() => title(c) === 'Versie-een titel' && !text(c).includes('Later geschreven alinea.'), 'restored content live');
		expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);

		// B keeps typing after the restore: it is stored and A sees it.
		appendParagraph(b.doc, 'Na het herstel getypt.');
		await until(() => allPersisted(b) && text(a).includes('Na het herstel getypt.'), 'typing after the restore');

		// The offline client comes back: its paragraph merges on top of the restored content.
		offline.provider.connect();
		await until(() => text(a).includes('Offline geschreven.') && allPersisted(offline), 'offline edit merged');
		expect(text(offline)).toBe(text(a));
		expect(title(offline)).toBe('Versie-een titel');

		// The list: a safety version before, the restore itself after; the timeline says so.
		const list = await versions();
		expect(list[0].kind).toBe('restore');
		expect(list.some((x) => x.kind === 'auto')).toBe(true);
		const page = await (await fetch(`${server.url}/projecten/${project.id}`, { headers: { cookie: bram } })).text();
		expect(page).toContain('Versie hersteld: Ingediend bij brede tafel Oost');
		// And the projection took the restored title into the inventory row.
		await until(async () => (await api(`/api/projects/${project.id}`, bram)).body?.title === 'Versie-een titel', 'projected title', 10_000);
	});

	test('after the room unloads and compacts, every version is still there and readable', async () => {
		const before = await versions();
		for (const c of clients.splice(0)) c.destroy();
		// Idle unload (400 ms) compacts the document.
		await new Promise((r) => setTimeout(r, 1_500));
		const after = await versions();
		expect(after.map((v) => v.id)).toEqual(before.map((v) => v.id));
		for (const v of after) expect((await api(`/api/projects/${project.id}/versions/${v.id}`, bram)).status).toBe(200);
		// A reader who may not see the project sees no versions either.
		expect((await api(`/api/projects/${project.id}/versions`, '')).status).toBe(401);
	});
});
