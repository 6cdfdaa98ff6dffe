import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/http/guard';
import { mySessions, revokeMyOtherSessions, revokeMySession } from '$lib/server/services/sessions';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return { email: user.email, sessions: await mySessions(user, locals.session!.id) };
};

export const actions: Actions = {
	revoke: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const id = String((await request.formData()).get('id') ?? '');
		if (!(await revokeMySession(user, id))) return fail(404, { revoked: false });
		return { revoked: true };
	},
	revokeOthers: async ({ locals, url }) => {
		const user = requireUser(locals, url);
		await revokeMyOtherSessions(user, locals.session!.id);
		return { revokedOthers: true };
	}
};
