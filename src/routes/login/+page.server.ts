import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { login } from '$lib/server/services/auth';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { sessionCookieOptions } from '$lib/server/auth/cookie';
import { safeReturnPath } from '$lib/server/guard';
import { LOCALE_COOKIE, isLocale } from '$lib/i18n/locale';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeReturnPath(url.searchParams.get('terug')));
	return { loggedOut: url.searchParams.has('uitgelogd') };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const email = String(form.get('email') ?? '');
		const password = String(form.get('password') ?? '');
		const result = await login(email, password, getClientAddress(), request.headers.get('user-agent') ?? '');
		if (!result.ok) {
			return fail(result.reason === 'rate-limited' ? 429 : 400, { email: email.slice(0, 320), reason: result.reason });
		}
		cookies.set(SESSION_COOKIE, result.token, sessionCookieOptions(url, result.expiresAt));
		// The account remembers its language across devices.
		if (isLocale(result.locale)) cookies.set(LOCALE_COOKIE, result.locale, { path: '/', httpOnly: false, sameSite: 'lax', maxAge: 365 * 24 * 3600 });
		redirect(303, safeReturnPath(url.searchParams.get('terug')));
	}
};
