import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isLocale, LOCALE_CHOSEN_COOKIE, LOCALE_COOKIE } from '$lib/i18n/locale';
import { safeReturnPath } from '$lib/server/http/guard';
import { setLocale } from '$lib/server/services/users';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ request, cookies, locals }) => {
		const form = await request.formData();
		const locale = form.get('taal');
		if (isLocale(locale)) {
			cookies.set(LOCALE_COOKIE, locale, { path: '/', httpOnly: false, sameSite: 'lax', maxAge: 365 * 24 * 3600 });
			if (locals.user) await setLocale(locals.user, locale);
			// Chosen on the login page: logging in keeps it (see the login action).
			else cookies.set(LOCALE_CHOSEN_COOKIE, locale, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 24 * 3600 });
		}
		redirect(303, safeReturnPath(String(form.get('terug') ?? '/')));
	}
};
