/**
 * A record that names another (a link, a timeline event, a suggestion, a notification)
 * shows it only to those who may see the other record (QUALITY.md A7). A member of
 * Provincie Noord-Brabant links their organisation's concept project to a platform
 * project with a note, removes a second link, and comments on the concept mentioning
 * every other organisation; then every role of another organisation looks through
 * every path that shows links or timelines: the page (with its embedded data), the
 * JSON API, the Markdown and PDF exports, the event stream and the inbox.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { loginCookie } from '../support/http.ts';
import { listenEvents } from '../support/sse.ts';
import { until } from '../support/collab-client.ts';
import { readPdf } from '../support/pdf-text.ts';
import { documentName } from '../../src/lib/collab/documents.ts';

const CONCEPT_TITLE = 'Zwaluwstaart geheim concept Brabant';
const NOTE = 'Vertrouwelijke notitie over Kraanvogelhaven';

/** Every role, each of an organisation other than the concept's owner (README demo accounts). */
const OTHERS = [
	['admin', 'beheerder@demo.tafel'],
	['facilitator', 'facilitator@demo.tafel'],
	['member', 'lid.ezk@demo.tafel'],
	['participant', 'deelnemer@demo.tafel'],
	['observer', 'waarnemer@demo.tafel']
] as const;

