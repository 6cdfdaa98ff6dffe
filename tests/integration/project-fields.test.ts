/**
 * Project fields as shared text (layout 2): two people typing in one field keep every
 * character; a document stored in layout 1 is migrated once, inside the room, keeping
 * every value; a tab of the old code is told to reload instead of writing layout 1.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import * as Y from 'yjs';
import { startServer, type TestServer } from '../support/server.ts';
import { loginCookie } from '../support/http.ts';
import { PG_URL } from '../support/postgres.ts';
import { allPersisted, connect, until, type TestClient } from '../support/collab-client.ts';
import { bodyOf, documentName, fieldsOf, fieldTextOf, metaOf } from '../../src/lib/collab/documents.ts';
import { CloseCode } from '../../src/lib/collab/messages.ts';
import { TYPED_FIELDS, rawFields } from '../../src/lib/collab/project-doc.ts';
import { withDatabase } from '../support/with-database.ts';
import { docStates, docUpdates } from '../../src/lib/server/db/schema.ts';

const databases = ['pglite', ...(PG_URL ? ['postgres' as const] : [])] as const;
const CONCURRENT = 'rip-demo-0003';
const LEGACY = 'rip-demo-0004';

/** The same content written the way the code before layout 2 wrote it: every field a value in the fields map. */
function asLayout1(stored: Uint8Array): Uint8Array {
	const current = new Y.Doc();
	Y.applyUpdate(current, stored);
	const old = new Y.Doc();
	const values = rawFields(current);
	old.transact(() => {
		for (const [key, value] of Object.entries(values)) fieldsOf(old).set(key, value);
		// A literal, not BODY_KEY: this is what the old code wrote, whatever the key is today.
		const description = old.getXmlFragment('description');
		description.insert(0, [new Y.XmlElement('paragraph')]);
		(description.get(0) as Y.XmlElement).insert(0, [new Y.XmlText('Beschrijving uit de oude opmaak.')]);
	});
	return Y.encodeStateAsUpdate(old);
}

/** Rewrites a project's stored document in layout 1 while the server is stopped (PGlite has one opener). */
function storeLayout1(server: TestServer, projectId: string): Promise<TestServer> {
	return withDatabase(server, async (db) => {
		const name = documentName.project(projectId);
		const [row] = await db.select().from(docStates).where(eq(docStates.docName, name));
		const tail = await db.select().from(docUpdates).where(eq(docUpdates.docName, name));
		const merged = Y.mergeUpdates([row.state, ...tail.map((t) => t.update)].map((u) => new Uint8Array(u)));
		await db.update(docStates).set({ state: asLayout1(merged), compactedThrough: 0 }).where(eq(docStates.docName, name));
		if (tail.length) await db.delete(docUpdates).where(inArray(docUpdates.id, tail.map((t) => t.id)));
	});
}

describe.each(databases)('project fields as shared text on %s', (database) => {
	let server: TestServer;
	let bram: string;
	let eva: string;
	const clients: TestClient[] = [];
	const open = (cookie: string, projectId: string, options: { layout?: number | null } = {}) => {
		const client = connect(server.url, cookie, documentName.project(projectId), options);
		clients.push(client);
		return client;
	};

	beforeAll(async () => {
		const first = await startServer({ database });
		server = await storeLayout1(first, LEGACY);
		[bram, eva] = await Promise.all([loginCookie(server.url, 'lid.brabant@demo.tafel'), loginCookie(server.url, 'lid.ezk@demo.tafel')]);
	});
	afterAll(async () => {
		for (const c of clients) c.destroy();
		await server?.dispose();
	});

	test('two people typing into one text field at random places at the same moment keep every character they typed', async () => {
		const a = open(bram, CONCURRENT);
		const b = open(eva, CONCURRENT);
		await until(() => a.provider.synced && b.provider.synced, 'both synced');
		const count = (text: string, ch: string) => [...text].filter((c) => c === ch).length;
		let seed = 7;
		const random = (n: number) => ((seed = (seed * 48271) % 2147483647), seed % n);
		const typed = { α: 0, β: 0 };
		for (let round = 0; round < 80; round++) {
			// Mostly neither waits for the other (both edit the same state, as when two people type at
			// once); now and then messages get through, so later edits land inside the other's text.
			for (const [client, ch] of [[a, 'α'], [b, 'β']] as const) {
				const text = fieldTextOf(client.doc, 'summary');
				const n = 1 + random(3);
				text.insert(random(text.length + 1), ch.repeat(n));
				typed[ch] += n;
			}
			if (round % 7 === 6) await new Promise((resolve) => setTimeout(resolve, random(30)));
		}
		await until(() => fieldTextOf(a.doc, 'summary').toString() === fieldTextOf(b.doc, 'summary').toString() && count(fieldTextOf(a.doc, 'summary').toString(), 'β') === typed.β, 'both converge');
		const merged = fieldTextOf(a.doc, 'summary').toString();
		expect(count(merged, 'α')).toBe(typed.α);
		expect(count(merged, 'β')).toBe(typed.β);
		await until(() => allPersisted(a) && allPersisted(b), 'both acknowledged');
		const reload = open(eva, CONCURRENT);
		await until(() => reload.provider.synced && fieldTextOf(reload.doc, 'summary').toString() === merged, 'a reload shows the merged text');
	});

	test('a document stored in the old layout is migrated once when loaded and keeps every value; a reload does not migrate again', async () => {
		const client = open(bram, LEGACY);
		await until(() => client.provider.synced && metaOf(client.doc).get('layout') === 2, 'migrated document received');
		const title = fieldTextOf(client.doc, 'title').toString();
		expect(title.length).toBeGreaterThan(4);
		for (const key of TYPED_FIELDS) expect(fieldsOf(client.doc).has(key), `${key} left the fields map`).toBe(false);
		expect(fieldsOf(client.doc).get('status')).toBeTruthy();
		expect(bodyOf(client.doc, 'project').toString()).toContain('Beschrijving uit de oude opmaak.');
		const api = (await (await fetch(`${server.url}/api/projects/${LEGACY}`, { headers: { cookie: bram } })).json()) as { title: string; partners: string[]; fieldProblems: object };
		expect(api.title).toBe(title);
		expect(fieldTextOf(client.doc, 'partners').toString()).toBe(api.partners.join('; '));
		await until(() => allPersisted(client), 'migration acknowledged');
		client.destroy();
		// A restart: the next visitor loads the migrated state from the database.
		server = await (await server.stop().then(() => server)).restart();
		const again = open(eva, LEGACY);
		await until(() => again.provider.synced && fieldTextOf(again.doc, 'title').length > 0, 'reloaded');
		expect(fieldTextOf(again.doc, 'title').toString()).toBe(title);
		expect(api.fieldProblems).toEqual({});
	});

	test('a tab of the old code is told to reload (4426) and writes nothing; a legacy value that still arrives is applied as typed', async () => {
		const old = open(bram, CONCURRENT, { layout: null });
		await until(() => old.closeCodes.includes(CloseCode.Outdated), 'old tab refused with Outdated');
		expect(old.provider.synced).toBe(false);
		old.destroy();
		// A crafted (or ancient offline) write of a typed field as a map value is folded into its text, not lost.
		const client = open(bram, CONCURRENT);
		const watcher = open(eva, CONCURRENT);
		await until(() => client.provider.synced && watcher.provider.synced, 'synced');
		fieldsOf(client.doc).set('contactName', 'Anna de Vries');
		await until(() => fieldTextOf(watcher.doc, 'contactName').toString() === 'Anna de Vries' && !fieldsOf(watcher.doc).has('contactName'), 'folded into the shared text');
	});
});
