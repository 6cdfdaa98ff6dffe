/**
 * Brede tafels on the real server: who may create one (crafted requests of others
 * refused, nothing stored), invitations in the inbox and the answers to them, proposals,
 * decisions and actions on the projects' timelines, in the API and in "Mijn acties",
 * and the rights on the shared notes per role through the websocket.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { startServer, type TestServer } from '../support/server.ts';
import { loginCookie } from '../support/http.ts';
import { PG_URL } from '../support/postgres.ts';
import { allPersisted, connect, rawSocket, until, type TestClient } from '../support/collab-client.ts';
import { scratchProject } from '../support/scratch-docs.ts';
import { demoProjects } from '../../src/lib/server/seed/demo-projects.ts';
import { bodyOf, documentName } from '../../src/lib/collab/documents.ts';
import { plainText, richTextDoc } from '../../src/lib/collab/rich-text.ts';

const databases = ['pglite', ...(PG_URL ? ['postgres' as const] : [])] as const;
const [first, second, third] = [scratchProject(70), scratchProject(71), scratchProject(72)];
/** A concept project of a province: invisible to the facilitator (IPO). */
const concept = demoProjects(150).projects.find((p) => p.visibility === 'concept' && p.ownerOrganisationId !== 'ipo')!;

function appendParagraph(doc: Y.Doc, content: string) {
	const p = new Y.XmlElement('paragraph');
	p.insert(0, [new Y.XmlText(content)]);
	const body = bodyOf(doc, 'tafel-notes');
	body.insert(body.length, [p]);
}

