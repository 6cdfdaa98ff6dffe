/**
 * Closing a brede tafel and its minutes on the real server: only facilitators and admins
 * close and finalise (crafted posts of others refused); closing takes milestone versions
 * of the notes and of every bound project; the minutes hold attendees, decisions and
 * actions and download as Markdown, PDF and DOCX; the public (Woo) variant holds no
 * comment thread, no person's name and no e-mail address; the next tafel of the series
 * is offered the open action and an open thread on a bound project as agenda candidates.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { startServer, type TestServer } from '../support/server.ts';
import { loginCookie } from '../support/http.ts';
import { PG_URL } from '../support/postgres.ts';
import { allPersisted, connect, until, type TestClient } from '../support/collab-client.ts';
import { scratchProject } from '../support/scratch-docs.ts';
import { readPdf } from '../support/pdf-text.ts';
import { DEMO_ACCOUNTS } from '../../src/lib/server/seed/demo-accounts.ts';
import { bodyOf, documentName } from '../../src/lib/collab/documents.ts';

const databases = ['pglite', ...(PG_URL ? ['postgres' as const] : [])] as const;
const [first, second, third] = [scratchProject(80), scratchProject(81), scratchProject(82)];
const SERIES = `Minuten-${Date.now().toString(36)}`;

describe.each(databases)('minutes of a brede tafel on %s', (database) => {
	let server: TestServer;
	const cookies: Record<string, string> = {};
	const clients: TestClient[] = [];
	const ids = { previous: '', current: '' };

	const post = async (path: string, who: string, fields: Record<string, string | string[]>) => {
		const body = new URLSearchParams();
		for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
		const response = await fetch(`${server.url}${path}`, { method: 'POST', headers: { origin: server.url, cookie: cookies[who], accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded', 'x-sveltekit-action': 'true' }, body, redirect: 'manual' });
		if (response.status !== 200) return { status: response.status, location: '' };
		const result = (await response.json()) as { type: string; status?: number; location?: string };
		return { status: result.type === 'redirect' ? 303 : result.type === 'failure' ? (result.status ?? 400) : 200, location: result.location ?? '' };
	};
	const api = async (path: string, who = 'facilitator') => (await fetch(`${server.url}${path}`, { headers: { cookie: cookies[who] } })).json();
	const page = async (path: string, who = 'facilitator') => (await fetch(`${server.url}${path}`, { headers: { cookie: cookies[who], accept: 'text/html' } })).text();
	const download = async (id: string, format: string, pub: boolean, who = 'facilitator') => {
		const response = await fetch(`${server.url}/tafels/${id}/verslag/export?formaat=${format}${pub ? '&openbaar=1' : ''}`, { headers: { cookie: cookies[who] } });
		expect(response.status).toBe(200);
		return new Uint8Array(await response.arrayBuffer());
	};
	/** The text a reader of each format sees: Markdown as is, the PDF through pdf.js, the DOCX's document.xml without its tags. */
	const texts = async (id: string, pub: boolean) => {
		const md = new TextDecoder().decode(await download(id, 'md', pub));
		const pdf = (await readPdf(await download(id, 'pdf', pub))).text.join(' ');
		const zip = await JSZip.loadAsync(await download(id, 'docx', pub));
		const xml = await zip.file('word/document.xml')!.async('string');
		// Word refuses a document.xml that is not well-formed XML; the parser throws on the first fault.
		new SaxesParser().write(xml).close();
		const docx = xml.replace(/<w:p[ >]/g, '\n$&').replace(/<[^>]+>/g, '');
		// Hyperlinks live outside document.xml, in its relationships.
		const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
		return { md, pdf, docx, rels };
	};
	const create = async (title: string, date: string) => {
		const created = await post('/tafels/nieuw', 'facilitator', { title, date, time: '10:00', durationMinutes: '120', place: 'Arnhem', onlineLink: '', description: '', themeId: 'energie-klimaat', series: SERIES, organisationIds: ['prov-nb', 'bom'], people: '' });
		expect(created.status).toBe(303);
		return /^\/tafels\/([a-z0-9]+)/.exec(created.location)![1];
	};
	const agenda = async (id: string) => (await api(`/api/tafels/${id}`)).agenda as { id: string; title: string; projects: { id: string }[] }[];

	beforeAll(async () => {
		server = await startServer({ database });
		const accounts = { admin: 'beheerder', facilitator: 'facilitator', bram: 'lid.brabant', eva: 'lid.ezk', dewi: 'deelnemer' };
		await Promise.all(Object.entries(accounts).map(async ([who, local]) => (cookies[who] = await loginCookie(server.url, `${local}@demo.tafel`))));
	});
	afterAll(async () => {
		for (const c of clients) c.destroy();
		await server?.dispose();
	});

	test('the previous tafel: a decision, an open and a done action, notes with a name and an address; others cannot close it', async () => {
		ids.previous = await create('Oost januari', '2030-01-10');
		expect((await post(`/tafels/${ids.previous}?/addItem`, 'facilitator', { title: 'Warmtenet', minutes: '30', note: 'Stand van zaken', projects: `${first.code}, ${second.code}` })).status).toBe(200);
		expect((await post(`/tafels/${ids.previous}?/addItem`, 'facilitator', { title: 'Opslag', minutes: '15', note: '', projects: third.code })).status).toBe(200);
		const [warmte] = await agenda(ids.previous);
		const bramId = await userId('lid.brabant@demo.tafel');
		expect((await post(`/tafels/${ids.previous}?/decision`, 'facilitator', { agendaItemId: warmte.id, text: 'Het warmtenet wordt gefaseerd aangelegd.', projectIds: [first.id] })).status).toBe(200);
		expect((await post(`/tafels/${ids.previous}?/action`, 'facilitator', { agendaItemId: warmte.id, text: 'Subsidieloket bellen over fase twee.', ownerOrganisationId: 'prov-nb', ownerUserId: bramId, dueDate: '2030-02-01', projectIds: [first.id] })).status).toBe(200);
		expect((await post(`/tafels/${ids.previous}?/action`, 'facilitator', { agendaItemId: warmte.id, text: 'Tracé delen met de gemeente.', ownerOrganisationId: 'bom', ownerUserId: '', dueDate: '', projectIds: [] })).status).toBe(200);
		const done = (await api(`/api/tafels/${ids.previous}`)).agenda[0].actions.find((a: { text: string }) => a.text.startsWith('Tracé'));
		expect((await post('/acties?/actionStatus', 'dewi', { actionId: done.id, status: 'done' })).status).toBe(200);
		const present = await Promise.all(['lid.brabant@demo.tafel', 'deelnemer@demo.tafel'].map(userId));
		expect((await post(`/tafels/${ids.previous}?/attendance`, 'facilitator', { present })).status).toBe(200);

		// The notes, written through the websocket like at the table.
		const frank = connect(server.url, cookies.facilitator, documentName.tafelNotes(ids.previous));
		clients.push(frank);
		await until(() => frank.provider.synced, 'notes synced');
		frank.doc.transact(() => {
			const p = new Y.XmlElement('paragraph');
			p.insert(0, [new Y.XmlText('Bram van Dijk (lid.brabant@demo.tafel) licht het warmtenet toe.')]);
			// Typed or pasted through a crafted client: characters XML 1.0 does not allow.
			const odd = new Y.XmlElement('paragraph');
			odd.insert(0, [new Y.XmlText('Kosten\uffff\u0001 volgen later.')]);
			bodyOf(frank.doc, 'tafel-notes').insert(0, [p, odd]);
			// Ways a name or an address hides from a redaction that looks at one run at a time, or at the stored spelling.
			const tricky = [new Y.XmlText(), new Y.XmlText(), new Y.XmlText(), new Y.XmlText('Gebeld met Bram\u00a0van Dijk en Bram  van Dijk.')].map((t) => {
				const el = new Y.XmlElement('paragraph');
				el.insert(0, [t]);
				return el;
			});
			bodyOf(frank.doc, 'tafel-notes').insert(2, tricky);
			const [halfBold, italicDomain, mailto] = tricky.map((el) => el.get(0) as Y.XmlText);
			halfBold.insert(0, 'Bram', { bold: {} });
			halfBold.insert(4, ' van Dijk opent.', { bold: null });
			italicDomain.insert(0, 'Schrijf naar bram.vandijk@');
			italicDomain.insert(italicDomain.length, 'brabant.nl', { italic: {} });
			mailto.insert(0, 'Of mail ');
			mailto.insert(mailto.length, 'de provincie', { link: { href: 'mailto:bram.vandijk%40brabant.nl' } });
		});
		await until(() => allPersisted(frank), 'notes stored');

		for (const who of ['bram', 'dewi', 'eva']) expect((await post(`/tafels/${ids.previous}?/close`, who, {})).status).toBe(403);
		expect((await api(`/api/tafels/${ids.previous}`)).status).toBe('planned');
		expect((await fetch(`${server.url}/tafels/${ids.previous}/verslag`, { headers: { cookie: cookies.facilitator } })).status).toBe(404);
	});

	const userId = async (email: string) => {
		const html = await page('/beheer/gebruikers', 'admin');
		return /name="userId" value="([^"]+)"/.exec(html.split(`data-user="${email}"`)[1] ?? '')![1];
	};

	test('the facilitator closes: draft minutes with attendees, agenda, decisions and actions, in three formats', async () => {
		const closed = await post(`/tafels/${ids.previous}?/close`, 'facilitator', {});
		expect(closed).toEqual({ status: 303, location: `/tafels/${ids.previous}/verslag?gesloten` });
		expect((await post(`/tafels/${ids.previous}?/close`, 'admin', {})).status).toBe(400);
		expect((await api(`/api/tafels/${ids.previous}`)).status).toBe('closed');

		const html = await page(`/tafels/${ids.previous}/verslag`, 'eva');
		expect(html).toContain('Het warmtenet wordt gefaseerd aangelegd.');
		expect(html).toContain('licht het warmtenet toe');
		expect(html).toContain(`/projecten/${first.id}/versies/`);

		const internal = await texts(ids.previous, false);
		expect(internal.docx).toContain('Kosten volgen later.');
		expect(internal.rels).toContain('mailto:bram.vandijk%40brabant.nl');
		expect(internal.md).toContain('**Bram** van Dijk opent.');
		for (const text of [internal.md, internal.pdf, internal.docx]) {
			expect(text).toContain('Provincie Noord-Brabant');
			expect(text).toContain('Bram van Dijk');
			expect(text).toContain('Het warmtenet wordt gefaseerd aangelegd.');
			expect(text).toContain('Subsidieloket bellen over fase twee.');
			expect(text).toMatch(/Tracé delen met de gemeente\.\s*—\s*BOM[^,]*,\s*afgerond/);
			expect(text).toContain('Concept');
		}
	});

	test('participants comment on the draft; the public variant has no thread, no name, no e-mail address', async () => {
		const DOC = documentName.tafelNotes(ids.previous);
		const thread = (who: string, body: string, visibility = 'platform') =>
			fetch(`${server.url}/api/threads`, { method: 'POST', headers: { origin: server.url, cookie: cookies[who], 'content-type': 'application/json' }, body: JSON.stringify({ documentName: DOC, body, visibility }) });
		expect((await thread('dewi', 'Graag fase twee preciezer beschrijven.')).status).toBe(201);
		expect((await thread('bram', 'Intern: eerst met gedeputeerde afstemmen.', 'internal')).status).toBe(201);
		expect((await thread('eva', 'Niet uitgenodigd.')).status).toBe(403);

		const internal = await texts(ids.previous, false);
		expect(internal.md).toContain('Graag fase twee preciezer beschrijven.');
		// Bram's internal thread stays inside his organisation, in the downloads too.
		expect(internal.md).not.toContain('gedeputeerde');
		expect((await texts(ids.previous, false)).md).toContain('Dewi Jansen');

		const pub = await texts(ids.previous, true);
		expect(pub.rels).not.toContain('mailto');
		expect(pub.md).toContain('**\\[naam\\]** opent.');
		expect(pub.md).toContain('Of mail de provincie');
		for (const text of [pub.md, pub.pdf, pub.docx]) {
			expect(text).toContain('Het warmtenet wordt gefaseerd aangelegd.');
			expect(text).not.toMatch(/bram|vandijk|van\s+dijk|brabant\.nl/i);
			expect(text).toContain('Provincie Noord-Brabant');
			expect(text).toContain('licht het warmtenet toe');
			expect(text).not.toContain('Graag fase twee');
			expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
			for (const account of DEMO_ACCOUNTS) {
				expect(text).not.toContain(account.name);
				expect(text).not.toContain(account.name.split(' ')[0]);
			}
		}
	});

	test('only facilitators and admins finalise, once; then nobody comments', async () => {
		for (const who of ['bram', 'dewi', 'eva']) expect((await post(`/tafels/${ids.previous}/verslag?/finalise`, who, {})).status).toBe(403);
		expect((await post(`/tafels/${ids.previous}/verslag?/finalise`, 'admin', {})).status).toBe(200);
		expect((await post(`/tafels/${ids.previous}/verslag?/finalise`, 'facilitator', {})).status).toBe(400);
		const { md } = await texts(ids.previous, false);
		expect(md).toMatch(/Vastgesteld op \d+ \w+ \d{4}/);
		const late = await fetch(`${server.url}/api/threads`, { method: 'POST', headers: { origin: server.url, cookie: cookies.dewi, 'content-type': 'application/json' }, body: JSON.stringify({ documentName: documentName.tafelNotes(ids.previous), body: 'Te laat.', visibility: 'platform' }) });
		expect(late.status).toBe(403);
	});

	test('the next tafel of the series is offered the open action and an open thread on a bound project; the done action is not offered', async () => {
		ids.current = await create('Oost maart', '2030-03-12');
		expect((await post(`/tafels/${ids.current}?/addItem`, 'facilitator', { title: 'Warmtenet vervolg', minutes: '30', note: '', projects: second.code })).status).toBe(200);
		const projectThread = (who: string, body: string, visibility: string) =>
			fetch(`${server.url}/api/threads`, { method: 'POST', headers: { origin: server.url, cookie: cookies[who], 'content-type': 'application/json' }, body: JSON.stringify({ documentName: documentName.project(second.id), body, visibility }) });
		expect((await projectThread('bram', 'Wie betaalt de aansluiting?', 'platform')).status).toBe(201);
		expect((await projectThread('bram', 'Alleen voor de provincie.', 'internal')).status).toBe(201);
		expect((await projectThread('facilitator', 'Intern IPO: niet delen.', 'internal')).status).toBe(201);

		const html = await page(`/tafels/${ids.current}`);
		expect(html).toContain('Actie: Subsidieloket bellen over fase twee.');
		expect(html).not.toContain('Actie: Tracé delen');
		expect(html).toContain(`Open discussie bij ${second.code}`);
		expect(html).toContain('Wie betaalt de aansluiting?');
		// An internal thread of another organisation is not the facilitator's to see.
		expect(html).not.toContain('Alleen voor de provincie.');
		// Nor does the facilitator's own organisation's internal thread become agenda text every invitee reads.
		expect(html).not.toContain('Intern IPO: niet delen.');
		// What changed in a bound project since the previous tafel: its milestone version of that closing, compared with now.
		expect(html).toMatch(new RegExp(`href="/projecten/${second.id}/versies/[a-z0-9]+\\?vergelijk=nu"`));
		expect(html).toContain('Wat is er veranderd sinds');
		// Candidates are for those who prepare the tafel.
		expect(await page(`/tafels/${ids.current}`, 'bram')).not.toContain('Actie: Subsidieloket');

		// One click: the candidate becomes an agenda item bound to the action's project, and is no longer offered.
		expect((await post(`/tafels/${ids.current}?/addItem`, 'facilitator', { title: 'Actie: Subsidieloket bellen over fase twee.', minutes: '', note: 'Open actie', projects: first.code })).status).toBe(200);
		expect((await agenda(ids.current)).map((i) => i.title)).toContain('Actie: Subsidieloket bellen over fase twee.');
		const offered = (await page(`/tafels/${ids.current}`)).split('id="candidates-title"')[1].split('</section>')[0];
		expect(offered).not.toContain('Actie: Subsidieloket');
		expect(offered).toContain(`Open discussie bij ${second.code}`);
	});

	test('the demo: two past tafels of the series with final minutes, an upcoming one offered their open actions', async () => {
		const all = await api('/api/tafels');
		const byTitle = (title: string) => [...all.upcoming, ...all.past].find((t: { title: string }) => t.title === title);
		const [june, last, next] = ['Oost: warmte en waterstof', 'Oost: opschalen', 'Oost: investeringsagenda'].map(byTitle);
		expect([june.status, last.status, next.status]).toEqual(['closed', 'closed', 'planned']);
		const minutes = await page(`/tafels/${last.id}/verslag`, 'eva');
		expect(minutes).toContain('Vastgesteld op');
		expect(minutes).toContain('De warmteprojecten gaan samen verder als één programma.');
		expect(minutes).not.toContain('Verslag vaststellen');
		const offered = (await page(`/tafels/${next.id}`)).split('id="candidates-title"')[1].split('</section>')[0];
		expect(offered).toContain('Actie: Programmaplan opstellen voor beide warmteprojecten.');
		expect(offered).not.toContain('Gezamenlijke haalbaarheidsstudie');
		expect((await api(`/api/tafels/${next.id}`)).agenda.length).toBe(3);
	});

	test('closing took milestone versions of the notes and of every bound project, under one label', async () => {
		const expected = [documentName.tafelNotes(ids.previous), ...[first, second, third].map((p) => documentName.project(p.id))].sort();
		let rows: { doc_name: string; name: string; milestone_id: string }[];
		const query = `select doc_name, name, milestone_id from doc_versions where kind = 'milestone' and name like 'Na brede tafel Oost januari%' order by doc_name`;
		if (database === 'postgres') {
			const sql = postgres(server.databaseUrl!, { max: 1, onnotice: () => {} });
			rows = (await sql.unsafe(query)) as unknown as typeof rows;
			await sql.end();
		} else {
			for (const c of clients) c.destroy();
			await server.stop();
			const pg = new PGlite(server.dataDir);
			rows = (await pg.query<(typeof rows)[number]>(query)).rows;
			await pg.close();
		}
		expect(rows.map((r) => r.doc_name).sort()).toEqual(expected);
		expect(new Set(rows.map((r) => r.milestone_id)).size).toBe(1);
		expect(rows[0].name).toBe('Na brede tafel Oost januari, 10 januari 2030');
	});
});
