import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { login } from '$lib/server/services/auth';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { SESSION_END_COOKIE, sessionCookieOptions } from '$lib/server/auth/cookie';
import { safeReturnPath } from '$lib/server/http/guard';
import { LOCALE_COOKIE, isLocale } from '$lib/i18n/locale';
import { httpStatus } from '$lib/domain/errors';
import { setLocale } from '$lib/server/services/users';

const ENDS = ['expired', 'deactivated', 'revoked'] as const;
type SessionEnd = (typeof ENDS)[number];

export const load: PageServerLoad = ({ locals, url, cookies }) => {
	if (locals.user) redirect(303, safeReturnPath(url.searchParams.get('terug')));
	// Told once: a later visit to the login page starts clean.
	const end = cookies.get(SESSION_END_COOKIE);
	if (end) cookies.delete(SESSION_END_COOKIE, { path: '/' });
	const ended: SessionEnd | null = ENDS.find((e) => e === end) ?? null;
	return { loggedOut: url.searchParams.has('uitgelogd'), ended };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const email = String(form.get('email') ?? '');
		const password = String(form.get('password') ?? '');
		const result = await login(email, password, getClientAddress(), request.headers.get('user-agent') ?? '');
		if (!result.ok) {
			return fail(httpStatus(result.reason), { email: email.slice(0, 320), reason: result.reason });
		}
		cookies.set(SESSION_COOKIE, result.token, sessionCookieOptions(url, result.expiresAt));
		// The language the login page was read in (chosen there, or earlier on this device) is
		// kept: logging in must not switch it back. The account remembers it for other devices;
		// a device without a choice takes the account's.
		const shown = cookies.get(LOCALE_COOKIE);
		if (isLocale(shown)) {
			if (shown !== result.locale) await setLocale({ userId: result.userId }, shown);
		} else if (isLocale(result.locale)) {
			cookies.set(LOCALE_COOKIE, result.locale, { path: '/', httpOnly: false, sameSite: 'lax', maxAge: 365 * 24 * 3600 });
		}
		redirect(303, safeReturnPath(url.searchParams.get('terug')));
	}
};
