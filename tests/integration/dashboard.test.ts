import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { loginCookie } from '../support/http.ts';
import { PG_URL } from '../support/postgres.ts';

const databases = ['pglite', ...(PG_URL ? ['postgres' as const] : [])] as const;

interface ApiGroups { total: number; groups: { key: string; count: number; totalBudget: number }[] }

/** Count per key from the first server-rendered table of a chart: what a user without JavaScript reads. */
function tableCounts(html: string, dimension: string): Map<string, number> {
	const start = html.indexOf(`data-chart-table="${dimension}"`);
	const table = html.slice(start, html.indexOf('</table>', start));
	const counts = new Map<string, number>();
	for (const [, key, cells] of table.matchAll(/<tr[^>]*data-key="([^"]*)"[^>]*>([\s\S]*?)<\/tr>/g)) {
		counts.set(key, Number(/<td[^>]*>([^<]*)<\/td>/.exec(cells)![1].replace(/\D/g, '')));
	}
	return counts;
}

describe.each(databases)('dashboard on %s', (database) => {
	let server: TestServer;
	let eva: string;
	let bram: string;
	const get = (path: string, cookie?: string) => fetch(`${server.url}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });

	beforeAll(async () => {
		server = await startServer({ database });
		[eva, bram] = await Promise.all([loginCookie(server.url, 'lid.ezk@demo.tafel'), loginCookie(server.url, 'lid.brabant@demo.tafel')]);
	});
	afterAll(async () => {
		await server?.dispose();
	});

	test('strangers are sent to the login page and back', async () => {
		const response = await get('/dashboard?thema=lwv');
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(`/login?terug=${encodeURIComponent('/dashboard?thema=lwv')}`);
	});

	test('the rendered map and tables count what the API counts for the same user and filters', async () => {
		for (const [cookie, params] of [[eva, ''], [bram, ''], [eva, 'status=idee'], [bram, 'thema=energie-klimaat']] as const) {
			const html = await (await get(`/dashboard?${params}`, cookie)).text();
			expect(html.match(/data-province="NL-[A-Z]{2}"/g)).toHaveLength(12);
			expect(html).toContain('Bron: CBS, PDOK');
			const api = (await (await get(`/api/projects?groepeer=province&${params}`, cookie)).json()) as ApiGroups;
			const counts = tableCounts(html, 'province');
			for (const group of api.groups) expect(counts.get(group.key), `${params} ${group.key}`).toBe(group.count);
			expect(html).toMatch(new RegExp(`>${api.total} projecten? · totaal`));
		}
	});

	test('bad parameters are ignored, never an error', async () => {
		const response = await get(`/dashboard?maat=%3Cscript%3E&provincie=XX&thema=${'x'.repeat(5000)}&zoek=%00%E2%80%AE&budget_min=-1`, eva);
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toContain('Kaart: aantal projecten per provincie');
		expect(html.match(/data-province=/g)).toHaveLength(12);
	});
});
