/**
 * Comments and notifications through the real server: who sees which thread on every
 * path (API, page, events, grid counts, exports), mentions and replies in the inbox,
 * the participant who may comment but not write, and bad input refused in Dutch.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { bodyOf, documentName, fieldTextOf } from '../../src/lib/collab/documents.ts';
import { setText } from '../../src/lib/collab/text-diff.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { loginCookie } from '../support/http.ts';
import { connect, until } from '../support/collab-client.ts';
import { listenEvents } from '../support/sse.ts';

interface Thread { id: string; visibility: string; resolved: boolean; quote: string; comments: { id: string; body: string; deleted: boolean; editedAt: string | null }[]; canResolve: boolean }
interface Inbox { unread: number; items: { id: string; kind: string; excerpt: string; href: string; read: boolean }[] }

describe('comments and notifications', () => {
	let server: TestServer;
	let dewi: string; // participant, ROM BOM
	let bram: string; // member, Provincie Noord-Brabant
	let eva: string; // member, EZK
	let wout: string; // observer, VNG
	let projectId: string;
	let doc: string;

	const request = (path: string, cookie: string | null, method = 'GET', body?: unknown, headers: Record<string, string> = {}) =>
		fetch(`${server.url}${path}`, {
			method,
			headers: { ...(cookie ? { cookie } : {}), origin: server.url, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
			body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
			redirect: 'manual'
		});
	const threads = async (cookie: string): Promise<Thread[]> => {
		const response = await request(`/api/threads?document=${doc}`, cookie);
		expect(response.status).toBe(200);
		return ((await response.json()) as { threads: Thread[] }).threads;
	};
	const inbox = async (cookie: string): Promise<Inbox> => (await (await request('/api/notifications', cookie)).json()) as Inbox;
	const start = async (cookie: string, body: string, extra: Record<string, unknown> = {}) => {
		const response = await request('/api/threads', cookie, 'POST', { documentName: doc, body, ...extra });
		return { status: response.status, data: (await response.json()) as { threadId: string; commentId: string; message?: string; error?: string } };
	};

	beforeAll(async () => {
		server = await startServer();
		[dewi, bram, eva, wout] = await Promise.all(
			['deelnemer@demo.tafel', 'lid.brabant@demo.tafel', 'lid.ezk@demo.tafel', 'waarnemer@demo.tafel'].map((e) => loginCookie(server.url, e))
		);
		const list = (await (await request('/api/projects?organisatie=prov-nb&per_pagina=5', bram)).json()) as { projects: { id: string; visibility: string }[] };
		projectId = list.projects.find((p) => p.visibility !== 'concept')!.id;
		doc = documentName.project(projectId);
	});
	afterAll(async () => {
		await server?.dispose();
	});

	test('a participant of ROM BOM comments and mentions the province: its member is notified live, answers and resolves', async () => {
		const bramEvents = listenEvents(server.url, bram);
		await bramEvents.ready;
		const before = (await inbox(bram)).unread;
		const created = await start(dewi, 'Past dit bij de waterstofroute? @[Provincie Noord-Brabant](org:prov-nb)', { anchor: null });
		expect(created.status).toBe(201);
		await until(() => bramEvents.received.some((e) => e.type === 'notification'), 'notification event for Bram');
		await until(() => bramEvents.received.some((e) => e.type === 'thread-changed' && e.threadId === created.data.threadId), 'thread event for Bram');
		const bramInbox = await inbox(bram);
		expect(bramInbox.unread).toBe(before + 1);
		expect(bramInbox.items[0]).toMatchObject({ kind: 'mention', read: false, href: `/projecten/${projectId}#thread-${created.data.threadId}` });
		expect(bramInbox.items[0].excerpt).toContain('@Provincie Noord-Brabant');
		bramEvents.stop();

		// EZK is not mentioned and owns nothing here: no notification.
		expect((await inbox(eva)).items.some((n) => n.excerpt.includes('waterstofroute'))).toBe(false);

		expect((await request(`/api/threads/${created.data.threadId}/comments`, bram, 'POST', { body: 'Ja, dat koppelen we.' })).status).toBe(201);
		const dewiInbox = await inbox(dewi);
		expect(dewiInbox.items[0]).toMatchObject({ kind: 'reply', read: false });

		expect((await request(`/api/threads/${created.data.threadId}`, eva, 'PATCH', { resolved: true })).status).toBe(403);
		expect((await request(`/api/threads/${created.data.threadId}`, bram, 'PATCH', { resolved: true })).status).toBe(200);
		expect((await threads(eva)).find((t) => t.id === created.data.threadId)).toMatchObject({ resolved: true });
		// The author may reopen.
		expect((await request(`/api/threads/${created.data.threadId}`, dewi, 'PATCH', { resolved: false })).status).toBe(200);

		const read = await request('/api/notifications', bram, 'POST', { read: 'all' });
		expect(((await read.json()) as { unread: number }).unread).toBe(0);
	});

	test('an internal thread of the province is invisible to EZK everywhere: API, events, grid counts, replies and resolving', async () => {
		const evaEvents = listenEvents(server.url, eva);
		await evaEvents.ready;
		const internal = await start(bram, 'Intern: budget nog niet rond, Geheimxyz.', { visibility: 'internal' });
		expect(internal.status).toBe(201);
		const shared = await start(bram, 'Openbare vraag aan het platform.');
		await until(() => evaEvents.received.some((e) => e.threadId === shared.data.threadId), 'event of the shared thread for Eva');
		evaEvents.stop();
		expect(evaEvents.received.some((e) => e.threadId === internal.data.threadId)).toBe(false);

		expect((await threads(bram)).some((t) => t.id === internal.data.threadId && t.visibility === 'internal')).toBe(true);
		for (const cookie of [eva, dewi, wout]) {
			const seen = await threads(cookie);
			expect(seen.some((t) => t.id === internal.data.threadId)).toBe(false);
			expect(seen.some((t) => t.id === shared.data.threadId)).toBe(true);
		}
		expect((await request(`/api/threads/${internal.data.threadId}/comments`, eva, 'POST', { body: 'Mag ik meelezen?' })).status).toBe(404);
		expect((await request(`/api/threads/${internal.data.threadId}`, eva, 'PATCH', { resolved: true })).status).toBe(404);
		expect((await request(`/api/comments/${internal.data.commentId}`, eva, 'DELETE')).status).toBe(404);

		// Grid counts: the province counts its internal thread, EZK does not.
		const count = async (cookie: string) => {
			const html = await (await request(`/projecten?organisatie=prov-nb&per_pagina=200`, cookie)).text();
			const row = html.slice(html.indexOf(`data-project="${projectId}"`));
			return /(\d+) open opm\./.exec(row.slice(0, row.indexOf('</tr>')))?.[1];
		};
		const [bramCount, evaCount] = [Number(await count(bram)), Number(await count(eva))];
		expect(bramCount).toBe(evaCount + 1);

		// Exports carry the comments each reader may see.
		const markdown = async (cookie: string) => (await request(`/projecten/${projectId}/export?formaat=md`, cookie)).text();
		expect(await markdown(bram)).toContain('Geheimxyz');
		expect(await markdown(eva)).not.toContain('Geheimxyz');
		expect(await markdown(eva)).toContain('Openbare vraag aan het platform.');

		// Nothing of it in pages or the inbox of others.
		for (const cookie of [eva, dewi]) {
			expect(await (await request(`/projecten/${projectId}`, cookie)).text()).not.toContain('Geheimxyz');
			expect(JSON.stringify(await inbox(cookie))).not.toContain('Geheimxyz');
		}
	});

	test('participants comment but cannot write the document, even with a crafted client; observers only read', async () => {
		const reader = connect(server.url, bram, doc);
		const crafted = connect(server.url, dewi, doc);
		await until(() => reader.provider.synced && crafted.provider.synced && crafted.access() === 'comment', 'both synced, participant told comment-only');
		// The crafted client writes the body by its raw key, as a hand-made client would.
		crafted.doc.getXmlFragment('description').insert(0, [new Y.XmlText('Ingevoegd door een deelnemer')]);
		// Bram's own edit after it proves the socket delivers; the participant's never arrives.
		setText(fieldTextOf(reader.doc, 'contactRole'), 'Programmaleider');
		const probe = connect(server.url, eva, doc);
		await until(() => probe.provider.synced && fieldTextOf(probe.doc, 'contactRole').toString() === 'Programmaleider', 'probe has Bram’s edit');
		expect(bodyOf(probe.doc, 'project').toString()).not.toContain('Ingevoegd door een deelnemer');
		expect(bodyOf(reader.doc, 'project').toString()).not.toContain('Ingevoegd door een deelnemer');
		for (const c of [reader, crafted, probe]) c.destroy();

		expect((await start(wout, 'Waarnemer probeert')).status).toBe(403);
		expect((await threads(wout)).length).toBeGreaterThan(0);
	});

	test('anchored comments keep their quote; edit marks "bewerkt", delete leaves a tombstone when answered', async () => {
		const anchorDoc = new Y.Doc();
		const text = new Y.XmlText('Een zin om op te reageren.');
		bodyOf(anchorDoc, 'project').insert(0, [text]);
		const b64 = (rel: Y.RelativePosition) => Buffer.from(Y.encodeRelativePosition(rel)).toString('base64');
		const anchor = { from: b64(Y.createRelativePositionFromTypeIndex(text, 4, 0)), to: b64(Y.createRelativePositionFromTypeIndex(text, 7, -1)) };
		const created = await start(dewi, 'Over dit woord', { anchor, quote: 'zin' });
		expect(created.status).toBe(201);
		let thread = (await threads(bram)).find((t) => t.id === created.data.threadId)!;
		expect(thread.quote).toBe('zin');
		expect((await request(`/api/comments/${created.data.commentId}`, bram, 'PATCH', { body: 'Niet van mij' })).status).toBe(403);
		expect((await request(`/api/comments/${created.data.commentId}`, dewi, 'PATCH', { body: 'Over dit ene woord' })).status).toBe(200);
		await request(`/api/threads/${created.data.threadId}/comments`, bram, 'POST', { body: 'Antwoord' });
		expect((await request(`/api/comments/${created.data.commentId}`, dewi, 'DELETE')).status).toBe(200);
		thread = (await threads(bram)).find((t) => t.id === created.data.threadId)!;
		expect(thread.comments[0]).toMatchObject({ deleted: true, body: '' });
		expect(thread.comments[0].editedAt).not.toBeNull();
		expect(thread.comments[1].body).toBe('Antwoord');

		// A thread's only comment takes the thread along.
		const lone = await start(dewi, 'Toch niet');
		expect(((await (await request(`/api/comments/${lone.data.commentId}`, dewi, 'DELETE')).json()) as { threadDeleted: boolean }).threadDeleted).toBe(true);
		expect((await threads(dewi)).some((t) => t.id === lone.data.threadId)).toBe(false);
	});

	test('bad input is refused with a Dutch reason and changes nothing; script stays text', async () => {
		const count = (await threads(bram)).length;
		const cases: [unknown, number, RegExp][] = [
			[{ documentName: doc, body: 'x'.repeat(5001) }, 400, /te lang/],
			[{ documentName: doc, body: '   ' }, 400, /Schrijf eerst/],
			[{ documentName: doc, body: 'nul\u0000teken' }, 400, /niet zijn toegestaan/],
			[{ documentName: doc, body: 'ok', anchor: { from: '!!', to: 'x' } }, 400, /niet te herkennen/],
			[{ documentName: doc, body: 'ok', visibility: 'geheim' }, 400, /platform/],
			[{ documentName: documentName.project('bestaat-niet'), body: 'ok' }, 404, /Niet gevonden/],
			[{ documentName: 'iets:anders', body: 'ok' }, 404, /Niet gevonden/]
		];
		for (const [body, status, message] of cases) {
			const response = await request('/api/threads', dewi, 'POST', body);
			expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(status);
			expect(((await response.json()) as { message: string }).message).toMatch(message);
		}
		expect((await request('/api/threads', dewi, 'POST', '{kapot')).status).toBe(400);
		expect((await request('/api/threads', dewi, 'POST', { documentName: doc, body: 'x'.repeat(70_000) })).status).toBe(413);
		expect((await request('/api/threads', dewi, 'POST', { documentName: doc, body: 'ok' }, { origin: 'https://evil.example' })).status).toBe(403);
		expect((await request('/api/threads', null, 'POST', { documentName: doc, body: 'ok' })).status).toBe(401);
		expect((await threads(bram)).length).toBe(count);

		const xss = '<img src=x onerror=alert(1)> [klik](javascript:alert(1)) 🚀 \u05d0';
		const created = await start(dewi, xss);
		expect(created.status).toBe(201);
		expect((await threads(bram)).find((t) => t.id === created.data.threadId)!.comments[0].body).toBe(xss);
	});

	test('notification settings: a person who switched mentions off is not notified; mention lookup finds people and organisations', async () => {
		const page = await request('/meldingen?/settings', eva, 'POST', new URLSearchParams({ replies: 'on' }).toString(), { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' });
		expect(page.status).toBe(200);
		const before = (await inbox(eva)).items.length;
		await start(dewi, 'Vraag aan @[Eva de Vries](user:' + (await userId(eva)) + ')');
		expect((await inbox(eva)).items.length).toBe(before);

		const found = (await (await request('/api/mentions?q=brab', dewi)).json()) as { kind: string; label: string }[];
		expect(found).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'org', label: 'Provincie Noord-Brabant' })]));
		const people = (await (await request('/api/mentions?q=Bram', dewi)).json()) as { kind: string; label: string }[];
		expect(people).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'user', label: 'Bram van Dijk' })]));
	});

	async function userId(cookie: string): Promise<string> {
		const html = await (await request('/account', cookie)).text();
		const match = /"id":"([^"]+)","name":"Eva de Vries"/.exec(html) ?? /id:"([^"]+)",name:"Eva de Vries"/.exec(html);
		expect(match, 'user id in page data').not.toBeNull();
		return match![1];
	}
});
