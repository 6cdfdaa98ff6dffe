import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { startApp } from '$lib/server/startup';
import { SESSION_COOKIE, checkSessionToken } from '$lib/server/auth/session';
import { SESSION_END_COOKIE, sessionCookieOptions, sessionEndCookieOptions } from '$lib/server/auth/cookie';
import { paraglideMiddleware } from '$lib/paraglide/server.js';
import { isLocale } from '$lib/i18n/locale';
import { log } from '$lib/server/log';

export const init: ServerInit = async () => {
	await startApp();
};

const SECURITY_HEADERS: Record<string, string> = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'strict-origin-when-cross-origin',
	'X-Frame-Options': 'DENY',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
	'Cross-Origin-Opener-Policy': 'same-origin'
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const handle: Handle = async ({ event, resolve }) => {
	await startApp();
	// SvelteKit checks the Origin of form posts only; JSON calls that change things get the same rule.
	if (!SAFE_METHODS.has(event.request.method) && event.url.pathname.startsWith('/api/') && event.request.headers.get('origin') !== event.url.origin) {
		return new Response(JSON.stringify({ error: 'cross-site', message: 'Verzoek van een andere site geweigerd.' }), { status: 403, headers: { 'content-type': 'application/json' } });
	}
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.user = null;
	event.locals.session = null;
	if (token) {
		const result = await checkSessionToken(token);
		if (result.ok) {
			event.locals.user = result.user;
			event.locals.session = result.session;
			if (result.renewed) event.cookies.set(SESSION_COOKIE, token, sessionCookieOptions(event.url, result.session.expiresAt));
		} else {
			event.cookies.delete(SESSION_COOKIE, { path: '/' });
			// The login page the person lands on next says why they were sent there.
			event.cookies.set(SESSION_END_COOKIE, result.reason, sessionEndCookieOptions(event.url));
		}
	}
	const response = await paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		event.locals.locale = isLocale(locale) ? locale : 'nl';
		return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) });
	});
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
	if (event.locals.user) response.headers.set('Cache-Control', 'private, no-store');
	return response;
};

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const errorId = crypto.randomUUID();
	if (status !== 404) log.error({ errorId, route: event.route.id, status, err: error instanceof Error ? error.stack : String(error) }, 'unhandled error');
	return { message: status === 404 ? message : 'Er ging iets mis', errorId };
};