describe('references to a concept project', () => {
	let server: TestServer;
	let bram: string; // member of Provincie Noord-Brabant: owns the concept
	let cookies: Record<string, string>;
	let streams: Record<string, ReturnType<typeof listenEvents>>;
	let conceptId: string;
	let conceptCode: string;
	let platformId: string;
	let platformCode: string;
	let sentinelThread: string;

	const request = (path: string, cookie: string, form?: Record<string, string>) =>
		fetch(`${server.url}${path}`, {
			method: form ? 'POST' : 'GET',
			headers: { cookie, origin: server.url, accept: 'text/html', ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
			body: form ? new URLSearchParams(form) : undefined,
			redirect: 'manual'
		});
	const secrets = () => [conceptCode, CONCEPT_TITLE, NOTE, conceptId];
	const expectNoSecret = (text: string, where: string) => {
		for (const secret of secrets()) expect(text.includes(secret), `${where} names ${secret}`).toBe(false);
	};

	beforeAll(async () => {
		server = await startServer();
		bram = await loginCookie(server.url, 'lid.brabant@demo.tafel');
		cookies = Object.fromEntries(await Promise.all(OTHERS.map(async ([role, email]) => [role, await loginCookie(server.url, email)] as const)));
		streams = Object.fromEntries(OTHERS.map(([role]) => [role, listenEvents(server.url, cookies[role])]));
		await Promise.all(Object.values(streams).map((s) => s.ready));

		const created = await request('/projecten/nieuw', bram, { title: CONCEPT_TITLE, status: 'idee' });
		expect(created.status).toBe(303);
		conceptId = /\/projecten\/([^/?#]+)$/.exec(created.headers.get('location')!)![1];
		conceptCode = ((await (await request(`/api/projects/${conceptId}`, bram)).json()) as { code: string; visibility: string }).code;
		const list = (await (await request('/api/projects?per_pagina=20', cookies.member)).json()) as { projects: { id: string; code: string; visibility: string; owner: { id: string } }[] };
		const [platform, second] = list.projects.filter((p) => p.visibility === 'platform' && p.owner.id !== 'prov-nb');
		platformId = platform.id;
		platformCode = platform.code;

		// A link with a note that stays, and a second one made and removed again (both write timeline events on the platform project).
		expect((await request(`/projecten/${conceptId}?/addLink`, bram, { target: platformCode, type: 'overlap', note: NOTE })).status).toBe(200);
		expect((await request(`/projecten/${conceptId}?/addLink`, bram, { target: second.code, type: 'keten', note: '' })).status).toBe(200);
		const page = await (await request(`/projecten/${conceptId}`, bram)).text();
		const removable = [...page.matchAll(/name="linkId" value="([^"]+)"/g)].map((m) => m[1]);
		expect(removable).toHaveLength(2);
		const detail = (await (await request(`/api/projects/${conceptId}`, bram)).json()) as { links: { type: string }[] };
		expect(detail.links.map((l) => l.type).sort()).toEqual(['keten', 'overlap']);
		// Which form belongs to the chain link: the one after its code on the page.
		const chainId = removable.find((id) => page.indexOf(`value="${id}"`) > page.indexOf(second.code))!;
		expect((await request(`/projecten/${conceptId}?/removeLink`, bram, { linkId: chainId })).status).toBe(200);

		// A comment on the concept mentioning every other organisation: nobody there may be told.
		const comment = await fetch(`${server.url}/api/threads`, {
			method: 'POST',
			headers: { cookie: bram, origin: server.url, 'content-type': 'application/json' },
			body: JSON.stringify({ documentName: documentName.project(conceptId), anchor: null, body: `Zie ${CONCEPT_TITLE} @[EZK](org:min-ez) @[IPO](org:ipo) @[BOM](org:bom) @[VNG](org:vng)` })
		});
		expect(comment.status).toBe(201);
		// Last, a comment everyone may see: once it reached a stream, everything before it did too.
		const sentinel = await fetch(`${server.url}/api/threads`, {
			method: 'POST',
			headers: { cookie: cookies.member, origin: server.url, 'content-type': 'application/json' },
			body: JSON.stringify({ documentName: documentName.project(platformId), anchor: null, body: 'Een opmerking die iedereen ziet.' })
		});
		expect(sentinel.status).toBe(201);
		sentinelThread = ((await sentinel.json()) as { threadId: string }).threadId;
	}, 120_000);
	afterAll(async () => {
		for (const s of Object.values(streams ?? {})) s.stop();
		await server?.dispose();
	});

	test('the owning organisation still sees the link, its note and the timeline on both projects', async () => {
		const concept = await (await request(`/projecten/${conceptId}`, bram)).text();
		expect(concept).toContain(platformCode);
		const platform = await (await request(`/projecten/${platformId}`, bram)).text();
		expect(platform).toContain(conceptCode);
		expect(platform).toContain(NOTE);
		const markdown = await (await request(`/projecten/${platformId}/export?formaat=md`, bram)).text();
		expect(markdown).toContain(conceptCode);
		expect(markdown).toContain('Vertrouwelijke notitie');
		const api = (await (await request(`/api/projects/${platformId}`, bram)).json()) as { links: { note: string; project: { code: string } }[] };
		expect(api.links.some((l) => l.project.code === conceptCode && l.note === NOTE)).toBe(true);
	});

	for (const [role] of OTHERS) {
		test(`a ${role} of another organisation finds no trace of the concept on the page, in the API or in the exports`, async () => {
			const cookie = cookies[role];
			const page = await request(`/projecten/${platformId}`, cookie);
			expect(page.status).toBe(200);
			const html = await page.text();
			expect(html).toContain(platformCode);
			expectNoSecret(html, 'page');
			const data = await request(`/projecten/${platformId}/__data.json`, cookie);
			expectNoSecret(await data.text(), 'page data');

			const api = await request(`/api/projects/${platformId}`, cookie);
			expect(api.status).toBe(200);
			expectNoSecret(await api.text(), 'API');

			const markdown = await request(`/projecten/${platformId}/export?formaat=md`, cookie);
			expect(markdown.status).toBe(200);
			expectNoSecret(await markdown.text(), 'Markdown');

			const pdf = await request(`/projecten/${platformId}/export?formaat=pdf`, cookie);
			expect(pdf.status).toBe(200);
			const text = (await readPdf(new Uint8Array(await pdf.arrayBuffer()))).text.join(' ');
			expect(text).toContain(platformCode);
			expectNoSecret(text, 'PDF');

			// The concept itself does not exist for them.
			expect((await request(`/projecten/${conceptId}`, cookie)).status).toBe(404);
			expect((await request(`/api/projects/${conceptId}`, cookie)).status).toBe(404);
			expectNoSecret(await (await request(`/api/projects?q=${encodeURIComponent(CONCEPT_TITLE)}`, cookie)).text(), 'search');
		});

		test(`a ${role} of another organisation gets no event and no notification naming the concept`, async () => {
			const stream = streams[role];
			await until(() => stream.received.some((e) => e.type === 'thread-changed' && e.threadId === sentinelThread), `the last event for the ${role}`);
			expect(stream.received.some((e) => e.type === 'project-changed' && e.projectId === platformId)).toBe(true);
			expectNoSecret(JSON.stringify(stream.received), 'event stream');
			const inbox = await request('/api/notifications', cookies[role]);
			expect(inbox.status).toBe(200);
			expectNoSecret(await inbox.text(), 'inbox');
		});
	}
});
