import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { lookupAccountToken, setPasswordWithToken } from '$lib/server/services/auth';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { sessionCookieOptions } from '$lib/server/auth/cookie';

export const load: PageServerLoad = async ({ params }) => {
	const target = await lookupAccountToken(params.token);
	return { target: target && { kind: target.kind, name: target.name, email: target.email } };
};

export const actions: Actions = {
	default: async ({ params, request, cookies, url }) => {
		const form = await request.formData();
		const result = await setPasswordWithToken(
			params.token,
			String(form.get('password') ?? ''),
			String(form.get('repeat') ?? ''),
			request.headers.get('user-agent') ?? ''
		);
		if (!result.ok) return fail(result.reason === 'invalid-link' ? 410 : 400, { reason: result.reason });
		cookies.set(SESSION_COOKIE, result.token, sessionCookieOptions(url, result.expiresAt));
		redirect(303, '/');
	}
};
