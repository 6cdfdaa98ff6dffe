/**
 * The first administrator of a production deployment: an empty PostgreSQL database,
 * ADMIN_EMAIL set, no demo data. The operator is printed a link; following it, the
 * administrator sets a password and logs in. Runs on PostgreSQL (the production path).
 */
import { afterAll, describe, expect, test } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { loginCookie } from '../support/http.ts';
import { PG_URL } from '../support/postgres.ts';
import { until } from '../support/collab-client.ts';

const EMAIL = 'beheer@provincie.example';
const PASSWORD = 'Lang-en-uniek-wachtwoord-2026';

describe.skipIf(!PG_URL)('first administrator on an empty PostgreSQL database', () => {
	let server: TestServer;
	afterAll(async () => {
		await server?.dispose();
	});

	test('the printed link opens the password page; the administrator sets a password and logs in; a restart prints no second link', async () => {
		server = await startServer({ database: 'postgres', env: { SEED_DEMO: '0', ADMIN_EMAIL: EMAIL, ADMIN_NAME: 'Eerste Beheerder' } });
		await until(() => /\/toegang\/\S+/.test(server.output()), 'the link is printed');
		const printed = /(http:\/\/\S+?)(\/toegang\/\S+)/.exec(server.output())!;
		// The link names the port the server really listens on (PORT=0 here), not the configured 0.
		expect(new URL(printed[1]).port).toBe(String(server.port));
		const link = server.url + printed[2];

		const page = await fetch(link);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain(EMAIL);
		const set = await fetch(link, {
			method: 'POST',
			headers: { origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ password: PASSWORD, repeat: PASSWORD }),
			redirect: 'manual'
		});
		expect(set.status).toBe(303);

		const cookie = await loginCookie(server.url, EMAIL, PASSWORD);
		const admin = await fetch(`${server.url}/beheer/gebruikers`, { headers: { cookie } });
		expect(admin.status).toBe(200);
		expect(await admin.text()).toContain('Eerste Beheerder');
		// The link works once.
		expect((await fetch(link)).status).toBe(200);
		expect(await (await fetch(link)).text()).not.toContain(EMAIL);

		await server.stop();
		server = await server.restart();
		expect(server.output()).not.toMatch(/\/toegang\//);
	});
});
