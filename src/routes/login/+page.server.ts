import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { login } from '$lib/server/services/auth';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { SESSION_END_COOKIE, sessionCookieOptions } from '$lib/server/auth/cookie';
import { safeReturnPath } from '$lib/server/http/guard';
import { LOCALE_CHOSEN_COOKIE, LOCALE_COOKIE, isLocale } from '$lib/i18n/locale';
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
		// A language chosen on the login page is kept (logging in must not switch it back) and
		// remembered on the account; otherwise the account's language follows it to this device.
		const chosen = cookies.get(LOCALE_CHOSEN_COOKIE);
		const locale = isLocale(chosen) ? chosen : result.locale;
		if (isLocale(chosen)) {
			cookies.delete(LOCALE_CHOSEN_COOKIE, { path: '/' });
			if (chosen !== result.locale) await setLocale({ userId: result.userId }, chosen);
		}
		if (isLocale(locale)) cookies.set(LOCALE_COOKIE, locale, { path: '/', httpOnly: false, sameSite: 'lax', maxAge: 365 * 24 * 3600 });
		redirect(303, safeReturnPath(url.searchParams.get('terug')));
	}
};
