import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { startServer, type TestServer } from '../support/server.ts';
import { loginCookie } from '../support/http.ts';
import { PG_URL } from '../support/postgres.ts';
import { allPersisted, connect, until } from '../support/collab-client.ts';
import { readPdf } from '../support/pdf-text.ts';
import { bodyOf, documentName } from '../../src/lib/collab/documents.ts';
import { insertProjects, testProject as row, withDatabase } from '../support/with-database.ts';
import type { NewProject } from '../../src/lib/server/services/projects.ts';

const databases = ['pglite', ...(PG_URL ? ['postgres' as const] : [])] as const;

const TITLE = 'Coöperatie Zeeuwse café’s: één warmtenet voor Súdwest-Fryslân';
// What validation lets through into a title; the description (a Y.Doc) holds anything.
const HOSTILE_TITLE = '🚀 <script>alert(1)</script> 中文 עברית ﷺ e\u0301 Ω';
const HOSTILE_TEXT = `NUL\u0000 RTL\u202Eoverride\u202C lone\uD800surrogate 👨‍👩‍👧 ${'x'.repeat(1_000_000)}`;

/** Appends blocks to a project's description through a real collab client, as an editor would. */
async function appendToDescription(url: string, cookie: string, id: string, blocks: () => Y.XmlElement[]): Promise<void> {
	const client = connect(url, cookie, documentName.project(id));
	try {
		await until(() => client.provider.synced, 'synced');
		const body = bodyOf(client.doc, 'project');
		body.insert(body.length, blocks());
		await until(() => allPersisted(client), 'edit persisted');
	} finally {
		client.destroy();
	}
}

function block(name: string, children: (Y.XmlElement | Y.XmlText)[], attributes: Record<string, number> = {}): Y.XmlElement {
	const element = new Y.XmlElement(name);
	for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value as never);
	element.insert(0, children);
	return element;
}

const ROWS: NewProject[] = [
	row('PDF-A', 'prov-nb', 'platform', { title: TITLE, status: 'verkenning', totalBudget: 1_250_000, requestedAmount: 400_000, partners: ['Gemeente Súdwest-Fryslân'], provinces: ['NL-ZE'] }, ['De eerste alinea van de beschrijving.']),
	row('PDF-H', 'prov-nb', 'platform', { title: HOSTILE_TITLE, summary: '👍🏽 ‘quotes’ \u00a0 ', contactName: 'Zoë 🙂' }, ['Eerst een gewone alinea.']),
	row('PDF-C', 'prov-nb', 'concept', { title: 'Geheim concept van Brabant' })
];

