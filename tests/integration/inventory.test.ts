import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { startServer, type TestServer } from '../support/server.ts';
import { loginCookie } from '../support/http.ts';
import { PG_URL } from '../support/postgres.ts';
import { insertProjects, testProject as row, withDatabase } from '../support/with-database.ts';
import type { NewProject } from '../../src/lib/server/services/projects.ts';

const databases = ['pglite', ...(PG_URL ? ['postgres' as const] : [])] as const;

// Budgets no demo project has: a budget range filter isolates the rows of this file.
const B = 9_900_000_000;
const MINE = `budget_min=${B}&budget_max=${B + 999}`;

const ROWS: NewProject[] = [
	row('A', 'prov-nb', 'platform', { title: 'Testrij Alfa', provinces: ['NL-NB'], themeId: 'energie-klimaat', status: 'idee', totalBudget: B + 100, requestedAmount: 50, partners: ['Kwelderbouw Zeldzaam B.V.'] }, [
		'Dit waterstofproject verbindt de haven met de kassen.'
	]),
	row('B', 'prov-ut', 'platform', { title: 'Testrij Bravo', provinces: ['NL-UT', 'NL-NB'], themeId: 'lwv', status: 'uitvoering', totalBudget: B + 300, requestedAmount: 100 }),
	row('C', 'min-ez', 'platform', { title: 'Testrij Charlie', summary: '=1+1 formule', provinces: ['NL-UT'], themeId: 'lwv', status: 'idee', totalBudget: B + 200 }),
	row('D', 'prov-nb', 'concept', { title: 'Testrij Delta concept', provinces: ['NL-NB'], themeId: 'energie-klimaat', status: 'idee', totalBudget: B + 400 }, ['Geheimwoordxyz staat alleen hier.'])
];

interface ApiList { total: number; pages: number; totals: { totalBudget: number; requestedAmount: number }; groups?: { key: string; count: number; totalBudget: number }[]; projects: { id: string; code: string; title: string }[] }

