import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isLocale, LOCALE_COOKIE } from '$lib/i18n/locale';
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
		}
		redirect(303, safeReturnPath(String(form.get('terug') ?? '/')));
	}
};