describe.each(databases)('brede tafels on %s', (database) => {
	let server: TestServer;
	const cookies: Record<string, string> = {};
	const clients: TestClient[] = [];
	let tafelId = '';

	/** A form action as the enhanced form sends it: the action's status (a failure's, 303 for a redirect) and its data. */
	const post = async (path: string, who: string, fields: Record<string, string | string[]>) => {
		const body = new URLSearchParams();
		for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
		const response = await fetch(`${server.url}${path}`, { method: 'POST', headers: { origin: server.url, cookie: cookies[who], accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded', 'x-sveltekit-action': 'true' }, body, redirect: 'manual' });
		if (response.status !== 200) return { status: response.status, location: '', data: '' };
		const result = (await response.json()) as { type: string; status?: number; location?: string; data?: string };
		return { status: result.type === 'redirect' ? 303 : result.type === 'failure' ? (result.status ?? 400) : 200, location: result.location ?? '', data: result.data ?? '' };
	};
	const api = async (path: string, who: string) => {
		const response = await fetch(`${server.url}${path}`, { headers: { cookie: cookies[who] } });
		return { status: response.status, body: response.status === 200 ? await response.json() : null };
	};
	const page = async (path: string, who: string) => (await fetch(`${server.url}${path}`, { headers: { cookie: cookies[who], accept: 'text/html' } })).text();
	const tafel = async (who = 'facilitator') => (await api(`/api/tafels/${tafelId}`, who)).body;
	const timeline = async (projectId: string, who = 'facilitator') => (await fetch(`${server.url}/projecten/${projectId}/export?formaat=md`, { headers: { cookie: cookies[who] } })).text();
	const userIdOf = async (email: string) => {
		const html = await page('/beheer/gebruikers', 'admin');
		return /name="userId" value="([^"]+)"/.exec(html.split(`data-user="${email}"`)[1] ?? '')![1];
	};

	const form = {
		title: 'Brede tafel Waterstof Zuid',
		date: '2030-03-12',
		time: '13:30',
		durationMinutes: '150',
		place: 'Provinciehuis ’s-Hertogenbosch',
		onlineLink: '',
		description: 'Koppelingen tussen waterstofprojecten in het zuiden.',
		themeId: 'energie-klimaat',
		series: 'Zuid',
		organisationIds: ['prov-nb', 'bom'],
		people: 'waarnemer@demo.tafel'
	};

	beforeAll(async () => {
		server = await startServer({ database });
		const accounts = { admin: 'beheerder', facilitator: 'facilitator', bram: 'lid.brabant', eva: 'lid.ezk', dewi: 'deelnemer', wout: 'waarnemer' };
		await Promise.all(Object.entries(accounts).map(async ([who, local]) => (cookies[who] = await loginCookie(server.url, `${local}@demo.tafel`))));
	});
	afterAll(async () => {
		for (const c of clients) c.destroy();
		await server?.dispose();
	});

	test('only facilitators and admins create a tafel: crafted posts of a member and a participant change nothing', async () => {
		for (const who of ['bram', 'dewi', 'wout']) expect((await post('/tafels/nieuw', who, { ...form, title: `Door ${who}` })).status).toBe(403);
		expect((await fetch(`${server.url}/tafels/nieuw`, { headers: { cookie: cookies.bram } })).status).toBe(403);
		const all = (await api('/api/tafels', 'facilitator')).body;
		expect(all.scope).toBe('all');
		// Only the demo tafels (series "Brede tafel Oost", seeded) so far.
		const demo = [...all.upcoming, ...all.past] as { id: string; title: string }[];
		expect(demo.every((t) => t.title.startsWith('Oost: '))).toBe(true);
		// The list counts each tafel's accepted agenda items: the planned demo tafel has three.
		expect(all.upcoming.find((t: { title: string }) => t.title === 'Oost: investeringsagenda')?.agendaItems).toBe(3);

		// Bad input comes back as a refusal, nothing stored.
		expect((await post('/tafels/nieuw', 'facilitator', { ...form, date: '2030-02-30', place: '' })).status).toBe(400);
		// Characters XML cannot hold, and text-direction overrides, are refused like in project fields.
		const refused = await post('/tafels/nieuw', 'facilitator', { ...form, title: 'Oost\uffff', place: 'Arnhem\u202e' });
		expect(refused.status).toBe(400);
		expect(refused.data).toContain('"bad-text"');
		expect((await api('/api/tafels', 'facilitator')).body.upcoming.length).toBe(all.upcoming.length);

		const created = await post('/tafels/nieuw', 'facilitator', form);
		expect(created.status).toBe(303);
		tafelId = /^\/tafels\/([a-z0-9]+)/.exec(created.location)![1];
		const byAdmin = await post('/tafels/nieuw', 'admin', { ...form, title: 'Tafel van de beheerder', organisationIds: ['min-ez'], people: '' });
		expect(byAdmin.status).toBe(303);
		const detail = await tafel();
		expect(detail.title).toBe(form.title);
		// 13:30 in the Netherlands in March is 12:30 UTC.
		expect(detail.startsAt).toBe('2030-03-12T12:30:00.000Z');
	});

	test('invitations reach the invitees’ inbox; invitees answer, others cannot', async () => {
		const inbox = async (who: string) => ((await api('/api/notifications', who)).body.items as { kind: string; subject: string; href: string }[]).filter((n) => n.kind === 'tafel-invitation');
		expect((await inbox('bram')).map((n) => n.subject)).toContain(form.title);
		expect((await inbox('dewi')).map((n) => n.href)).toContain(`/tafels/${tafelId}`);
		expect((await inbox('wout')).length).toBe(1);
		expect(await inbox('eva')).toEqual([expect.objectContaining({ subject: 'Tafel van de beheerder' })]);
		expect(await inbox('facilitator')).toEqual([]);

		// "Mijn tafels": invited ones only (Eva's organisation is not invited to this one).
		const listed = async (who: string) => ((await api('/api/tafels', who)).body.upcoming as { id: string }[]).map((t) => t.id);
		expect(await listed('bram')).toEqual([tafelId]);
		expect(await listed('eva')).not.toContain(tafelId);

		expect((await post(`/tafels/${tafelId}?/respond`, 'bram', { response: 'represented', representedBy: '' })).status).toBe(400);
		expect((await post(`/tafels/${tafelId}?/respond`, 'bram', { response: 'misschien' })).status).toBe(400);
		expect((await post(`/tafels/${tafelId}?/respond`, 'eva', { response: 'present' })).status).toBe(403);
		expect((await post(`/tafels/${tafelId}?/respond`, 'bram', { response: 'represented', representedBy: 'Anouk de Wit' })).status).toBe(200);
		expect((await post(`/tafels/${tafelId}?/respond`, 'wout', { response: 'absent' })).status).toBe(200);
		const invitations = (await tafel()).invitations as { organisationId: string; userId: string | null; response: string | null; representedBy: string | null }[];
		expect(invitations.find((i) => i.organisationId === 'prov-nb' && !i.userId)).toMatchObject({ response: 'represented', representedBy: 'Anouk de Wit' });
		expect(invitations.find((i) => i.userId)).toMatchObject({ response: 'absent' });
		expect(invitations.find((i) => i.organisationId === 'bom')?.response).toBeNull();
	});

	test('the agenda: the facilitator adds and orders, invitees propose, the facilitator accepts; others are refused', async () => {
		const add = (who: string, title: string, projects: string) => post(`/tafels/${tafelId}?/addItem`, who, { title, minutes: '20', note: '', projects });
		expect((await add('facilitator', 'Waterstofketen', `${first.code}, ${second.code}`)).status).toBe(200);
		expect((await add('facilitator', 'Opslag', third.code)).status).toBe(200);
		// A concept project of a province is not visible to the facilitator: it cannot be bound.
		expect((await add('facilitator', 'Geheim', concept.code)).status).toBe(400);
		expect((await add('facilitator', 'Onbekend', 'RIP-0000-9999')).status).toBe(400);
		expect((await add('eva', 'Niet uitgenodigd', '')).status).toBe(403);
		expect((await add('wout', 'Waarnemer', '')).status).toBe(403);
		expect((await add('dewi', 'Financiering via de ROM', '')).status).toBe(200);

		let detail = await tafel();
		expect(detail.agenda.map((i: { title: string }) => i.title)).toEqual(['Waterstofketen', 'Opslag']);
		expect(detail.agenda[0].projects.map((p: { code: string }) => p.code).sort()).toEqual([first.code, second.code].sort());
		const proposal = detail.proposals.find((p: { title: string }) => p.title === 'Financiering via de ROM');
		expect(proposal.status).toBe('proposed');
		const counted = async () => ((await api('/api/tafels', 'facilitator')).body.upcoming as { id: string; agendaItems: number }[]).find((t) => t.id === tafelId)?.agendaItems;
		// A proposal is not on the agenda until it is accepted.
		expect(await counted()).toBe(2);

		expect((await post(`/tafels/${tafelId}?/decide`, 'bram', { item: proposal.id, decision: 'accept' })).status).toBe(403);
		expect((await post(`/tafels/${tafelId}?/decide`, 'facilitator', { item: proposal.id, decision: 'accept' })).status).toBe(200);
		expect(await counted()).toBe(3);
		const [a, b, c] = (await tafel()).agenda.map((i: { id: string }) => i.id);
		expect((await post(`/tafels/${tafelId}?/move`, 'bram', { item: c, direction: 'up' })).status).toBe(403);
		expect((await post(`/tafels/${tafelId}?/move`, 'facilitator', { item: a, direction: 'up' })).status).toBe(400);
		expect((await post(`/tafels/${tafelId}?/move`, 'facilitator', { item: c, direction: 'up' })).status).toBe(200);
		expect((await tafel()).agenda.map((i: { id: string }) => i.id)).toEqual([a, c, b]);
		// A dragged order must hold the same items.
		expect((await post(`/tafels/${tafelId}?/reorder`, 'facilitator', { order: [a, b] })).status).toBe(400);
		expect((await post(`/tafels/${tafelId}?/reorder`, 'facilitator', { order: [b, a, c] })).status).toBe(200);
		detail = await tafel();
		expect(detail.agenda.map((i: { id: string }) => i.id)).toEqual([b, a, c]);
	});

	test('decisions and actions land on the projects’ timelines, in the API, the inbox and Mijn acties', async () => {
		const item = (await tafel()).agenda.find((i: { title: string }) => i.title === 'Waterstofketen');
		const decision = { agendaItemId: item.id, text: 'Beide projecten delen één elektrolyser.', projectIds: [first.id, second.id] };
		expect((await post(`/tafels/${tafelId}?/decision`, 'bram', decision)).status).toBe(403);
		expect((await post(`/tafels/${tafelId}?/decision`, 'facilitator', { ...decision, projectIds: [third.id] })).status).toBe(400);
		expect((await post(`/tafels/${tafelId}?/decision`, 'facilitator', decision)).status).toBe(200);
		const action = { agendaItemId: item.id, text: 'Netcapaciteit navragen bij de netbeheerder.', ownerOrganisationId: 'prov-nb', ownerUserId: '', dueDate: '2030-04-01', projectIds: [first.id] };
		expect((await post(`/tafels/${tafelId}?/action`, 'dewi', action)).status).toBe(403);
		expect((await post(`/tafels/${tafelId}?/action`, 'facilitator', { ...action, dueDate: '2030-13-01' })).status).toBe(400);
		expect((await post(`/tafels/${tafelId}?/action`, 'facilitator', { ...action, ownerUserId: await userIdOf('lid.ezk@demo.tafel') })).status).toBe(400);
		expect((await post(`/tafels/${tafelId}?/action`, 'facilitator', action)).status).toBe(200);

		const apiItem = (await tafel('eva')).agenda.find((i: { id: string }) => i.id === item.id);
		expect(apiItem.decisions.map((d: { text: string }) => d.text)).toEqual([decision.text]);
		expect(apiItem.actions).toEqual([expect.objectContaining({ text: action.text, ownerOrganisationId: 'prov-nb', status: 'open', dueDate: '2030-04-01', projectIds: [first.id] })]);

		const onFirst = await timeline(first.id, 'eva');
		expect(onFirst).toContain('Besluit aan een brede tafel');
		expect(onFirst).toContain(decision.text);
		expect(onFirst).toContain('Actie voor Provincie Noord-Brabant afgesproken');
		expect(await timeline(second.id)).not.toContain(action.text);

		const bramInbox = (await api('/api/notifications', 'bram')).body.items as { kind: string; subject: string; excerpt: string }[];
		expect(bramInbox.find((n) => n.kind === 'tafel-action')).toMatchObject({ subject: 'Provincie Noord-Brabant', excerpt: action.text });
		expect(((await api('/api/notifications', 'eva')).body.items as { kind: string }[]).some((n) => n.kind === 'tafel-action')).toBe(false);

		expect(await page('/acties', 'bram')).toContain(action.text);
		expect(await page('/acties', 'eva')).not.toContain(action.text);
		const actionId = (await tafel()).agenda.find((i: { id: string }) => i.id === item.id).actions[0].id;
		expect((await post('/acties?/actionStatus', 'eva', { actionId, status: 'done' })).status).toBe(403);
		expect((await post('/acties?/actionStatus', 'bram', { actionId, status: 'done' })).status).toBe(200);
		expect((await tafel()).agenda.find((i: { id: string }) => i.id === item.id).actions[0].status).toBe('done');
		const after = await timeline(first.id);
		expect(after).toContain('Actie voor Provincie Noord-Brabant afgerond');
		expect(after).toMatch(/Actie voor Provincie Noord-Brabant afgerond.*Bram van Dijk/);
	});

	test('notes: facilitator and invited member write, invited participant comments, others read; a tafel nobody created is refused', async () => {
		const DOC = documentName.tafelNotes(tafelId);
		const open = (who: string) => {
			const c = connect(server.url, cookies[who], DOC);
			clients.push(c);
			return c;
		};
		const [frank, bram, dewi, eva, wout] = ['facilitator', 'bram', 'dewi', 'eva', 'wout'].map(open);
		await until(() => [frank, bram, dewi, eva, wout].every((c) => c.provider.synced && c.access() !== null), 'all synced and told their access');
		expect([frank, bram, dewi, eva, wout].map((c) => c.access())).toEqual(['read-write', 'read-write', 'comment', 'read-only', 'read-only']);

		bram.doc.transact(() => appendParagraph(bram.doc, 'Afspraak: elektrolyser delen.'));
		await until(() => allPersisted(bram), 'member’s paragraph stored');
		await until(() => plainText(richTextDoc(bodyOf(eva.doc, 'tafel-notes'))).includes('elektrolyser delen'), 'a reader sees it');
		// The participant's and the uninvited member's writes go nowhere.
		dewi.doc.transact(() => appendParagraph(dewi.doc, 'Door de deelnemer geschreven.'));
		eva.doc.transact(() => appendParagraph(eva.doc, 'Door een niet-genodigde geschreven.'));
		frank.doc.transact(() => appendParagraph(frank.doc, 'Slot van de facilitator.'));
		await until(() => allPersisted(frank) && plainText(richTextDoc(bodyOf(bram.doc, 'tafel-notes'))).includes('Slot van de facilitator'), 'facilitator’s paragraph arrives');
		const seen = plainText(richTextDoc(bodyOf(bram.doc, 'tafel-notes')));
		expect(seen).not.toContain('deelnemer geschreven');
		expect(seen).not.toContain('niet-genodigde');

		// Comment threads on the notes follow the same rights.
		const thread = (who: string) => fetch(`${server.url}/api/threads`, { method: 'POST', headers: { origin: server.url, cookie: cookies[who], 'content-type': 'application/json' }, body: JSON.stringify({ documentName: DOC, body: 'Klopt dit bedrag?', visibility: 'platform' }) });
		expect((await thread('dewi')).status).toBe(201);
		expect((await thread('eva')).status).toBe(403);

		expect((await rawSocket(server.url, cookies.bram, documentName.tafelNotes('bestaatniet'))).status).toBe(403);
	});
});