describe.each(databases)('inventory on %s', (database) => {
	let first: TestServer;
	let server: TestServer;
	let eva: string; // min-ez member
	let bram: string; // prov-nb member: owns the concept
	const get = (path: string, cookie?: string) => fetch(`${server.url}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
	const list = async (params: string, cookie = eva): Promise<ApiList> => {
		const response = await get(`/api/projects?${params}`, cookie);
		expect(response.status).toBe(200);
		return (await response.json()) as ApiList;
	};
	const codes = (l: ApiList) => l.projects.map((p) => p.code).sort();

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

	test('filters by province, theme, status, budget range and owner; concepts of others never appear', async () => {
		expect(codes(await list(MINE))).toEqual(['TEST-A', 'TEST-B', 'TEST-C']);
		expect(codes(await list(MINE, bram))).toEqual(['TEST-A', 'TEST-B', 'TEST-C', 'TEST-D']);
		expect(codes(await list(`${MINE}&provincie=NL-UT`))).toEqual(['TEST-B', 'TEST-C']);
		expect(codes(await list(`${MINE}&thema=energie-klimaat`))).toEqual(['TEST-A']);
		expect(codes(await list(`${MINE}&status=uitvoering&status=idee`))).toEqual(['TEST-A', 'TEST-B', 'TEST-C']);
		expect(codes(await list(`${MINE}&status=uitvoering`))).toEqual(['TEST-B']);
		expect(codes(await list(`${MINE}&organisatie=min-ez`))).toEqual(['TEST-C']);
		expect(codes(await list(`budget_min=${B + 150}&budget_max=${B + 350}`))).toEqual(['TEST-B', 'TEST-C']);
		const all = await list('per_pagina=200');
		expect(all.projects.some((p) => p.code === 'TEST-D')).toBe(false);
	});

	test('Dutch full-text search matches stemmed words in the description and partner names', async () => {
		expect(codes(await list(`${MINE}&zoek=waterstofprojecten`))).toEqual(['TEST-A']);
		expect(codes(await list(`${MINE}&zoek=kwelderbouw`))).toEqual(['TEST-A']);
		expect((await list('zoek=geheimwoordxyz')).total).toBe(0);
		expect(codes(await list('zoek=geheimwoordxyz', bram))).toEqual(['TEST-D']);
		const html = await (await get('/projecten?zoek=waterstofprojecten&per_pagina=200', eva)).text();
		expect(html).toContain('Testrij Alfa');
	});

	test('pages carry the totals of the whole filtered set; sorting by budget and title', async () => {
		const page1 = await list('per_pagina=25');
		const page2 = await list('per_pagina=25&pagina=2');
		expect(page1.total).toBeGreaterThan(50);
		expect(page2.total).toBe(page1.total);
		expect(page1.pages).toBe(Math.ceil(page1.total / 25));
		expect(page1.projects).toHaveLength(25);
		expect(page2.projects.some((p) => page1.projects.some((q) => q.id === p.id))).toBe(false);
		const mine = await list(MINE);
		expect(mine.totals).toEqual({ totalBudget: 3 * B + 600, requestedAmount: 150 });
		expect((await list(`${MINE}&sorteer=totalBudget&richting=desc`)).projects.map((p) => p.code)).toEqual(['TEST-B', 'TEST-C', 'TEST-A']);
		expect((await list(`${MINE}&sorteer=title&richting=asc`)).projects.map((p) => p.code)).toEqual(['TEST-A', 'TEST-B', 'TEST-C']);
		expect((await list(`${MINE}&sorteer=title&richting=desc`)).projects.map((p) => p.code)).toEqual(['TEST-C', 'TEST-B', 'TEST-A']);
	});

	test('grouping gives counts and budget totals per province and status', async () => {
		const byProvince = new Map((await list(`${MINE}&groepeer=province`)).groups!.map((g) => [g.key, g]));
		expect(byProvince.get('NL-UT')).toMatchObject({ count: 2, totalBudget: 2 * B + 500 });
		expect(byProvince.get('NL-NB')).toMatchObject({ count: 2, totalBudget: 2 * B + 400 });
		const byStatus = new Map((await list(`${MINE}&groepeer=status`)).groups!.map((g) => [g.key, g.count]));
		expect(Object.fromEntries(byStatus)).toEqual({ idee: 2, uitvoering: 1 });
		const html = await (await get(`/projecten?${MINE}&groepeer=theme`, eva)).text();
		expect(html).toContain('Overzicht per thema');
	});

	test('one project by id: with description; others’ concepts and unknown ids are 404; no session is 401', async () => {
		const response = await get('/api/projects/t-a', eva);
		expect(response.status).toBe(200);
		const project = (await response.json()) as { code: string; description: string; owner: { id: string }; links: unknown[] };
		expect(project).toMatchObject({ code: 'TEST-A', owner: { id: 'prov-nb' } });
		expect(project.description).toContain('waterstofproject');
		expect(Array.isArray(project.links)).toBe(true);
		expect((await get('/api/projects/t-d', eva)).status).toBe(404);
		expect((await get('/api/projects/t-d', bram)).status).toBe(200);
		expect((await get('/api/projects/bestaat-niet', eva)).status).toBe(404);
		expect((await get('/api/projects')).status).toBe(401);
		expect((await get('/api/projects/t-a')).status).toBe(401);
	});

	test('CSV export: BOM, ";" separator, Dutch headers, only visible rows, formulas neutralised', async () => {
		const response = await get(`/projecten/export?formaat=csv&${MINE}`, eva);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-disposition')).toMatch(/tafel-projecten-\d{4}-\d{2}-\d{2}\.csv/);
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder().decode(bytes);
		const records = parse(text, { delimiter: ';' }) as string[][];
		expect(records[0].slice(0, 2)).toEqual(['Kenmerk', 'Eigenaar']);
		expect(records[0]).toContain('Totale begroting (€)');
		expect(records.slice(1).map((r) => r[0]).sort()).toEqual(['TEST-A', 'TEST-B', 'TEST-C']);
		expect(text).toContain("'=1+1 formule");
		expect(await (await get('/projecten/export?formaat=csv', eva)).text()).not.toContain('Testrij Delta');
	});

	test('XLSX export parses back with Dutch headers, euro amounts as numbers, no concepts of others', async () => {
		const response = await get(`/projecten/export?formaat=xlsx&${MINE}&sorteer=totalBudget&richting=asc`, eva);
		expect(response.status).toBe(200);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(await response.arrayBuffer());
		const sheet = workbook.worksheets[0];
		const headers = (sheet.getRow(1).values as unknown[]).slice(1);
		expect(headers).toContain('Titel');
		expect(sheet.getRow(1).font?.bold).toBe(true);
		const budgetColumn = headers.indexOf('Totale begroting (€)') + 1;
		expect(sheet.rowCount).toBe(4);
		expect(sheet.getRow(2).getCell(1).value).toBe('TEST-A');
		expect(sheet.getRow(2).getCell(budgetColumn).value).toBe(B + 100);
		expect(sheet.getRow(2).getCell(budgetColumn).numFmt).toContain('€');
		const full = await get('/projecten/export?formaat=xlsx', eva);
		const all = new ExcelJS.Workbook();
		await all.xlsx.load(await full.arrayBuffer());
		all.worksheets[0].eachRow((r) => expect(r.getCell(1).value).not.toBe('TEST-D'));
		expect((await get('/projecten/export?formaat=pdf', eva)).status).toBe(400);
	});

	test('Markdown export of one project, authorised like the page', async () => {
		const response = await get('/projecten/t-a/export?formaat=md', eva);
		expect(response.status).toBe(200);
		const text = await response.text();
		expect(text).toContain('# TEST-A · Testrij Alfa');
		expect(text).toContain('waterstofproject');
		expect(text).toContain('## Tijdlijn');
		expect((await get('/projecten/t-d/export?formaat=md', eva)).status).toBe(404);
	});

	test('bad, SQL-looking, NUL and oversized query strings never cause a 500', async () => {
		const bad = ["zoek='; drop table projects; --", 'zoek=a%00b', 'zoek=%ED%A0%80', 'zoek=(((%20!:*%26|', 'sorteer=x%00', 'provincie=NL-XX', 'per_pagina=-1', 'pagina=99999999', 'budget_min=abc', 'groepeer=drop', `zoek=${'ab%20'.repeat(2500)}`];
		for (const params of bad) {
			for (const path of ['/api/projects', '/projecten', '/projecten/export']) {
				const response = await get(`${path}?${params}`, eva);
				expect(response.status, `${path}?${params.slice(0, 40)}`).toBe(200);
				await response.arrayBuffer();
			}
		}
		const huge = await get(`/api/projects?zoek=${'a'.repeat(1_000_000)}`, eva).catch(() => null);
		// Node refuses the request line before the app sees it (431); never a 500.
		if (huge) expect([400, 414, 431]).toContain(huge.status);
	});

	test('saved views are per user, stored canonical, and can be deleted', async () => {
		const post = (path: string, body: Record<string, string>, cookie = eva) =>
			fetch(`${server.url}${path}`, { method: 'POST', headers: { origin: server.url, cookie, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body), redirect: 'manual' });
		expect((await post('/projecten?/saveView', { name: 'Utrecht idee', query: 'provincie=NL-UT&status=idee&rommel=1&pagina=3' })).status).toBe(200);
		expect((await post('/projecten?/saveView', { name: 'Utrecht idee', query: '' })).status).toBe(400);
		expect((await post('/projecten?/saveView', { name: '', query: '' })).status).toBe(400);
		const html = await (await get('/projecten', eva)).text();
		expect(html).toContain('href="/projecten?provincie=NL-UT&amp;status=idee"');
		expect(await (await get('/projecten', bram)).text()).not.toContain('Utrecht idee');
		const id = /name="id" value="([a-z0-9]+)"/.exec(html)![1];
		expect((await post('/projecten?/deleteView', { id }, bram)).status).toBe(404);
		expect((await post('/projecten?/deleteView', { id })).status).toBe(200);
		expect(await (await get('/projecten', eva)).text()).not.toContain('Utrecht idee');
	});

	test('new project: Dutch field errors, then a concept of the own organisation; observers may not', async () => {
		const post = (body: URLSearchParams, cookie: string) => fetch(`${server.url}/projecten/nieuw`, { method: 'POST', headers: { origin: server.url, cookie, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, body, redirect: 'manual' });
		const refused = await post(new URLSearchParams({ title: 'abc', status: 'idee' }), eva);
		expect(refused.status).toBe(400);
		expect(await refused.text()).toContain('Deze tekst is te kort.');
		const created = await post(new URLSearchParams([['title', 'Nieuwe testrij Echo'], ['status', 'verkenning'], ['provinces', 'NL-UT'], ['themeId', 'lwv']]), eva);
		expect(created.status).toBe(303);
		const id = created.headers.get('location')!.split('/').at(-1)!;
		expect((await get(`/api/projects/${id}`, eva)).status).toBe(200);
		expect((await get(`/api/projects/${id}`, bram)).status).toBe(404);
		const observer = await loginCookie(server.url, 'waarnemer@demo.tafel');
		expect((await get('/projecten/nieuw', observer)).status).toBe(403);
		expect(await (await get('/projecten', observer)).text()).not.toContain('href="/projecten/nieuw"');
	});
});
