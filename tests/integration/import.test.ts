import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { startServer, type TestServer } from '../support/server.ts';
import { loginCookie } from '../support/http.ts';
import { PG_URL } from '../support/postgres.ts';
import { withDatabase } from '../support/with-database.ts';

const databases = ['pglite', ...(PG_URL ? ['postgres' as const] : [])] as const;

/** A valid title that the test database refuses while inserting: a failure half-way through the transaction. */
const POISON = 'Deze rij breekt de import af';

/**
 * Installs a trigger that fails the insert of one title, with the server stopped (PGlite
 * has one opener). It stands for any database failure mid-import (disk full, lost
 * connection): every row passes validation, the database says no at row N.
 */
function withPoisonTrigger(server: TestServer): Promise<TestServer> {
	return withDatabase(server, async (db) => {
		await db.execute(sql.raw(`
			create function tafel_test_refuse() returns trigger language plpgsql as $$
			begin
				if new.title = '${POISON}' then raise exception 'test trigger refuses this row'; end if;
				return new;
			end $$`));
		await db.execute(sql.raw('create trigger tafel_test_refuse before insert on projects for each row execute function tafel_test_refuse()'));
	});
}

const csv = (lines: string[], bom = true) => new TextEncoder().encode(`${bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`);

interface ApiList { total: number; projects: { id: string; code: string; title: string }[] }

