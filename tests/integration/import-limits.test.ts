/**
 * Spreadsheet bombs and where pending uploads live (QUALITY.md B8). A few hundred kB
 * .xlsx that inflate to 400 MB — one giant cell, or millions of ordinary ones, with
 * lying declared sizes — are refused in Dutch by what is actually inflated, six at once
 * leave the server answering and its memory within a stated bound; and an upload made
 * before a restart is confirmed after it (it is in the database, not the process).
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { loginCookie } from '../support/http.ts';
import { xlsxBomb } from '../support/xlsx-bomb.ts';

/** The bound this test holds the server to: resident memory grows by less than this during six bombs at once. */
const RSS_GROWTH_BOUND_MB = 200;

const rssMb = (pid: number) => Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)]).toString().trim()) / 1024;

describe('spreadsheet bombs and pending uploads', () => {
	let server: TestServer;
	let bram: string; // member of Provincie Noord-Brabant
	let eva: string; // member of the ministry

	const upload = (cookie: string, name: string, bytes: Uint8Array<ArrayBuffer>) => {
		const form = new FormData();
		form.append('bestand', new Blob([bytes]), name);
		return fetch(`${server.url}/projecten/import`, { method: 'POST', headers: { origin: server.url, cookie, accept: 'text/html' }, body: form, redirect: 'manual' });
	};
	const get = (path: string, cookie: string) => fetch(`${server.url}${path}`, { headers: { cookie }, redirect: 'manual' });
	const post = (path: string, cookie: string, body: Record<string, string>) =>
		fetch(`${server.url}${path}`, { method: 'POST', headers: { origin: server.url, cookie, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body), redirect: 'manual' });

	beforeAll(async () => {
		server = await startServer();
		[bram, eva] = await Promise.all([loginCookie(server.url, 'lid.brabant@demo.tafel'), loginCookie(server.url, 'lid.ezk@demo.tafel')]);
	});
	afterAll(async () => {
		await server?.dispose();
	});

	test('a 400 kB file whose one cell inflates to 400 MB is refused in Dutch for the cell', async () => {
		const bomb = await xlsxBomb('single-cell', 400);
		expect(bomb.length).toBeLessThan(1024 * 1024);
		const response = await upload(bram, 'projecten.xlsx', bomb);
		expect(response.status).toBe(400);
		expect(await response.text()).toContain('Een cel in het bestand bevat meer dan 32.767 tekens');
	});

	test('six bombs at once from two members: refused by what is inflated, memory bounded, the server keeps answering (/login)', async () => {
		const [cell, many] = await Promise.all([xlsxBomb('single-cell', 400), xlsxBomb('many-cells', 400)]);
		expect(many.length).toBeLessThan(2 * 1024 * 1024);
		const pid = server.child.pid!;
		// Warm the upload path once so the baseline includes the code and buffers every upload needs.
		expect((await upload(eva, 'veel.xlsx', many)).status).toBe(400);
		const baseline = rssMb(pid);
		let peak = baseline;
		let running = true;
		const health: number[] = [];
		const watch = (async () => {
			while (running) {
				peak = Math.max(peak, rssMb(pid));
				const started = Date.now();
				expect((await fetch(`${server.url}/login`)).status).toBe(200);
				health.push(Date.now() - started);
			}
		})();
		const responses = await Promise.all([cell, many, cell, many, many, many].map((bytes, i) => upload(i % 2 ? eva : bram, `bom-${i}.xlsx`, bytes)));
		running = false;
		await watch;
		peak = Math.max(peak, rssMb(pid));
		const texts = await Promise.all(responses.map((r) => r.text()));
		for (const [i, response] of responses.entries()) expect(response.status, `upload ${i}`).toBe(400);
		expect(texts.filter((t) => t.includes('pakt uit tot meer dan 64 MB'))).toHaveLength(4);
		expect(texts.filter((t) => t.includes('meer dan 32.767 tekens'))).toHaveLength(2);
		console.log(`RSS baseline ${baseline.toFixed(0)} MB, peak ${peak.toFixed(0)} MB; /login slowest ${Math.max(...health)} ms over ${health.length} calls`);
		expect(peak - baseline).toBeLessThan(RSS_GROWTH_BOUND_MB);
		expect(health.length).toBeGreaterThan(0);
		expect(Math.max(...health)).toBeLessThan(2000);
		// And a real page still answers quickly afterwards.
		expect((await get('/projecten', bram)).status).toBe(200);
	});

	test('an upload made before a restart is mapped, checked and confirmed after it: pending uploads are not in memory', async () => {
		const csv = new TextEncoder().encode('\uFEFFTitel;Status;Begroting\r\nHerstart-bestendig project Dommel;idee;8800000901\r\n');
		const response = await upload(bram, 'herstart.csv', csv);
		expect(response.status).toBe(303);
		const id = /\/projecten\/import\/([^/]+)$/.exec(response.headers.get('location')!)![1];
		expect((await post(`/projecten/import/${id}?/map`, bram, { 'kolom-0': 'title', 'kolom-1': 'status', 'kolom-2': 'totalBudget' })).status).toBe(303);

		await server.stop();
		server = await server.restart();

		const report = await get(`/projecten/import/${id}/controle`, bram);
		expect(report.status).toBe(200);
		const fingerprint = /name="vingerafdruk" value="([^"]+)"/.exec(await report.text())![1];
		const done = await post(`/projecten/import/${id}/controle?/confirm`, bram, { vingerafdruk: fingerprint, zichtbaarheid: 'concept' });
		expect(done.status).toBe(303);
		expect(done.headers.get('location')).toBe(`/projecten/import/${id}/klaar`);
		const list = (await (await get('/api/projects?budget_min=8800000901&budget_max=8800000901', bram)).json()) as { projects: { title: string }[] };
		expect(list.projects.map((p) => p.title)).toEqual(['Herstart-bestendig project Dommel']);
		// Someone else cannot open it, before or after.
		expect((await get(`/projecten/import/${id}`, eva)).headers.get('location')).toBe('/projecten/import?verlopen=1');
	});

	test('a fourth pending upload drops the oldest one of that user', async () => {
		const ids: string[] = [];
		for (let n = 1; n <= 4; n++) {
			const response = await upload(eva, `lijst-${n}.csv`, new TextEncoder().encode(`Titel\r\nProject nummer ${n}\r\n`));
			expect(response.status).toBe(303);
			ids.push(/\/projecten\/import\/([^/]+)$/.exec(response.headers.get('location')!)![1]);
		}
		expect((await get(`/projecten/import/${ids[0]}`, eva)).headers.get('location')).toBe('/projecten/import?verlopen=1');
		for (const id of ids.slice(1)) expect((await get(`/projecten/import/${id}`, eva)).status).toBe(200);
	});
});