describe.each(databases)('project export as PDF on %s', (database) => {
	let first: TestServer;
	let server: TestServer;
	let eva: string; // min-ez member
	let bram: string; // prov-nb member: owns the concept
	const get = (path: string, cookie?: string) => fetch(`${server.url}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
	const pdfOf = async (id: string, cookie = eva) => {
		const response = await get(`/projecten/${id}/export?formaat=pdf`, cookie);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
		return { response, bytes, read: await readPdf(bytes) };
	};

	beforeAll(async () => {
		first = await startServer({ database });
		// Test rows go in through the app's own insertProject, before the server serves them.
		server = await withDatabase(first, (db) => insertProjects(db, ROWS));
		[eva, bram] = await Promise.all([loginCookie(server.url, 'lid.ezk@demo.tafel'), loginCookie(server.url, 'lid.brabant@demo.tafel')]);
	});
	afterAll(async () => {
		await server?.dispose();
		await first?.dispose();
	});

	test('a member gets an A4 PDF with the accented title, Dutch money and the description', async () => {
		const { response, read } = await pdfOf('t-pdf-a');
		expect(response.headers.get('content-disposition')).toBe('attachment; filename="TEST-PDF-A.pdf"');
		const text = read.text.join(' ');
		expect(read.title).toBe(`TEST-PDF-A · ${TITLE}`);
		expect(text).toContain(TITLE);
		expect(text).toContain('€ 1.250.000');
		expect(text).toContain('Gemeente Súdwest-Fryslân');
		expect(text).toContain('Verkenning');
		expect(text).toContain('De eerste alinea van de beschrijving.');
		expect(text).toContain(`Pagina 1 van ${read.pages}`);
	});

	test('shows headings and lists as they were saved from the editor a moment ago', async () => {
		await appendToDescription(server.url, eva, 't-pdf-a', () => [
			block('heading', [new Y.XmlText('Aanpak in fasen')], { level: 2 }),
			block('orderedList', [block('listItem', [block('paragraph', [new Y.XmlText('Fase één: haalbaarheid')])])])
		]);
		const text = (await pdfOf('t-pdf-a')).read.text.join(' ');
		expect(text).toMatch(/De eerste alinea van de beschrijving\. Aanpak in fasen 1\. ?Fase één: haalbaarheid/);
	});

	test('hostile text (emoji, scripts without glyphs, NUL, RTL override, lone surrogate, 1 MB) still gives a PDF', async () => {
		await appendToDescription(server.url, eva, 't-pdf-h', () => [block('paragraph', [new Y.XmlText(HOSTILE_TEXT)])]);
		const { read } = await pdfOf('t-pdf-h');
		const text = read.text.join(' ');
		expect(text).toContain('<script>alert(1)</script>');
		expect(text).toContain('\uFFFD');
		expect(text).toContain('Zoë');
		expect(text).toContain('NUL RTLoverride');
		expect(text).toContain('de volledige tekst staat in Tafel');
		// eslint-disable-next-line no-control-regex -- the test asserts a NUL is gone
		expect(text).not.toMatch(/[\u0000\u202E]/);
		expect(server.output()).not.toMatch(/"level":(50|60)/);
	});

	test('a seeded demo project in execution: its timeline starts with the status it was created with and walks to Uitvoering', async () => {
		const list = (await (await get('/api/projects?status=uitvoering&per_pagina=3', eva)).json()) as { projects: { id: string }[] };
		expect(list.projects.length).toBeGreaterThan(0);
		for (const { id } of list.projects) {
			const markdown = await (await get(`/projecten/${id}/export?formaat=md`, eva)).text();
			// Newest first in the export; read it oldest first.
			const lines = markdown.split('## Tijdlijn')[1].split('\n').filter((l) => l.startsWith('- ')).map((l) => l.replace(/\\(.)/g, '$1')).reverse();
			const created = /Project aangemaakt \(status ([^)]+)\)/.exec(lines[0])?.[1];
			expect(created, lines[0]).toBeTruthy();
			let status = created;
			for (const line of lines.slice(1).filter((l) => l.includes('Status gewijzigd'))) {
				const [, from, to] = /Status gewijzigd van (.+?) naar (.+?)(?: \(| ·|$)/.exec(line)!;
				expect(from, `${id}: ${line}`).toBe(status);
				status = to;
			}
			expect(status).toBe('Uitvoering');
			expect(created).not.toBe('Uitvoering');
		}
	});

	test('a concept of another organisation is 404 as PDF, as it is as Markdown; its owner gets it', async () => {
		expect((await get('/projecten/t-pdf-c/export?formaat=pdf', eva)).status).toBe(404);
		expect((await get('/projecten/t-pdf-c/export?formaat=md', eva)).status).toBe(404);
		expect((await get('/projecten/bestaat-niet/export?formaat=pdf', eva)).status).toBe(404);
		expect((await pdfOf('t-pdf-c', bram)).read.text.join(' ')).toContain('Geheim concept van Brabant');
	});

	test('without a session the export sends to the login page; an unknown format is 400', async () => {
		const response = await get('/projecten/t-pdf-a/export?formaat=pdf');
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(`/login?terug=${encodeURIComponent('/projecten/t-pdf-a/export?formaat=pdf')}`);
		expect((await get('/projecten/t-pdf-a/export?formaat=docx', eva)).status).toBe(400);
	});
});