describe.each(databases)('spreadsheet import on %s', (database) => {
	let first: TestServer;
	let server: TestServer;
	let bram: string; // member of Provincie Noord-Brabant
	let eva: string; // member of the ministry (min-ez)

	const get = (path: string, cookie: string) => fetch(`${server.url}${path}`, { headers: { cookie }, redirect: 'manual' });
	const post = (path: string, cookie: string, body: Record<string, string>) =>
		fetch(`${server.url}${path}`, { method: 'POST', headers: { origin: server.url, cookie, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body), redirect: 'manual' });
	const upload = (cookie: string, name: string, bytes: Uint8Array<ArrayBuffer>) => {
		const form = new FormData();
		form.append('bestand', new Blob([bytes]), name);
		return fetch(`${server.url}/projecten/import`, { method: 'POST', headers: { origin: server.url, cookie, accept: 'text/html' }, body: form, redirect: 'manual' });
	};
	/** Upload → id of the upload (the mapping page it redirects to). */
	const uploaded = async (cookie: string, name: string, bytes: Uint8Array<ArrayBuffer>): Promise<string> => {
		const response = await upload(cookie, name, bytes);
		expect(response.status, await response.clone().text().then((t) => t.slice(0, 300))).toBe(303);
		return /\/projecten\/import\/([^/]+)$/.exec(response.headers.get('location')!)![1];
	};
	/** The mapping the page proposes: the selected option of each column's select. */
	const proposed = async (cookie: string, id: string): Promise<{ html: string; targets: string[] }> => {
		const html = await (await get(`/projecten/import/${id}`, cookie)).text();
		const targets = [...html.matchAll(/<select[^>]*name="kolom-(\d+)"[^>]*>([\s\S]*?)<\/select>/g)].map((m) => /<option value="([^"]*)" selected/.exec(m[2])?.[1] ?? '');
		return { html, targets };
	};
	const map = async (cookie: string, id: string, targets: string[]) => post(`/projecten/import/${id}?/map`, cookie, Object.fromEntries(targets.map((t, i) => [`kolom-${i}`, t])));
	interface Report { html: string; counts: number[]; fingerprint: string; result(n: number): { status: string; text: string } }
	const report = async (cookie: string, id: string, show = 'alle', page = 1): Promise<Report> => {
		const response = await get(`/projecten/import/${id}/controle?toon=${show}&pagina=${page}`, cookie);
		expect(response.status).toBe(200);
		const html = await response.text();
		return {
			html,
			counts: /data-counts="(\d+)\/(\d+)\/(\d+)\/(\d+)"/.exec(html)!.slice(1).map(Number),
			fingerprint: /name="vingerafdruk" value="([^"]+)"/.exec(html)?.[1] ?? '',
			result(n) {
				const start = html.indexOf(`data-row="${n}"`);
				if (start < 0) return { status: 'absent', text: '' };
				const row = html.slice(start, html.indexOf('</tr>', start));
				return { status: /data-result="(\w+)"/.exec(row)![1], text: row.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') };
			}
		};
	};
	const confirm = (cookie: string, id: string, fingerprint: string, visibility = 'concept') => post(`/projecten/import/${id}/controle?/confirm`, cookie, { vingerafdruk: fingerprint, zichtbaarheid: visibility, stap: 'confirm' });
	const api = async (params: string, cookie: string): Promise<ApiList> => (await (await get(`/api/projects?${params}`, cookie)).json()) as ApiList;

	beforeAll(async () => {
		first = await startServer({ database });
		server = await withPoisonTrigger(first);
		[bram, eva] = await Promise.all([loginCookie(server.url, 'lid.brabant@demo.tafel'), loginCookie(server.url, 'lid.ezk@demo.tafel')]);
	});
	afterAll(async () => {
		await server?.dispose();
		await first?.dispose();
	});

	test('a good CSV with Dutch headers, ";" and a BOM is imported only after the confirm', async () => {
		const id = await uploaded(bram, 'projecten.csv', csv([
			'Projectnaam;Provincie;Thema;Begroting;Gevraagd bedrag (€);Status;Start (jjjj-mm);Trefwoorden',
			'Waterstofcorridor Moerdijk;Noord-Brabant;Energietransitie en duurzaamheid;€ 8.800.000.101;€ 1.250.000;Verkenning;maart 2026;waterstof, haven',
			'"Slimme kas, Westland";"Zuid-Holland; Noord-Brabant";Landbouw, water & voedsel;8800000102;;idee;2026-09;',
			'Circulaire bouwhub Tilburg;NL-NB;CE;8.800.000.103;;;;'
		]));
		const { targets } = await proposed(bram, id);
		expect(targets).toEqual(['title', 'provinces', 'themeId', 'totalBudget', 'requestedAmount', 'status', 'periodStart', 'tags']);
		expect((await map(bram, id, targets)).status).toBe(303);
		const before = await report(bram, id);
		expect(before.counts).toEqual([3, 2, 1, 0]);
		expect(before.result(4).text).toContain('Kolom C „Thema”: Kies een waarde uit de lijst. Niet herkend: „CE”.');
		const marker = 'budget_min=8800000100&budget_max=8800000199';
		expect((await api(marker, bram)).total).toBe(0);

		const done = await confirm(bram, id, before.fingerprint);
		expect(done.status).toBe(303);
		expect(done.headers.get('location')).toBe(`/projecten/import/${id}/klaar`);
		expect(await (await get(`/projecten/import/${id}/klaar`, bram)).text()).toContain('2 projecten zijn geïmporteerd als concept van Provincie Noord-Brabant.');
		const list = await api(marker, bram);
		expect(list.projects.map((p) => p.title).sort()).toEqual(['Slimme kas, Westland', 'Waterstofcorridor Moerdijk']);
		const project = (await (await get(`/api/projects/${list.projects.find((p) => p.title.startsWith('Water'))!.id}`, bram)).json()) as Record<string, unknown>;
		expect(project).toMatchObject({ provinces: ['NL-NB'], themeId: 'energie-klimaat', totalBudget: 8_800_000_101, requestedAmount: 1_250_000, status: 'verkenning', periodStart: '2026-03', tags: ['waterstof', 'haven'], visibility: 'concept' });
		// Concepts: the ministry does not see them.
		expect((await api(marker, eva)).total).toBe(0);
		// Confirming again does not import twice.
		expect((await confirm(bram, id, before.fingerprint)).status).toBe(303);
		expect((await api(marker, bram)).total).toBe(2);
	});

	test('broken rows are rejected with Dutch reasons naming the column; the others are imported', async () => {
		const id = await uploaded(bram, 'fouten.csv', csv([
			'Titel,Provincies,Totale begroting (€),Gevraagd bedrag (€),E-mail contactpersoon,TRL nu,TRL doel',
			'Goed project met fouten ernaast,Utrecht,8800000201,,,,',
			'Kort,Utrecht,8800000202,,,,',
			'Onbekende provincie project,Atlantis,8800000203,,,,',
			'Te veel gevraagd project,Limburg,8800000204,9000000000,,,',
			'Verkeerd adres project,Limburg,8800000205,,geen-adres,,',
			'Verkeerde volgorde TRL,Limburg,8800000206,,,7,3',
			'Geen getal begroting,Limburg,heel veel,,,,',
			',Limburg,8800000208,,,,'
		], false));
		const { targets } = await proposed(bram, id);
		expect(targets).toEqual(['title', 'provinces', 'totalBudget', 'requestedAmount', 'contactEmail', 'trlCurrent', 'trlTarget']);
		await map(bram, id, targets);
		const r = await report(bram, id, 'problemen');
		expect(r.counts).toEqual([8, 1, 7, 0]);
		expect(r.result(2).status).toBe('absent'); // accepted rows are not in the problems view
		expect(r.result(3).text).toContain('Kolom A „Titel”: Deze tekst is te kort.');
		expect(r.result(4).text).toContain('Kolom B „Provincies”: Kies een waarde uit de lijst. Niet herkend: „Atlantis”.');
		expect(r.result(5).text).toContain('Het gevraagde bedrag is hoger dan de totale begroting.');
		expect(r.result(6).text).toContain('Kolom E „E-mail contactpersoon”: De vorm klopt niet.');
		expect(r.result(7).text).toContain('Het doel-TRL is lager dan het huidige TRL.');
		expect(r.result(8).text).toContain('Kolom C „Totale begroting (€)”: Vul een heel getal in.');
		expect(r.result(9).text).toContain('Dit veld is verplicht.');
		expect((await confirm(bram, id, r.fingerprint)).status).toBe(303);
		expect((await api('budget_min=8800000200&budget_max=8800000299', bram)).projects.map((p) => p.title)).toEqual(['Goed project met fouten ernaast']);
	});

	test('wrong columns: without a title column the mapping is refused with a clear error; bad files are refused', async () => {
		const id = await uploaded(bram, 'geen-titel.csv', csv(['Omschrijving;Provincie', 'Iets zonder titel;Utrecht']));
		const { targets } = await proposed(bram, id);
		expect(targets).toEqual(['summary', 'provinces']);
		// The report is not reachable with this mapping: back to the mapping step.
		expect((await get(`/projecten/import/${id}/controle`, bram)).headers.get('location')).toBe(`/projecten/import/${id}`);
		const refused = await map(bram, id, targets);
		expect(refused.status).toBe(400);
		expect(await refused.text()).toContain('Koppel een kolom aan „Titel”: zonder titel kan geen project worden aangemaakt.');
		const twice = await map(bram, id, ['title', 'title']);
		expect(await twice.text()).toContain('„Titel” is aan meer dan één kolom gekoppeld (A, B). Kies er één.');

		const refusedFile = async (name: string, bytes: Uint8Array<ArrayBuffer>, text: string, status = 400) => {
			const response = await upload(bram, name, bytes);
			expect(response.status, name).toBe(status);
			expect(await response.text(), name).toContain(text);
		};
		await refusedFile('plaatje.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 'Dit bestandstype kan niet worden geïmporteerd.');
		await refusedFile('oud.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'oude formaat (.xls)');
		await refusedFile('kapot.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(200).fill(7)]), 'mogelijk beschadigd');
		await refusedFile('leeg.csv', new Uint8Array(), 'Het bestand is leeg');
		await refusedFile('leeg.csv', csv(['', ';;']), 'Het bestand is leeg');
		const noFile = await post('/projecten/import', bram, {});
		expect(noFile.status).toBe(400);
		expect(await noFile.text()).toContain('Kies eerst een bestand.');
		await refusedFile('citaat.csv', csv(['Titel;Status', '"Nooit gesloten;idee', 'x;y']), 'rond regel');
		await refusedFile('lang.csv', csv(['Titel', ...Array.from({ length: 10_001 }, (_, i) => `Project ${i}`)]), 'meer dan 10.000 rijen');
		await refusedFile('groot.csv', new Uint8Array(10 * 1024 * 1024 + 1).fill(0x41), 'groter dan 10 MB', 413);
		await refusedFile('te-groot.csv', new Uint8Array(12 * 1024 * 1024).fill(0x41), 'groter dan 10 MB', 413);
	});

	test('duplicates of an own existing project (title and organisation) and within the file are skipped', async () => {
		const created = await post('/projecten/nieuw', bram, { title: 'Bestaand project Brabant', status: 'idee' });
		expect(created.status).toBe(303);
		const lines = ['Titel;Totale begroting (€)', '  bestaand PROJECT   brabant ;8800000301', 'Nieuw project Brabant;8800000302', 'nieuw project brabant;8800000303'];
		const id = await uploaded(bram, 'dubbel.csv', csv(lines));
		await map(bram, id, (await proposed(bram, id)).targets);
		const r = await report(bram, id, 'dubbel');
		expect(r.counts).toEqual([3, 1, 0, 2]);
		expect(r.result(2).text).toContain('Er is al een project met deze titel van uw organisatie:');
		expect(r.result(2).text).toMatch(/RIP-\d{4}-\d{4}/);
		expect(r.result(4).text).toContain('Zelfde titel als rij 3');
		// Another organisation's project with that title is not a duplicate for the ministry.
		const other = await uploaded(eva, 'dubbel.csv', csv(lines));
		await map(eva, other, (await proposed(eva, other)).targets);
		expect((await report(eva, other)).counts).toEqual([3, 2, 0, 1]);
	});

	test('an exported CSV maps all its Dutch columns back and re-imports in another organisation', async () => {
		const exported = new Uint8Array(await (await get('/projecten/export?formaat=csv&provincie=NL-UT&status=uitvoering', eva)).arrayBuffer());
		const id = await uploaded(eva, 'tafel-export.csv', exported);
		const { targets } = await proposed(eva, id);
		expect(targets.slice(0, 4)).toEqual(['', '', '', '']); // Kenmerk, Eigenaar, Zichtbaarheid, Demo
		expect(targets.filter(Boolean)).toHaveLength(25);
		await map(eva, id, targets);
		const r = await report(eva, id);
		const [rows, accepted, rejected] = r.counts;
		expect(rows).toBeGreaterThan(0);
		expect(rejected).toBe(0);
		// Own projects (min-ez) in the export are duplicates; everything else is accepted.
		expect(accepted).toBeGreaterThan(0);
	});

	test('10,000 XLSX rows: the report counts them and the confirm imports all in one transaction, with progress', async () => {
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Projecten');
		sheet.addRow(['Titel', 'Provincies', 'Thema', 'Totale begroting (€)', 'Gevraagd bedrag (€)', 'Status', 'Start (jjjj-mm)']);
		for (let i = 0; i < 10_000; i++) sheet.addRow([`Groot importproject ${i}`, i % 2 ? 'Gelderland; Utrecht' : 'Noord-Brabant', 'Digitalisering', 8_800_000_400 + (i % 50), 1000, 'Idee', new Date(Date.UTC(2026, i % 12, 1))]);
		sheet.addRow(['Kort', 'Utrecht', '', 8_800_000_400, '', '', '']);
		sheet.addRow(['Groot importproject 7', 'Utrecht', '', 8_800_000_400, '', '', '']);
		const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
		// 10,002 data rows are over the limit...
		expect(await (await upload(bram, 'groot.xlsx', bytes)).text()).toContain('meer dan 10.000 rijen');
		sheet.spliceRows(2, 2);
		const id = await uploaded(bram, 'groot.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
		await map(bram, id, (await proposed(bram, id)).targets);
		const started = Date.now();
		const r = await report(bram, id, 'problemen');
		expect(Date.now() - started).toBeLessThan(15_000);
		expect(r.counts).toEqual([10_000, 9_998, 1, 1]);
		expect(r.result(10_000).text).toContain('Deze tekst is te kort.');
		expect(r.result(10_001).text).toContain('Zelfde titel als rij 7');
		expect((await report(bram, id, 'geaccepteerd', 100)).html).toContain('Groot importproject 9999');

		const response = await fetch(`${server.url}/projecten/import/${id}/importeren`, { method: 'POST', headers: { origin: server.url, cookie: bram }, body: new URLSearchParams({ vingerafdruk: r.fingerprint, zichtbaarheid: 'platform' }) });
		expect(response.headers.get('content-type')).toContain('ndjson');
		const messages = (await response.text()).trim().split('\n').map((line) => JSON.parse(line) as { progress?: number; total?: number; done?: number });
		const progress = messages.filter((message) => message.progress !== undefined).map((message) => message.progress!);
		expect(progress.length).toBeGreaterThan(10);
		expect(progress).toEqual([...progress].sort((a, b) => a - b));
		expect(messages.at(-1)).toMatchObject({ done: 9_998 });
		const list = await api('budget_min=8800000400&budget_max=8800000499&per_pagina=25', eva);
		expect(list.total).toBe(9_998); // shared with the platform: the ministry sees them
	}, 300_000);

	test('a database failure half-way through imports nothing, and says so in Dutch', async () => {
		const lines = ['Titel;Totale begroting (€)', ...Array.from({ length: 40 }, (_, i) => `Voor de fout ${i};8800000501`), `${POISON};8800000502`, 'Na de fout;8800000503'];
		const id = await uploaded(bram, 'fout.csv', csv(lines));
		await map(bram, id, (await proposed(bram, id)).targets);
		const r = await report(bram, id);
		expect(r.counts).toEqual([42, 42, 0, 0]);
		const failed = await confirm(bram, id, r.fingerprint);
		expect(failed.status).toBe(500);
		expect(await failed.text()).toContain('Het importeren is mislukt; er is niets geïmporteerd.');
		expect((await api('budget_min=8800000500&budget_max=8800000599', bram)).total).toBe(0);
		// The upload is still there to try again.
		expect((await report(bram, id)).counts).toEqual([42, 42, 0, 0]);
	});

	test('the confirm re-checks: a project created meanwhile with one of the titles stops the import', async () => {
		const id = await uploaded(bram, 'race.csv', csv(['Titel;Totale begroting (€)', 'Tussendoor aangemaakt project;8800000601', 'Ander project hier;8800000602']));
		await map(bram, id, (await proposed(bram, id)).targets);
		const r = await report(bram, id);
		expect(r.counts).toEqual([2, 2, 0, 0]);
		expect((await post('/projecten/nieuw', bram, { title: 'Tussendoor aangemaakt project', status: 'idee' })).status).toBe(303);
		const changed = await confirm(bram, id, r.fingerprint);
		expect(changed.status).toBe(409);
		expect(await changed.text()).toContain('Het overzicht is veranderd');
		expect((await api('budget_min=8800000600&budget_max=8800000699', bram)).total).toBe(0);
		const again = await report(bram, id);
		expect(again.counts).toEqual([2, 1, 0, 1]);
		expect((await confirm(bram, id, again.fingerprint)).status).toBe(303);
		expect((await api('budget_min=8800000600&budget_max=8800000699', bram)).total).toBe(1);
	});

	test('participants and observers get 403; an upload is visible only to its uploader', async () => {
		for (const email of ['deelnemer@demo.tafel', 'waarnemer@demo.tafel']) {
			const cookie = await loginCookie(server.url, email);
			expect((await get('/projecten/import', cookie)).status, email).toBe(403);
			expect((await upload(cookie, 'x.csv', csv(['Titel', 'Verboden project']))).status, email).toBe(403);
			expect(await (await get('/projecten', cookie)).text()).not.toContain('href="/projecten/import"');
		}
		expect(await (await get('/projecten', bram)).text()).toContain('href="/projecten/import"');
		const id = await uploaded(bram, 'privé.csv', csv(['Titel', 'Alleen voor Bram']));
		expect((await get(`/projecten/import/${id}`, eva)).headers.get('location')).toBe('/projecten/import?verlopen=1');
		expect((await confirm(eva, id, 'x')).status).toBe(303);
		expect((await get('/projecten/import', bram)).status).toBe(200);
	});

	test('the mapping is remembered for the next upload with the same headers', async () => {
		const lines = ['Naam van het idee;Waar;Geld', 'Onthouden koppeling project;Zeeland;8800000701'];
		const id = await uploaded(bram, 'eigen.csv', csv(lines));
		const firstTime = await proposed(bram, id);
		expect(firstTime.targets).toEqual(['', '', '']);
		expect(firstTime.html).toContain('Kolommen met een herkende naam zijn al gekoppeld.');
		expect((await map(bram, id, ['title', 'provinces', 'totalBudget'])).status).toBe(303);
		const again = await uploaded(bram, 'eigen-2.csv', csv(lines.map((l) => l.toUpperCase())));
		const second = await proposed(bram, again);
		expect(second.targets).toEqual(['title', 'provinces', 'totalBudget']);
		expect(second.html).toContain('De koppeling van uw vorige import met dezelfde kolommen is al ingevuld.');
		// Per user: the ministry's member starts from the automatic mapping.
		const other = await uploaded(eva, 'eigen.csv', csv(lines));
		expect((await proposed(eva, other)).targets).toEqual(['', '', '']);
	});
});
