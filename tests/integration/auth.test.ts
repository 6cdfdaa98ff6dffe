import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { loginCookie } from '../support/http.ts';
import { PG_URL } from '../support/postgres.ts';

const databases = ['pglite', ...(PG_URL ? ['postgres' as const] : [])] as const;

describe.each(databases)('accounts on %s', (database) => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startServer({ database });
	});
	afterAll(async () => {
		await server?.dispose();
	});

	const post = (path: string, body: Record<string, string>, headers: Record<string, string> = {}) =>
		fetch(`${server.url}${path}`, {
			method: 'POST',
			headers: { origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', ...headers },
			body: new URLSearchParams(body),
			redirect: 'manual'
		});

	test('a demo account logs in and gets an HttpOnly, SameSite=Lax session cookie', async () => {
		const response = await post('/login', { email: 'lid.ezk@demo.tafel', password: 'tafel-demo' });
		expect(response.status).toBe(303);
		const cookie = response.headers.getSetCookie().find((c) => c.startsWith('tafel_session='))!;
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
		const home = await fetch(`${server.url}/`, { headers: { cookie: cookie.split(';')[0] } });
		expect(await home.text()).toContain('Eva de Vries');
	});

	test('every login gets a new session token', async () => {
		const a = await loginCookie(server.url, 'lid.ezk@demo.tafel');
		const b = await loginCookie(server.url, 'lid.ezk@demo.tafel');
		expect(a).not.toBe(b);
	});

	test('unknown e-mail and wrong password get the same answer', async () => {
		const unknown = await post('/login', { email: 'niemand@demo.tafel', password: 'tafel-demo' });
		const wrong = await post('/login', { email: 'waarnemer@demo.tafel', password: 'fout-wachtwoord' });
		expect(unknown.status).toBe(400);
		expect(wrong.status).toBe(400);
		const alert = (html: string) => /role="alert"[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1];
		const unknownAlert = alert(await unknown.text());
		expect(unknownAlert).toContain('Het e-mailadres of het wachtwoord klopt niet.');
		expect(alert(await wrong.text())).toBe(unknownAlert);
	});

	test('password guessing is stopped with 429 per account, even with the right password afterwards', async () => {
		for (let i = 0; i < 5; i++) {
			expect((await post('/login', { email: 'facilitator@demo.tafel', password: `gok-${i}-xxxxx` })).status).toBe(400);
		}
		const blocked = await post('/login', { email: 'facilitator@demo.tafel', password: 'tafel-demo' });
		expect(blocked.status).toBe(429);
		expect(await blocked.text()).toContain('Te veel mislukte pogingen');
	});

	test('a deactivated person is told their account was switched off, not that the session expired; switched on again, the old session stays ended', async () => {
		const admin = await loginCookie(server.url, 'beheerder@demo.tafel');
		const cookie = await loginCookie(server.url, 'deelnemer@demo.tafel');
		const users = await (await fetch(`${server.url}/beheer/gebruikers`, { headers: { cookie: admin } })).text();
		const userId = /name="userId" value="([^"]+)"/.exec(users.split('data-user="deelnemer@demo.tafel"')[1] ?? '')![1];
		const setActive = async (active: 'true' | 'false') =>
			expect((await post('/beheer/gebruikers?/active', { userId, name: 'Dewi Jansen', active }, { cookie: admin })).status).toBe(200);
		await setActive('false');

		// Thrown out on the next page: to the login page, which says why once.
		const thrown = await fetch(`${server.url}/account`, { headers: { cookie }, redirect: 'manual' });
		expect(thrown.status).toBe(303);
		expect(thrown.headers.get('location')).toMatch(/^\/login\?terug=/);
		const end = thrown.headers.getSetCookie().find((c) => c.startsWith('tafel_session_end='))!;
		expect(end).toMatch(/^tafel_session_end=deactivated;/);
		const login = await fetch(`${server.url}/login`, { headers: { cookie: end.split(';')[0] } });
		const page = await login.text();
		expect(page).toContain('Uw account is uitgeschakeld');
		expect(page).not.toContain('verlopen');
		expect(login.headers.getSetCookie().some((c) => /^tafel_session_end=;/.test(c))).toBe(true);

		// The right password says the same; a wrong one gives the usual answer.
		const retry = await post('/login', { email: 'deelnemer@demo.tafel', password: 'tafel-demo' });
		expect(retry.status).toBe(400);
		expect(await retry.text()).toContain('Uw account is uitgeschakeld');
		expect(await (await post('/login', { email: 'deelnemer@demo.tafel', password: 'fout-wachtwoord' })).text()).toContain('Het e-mailadres of het wachtwoord klopt niet.');

		// Switched on again: the old session does not come back, a new login works.
		await setActive('true');
		expect((await fetch(`${server.url}/account`, { headers: { cookie }, redirect: 'manual' })).status).toBe(303);
		const fresh = await loginCookie(server.url, 'deelnemer@demo.tafel');
		expect((await fetch(`${server.url}/account`, { headers: { cookie: fresh }, redirect: 'manual' })).status).toBe(200);
	});

	test('a cross-site form POST is refused with 403', async () => {
		const response = await post('/login', { email: 'lid.ezk@demo.tafel', password: 'tafel-demo' }, { origin: 'https://evil.example' });
		expect(response.status).toBe(403);
	});

	test('security headers and CSP are set on pages', async () => {
		const response = await fetch(`${server.url}/login`);
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
		expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
	});

	test('health check reports the database', async () => {
		const response = await fetch(`${server.url}/healthz`);
		expect(await response.json()).toEqual({ status: 'ok', database });
	});

	test('SIGTERM exits cleanly within 10 seconds', async () => {
		const other = await startServer({ database: 'pglite' });
		const started = Date.now();
		expect(await other.stop()).toBe(0);
		expect(Date.now() - started).toBeLessThan(10_000);
		await other.dispose();
	});
});
