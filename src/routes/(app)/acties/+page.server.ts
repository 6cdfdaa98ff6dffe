import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { forbidden, requireUser } from '$lib/server/http/guard';
import { listActions, setActionStatus } from '$lib/server/services/tafels-records';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const actions = await listActions(user, { mine: true });
	return { open: actions.filter((a) => a.status === 'open'), done: actions.filter((a) => a.status === 'done'), organisationName: user.organisationName };
};

export const actions: Actions = {
	actionStatus: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const form = await request.formData();
		const id = String(form.get('actionId') ?? '').slice(0, 80);
		const status = form.get('status') === 'done' ? 'done' : 'open';
		const result = await setActionStatus(user, id, status);
		if (!result.ok && result.reason === 'not-found') error(404, 'Niet gevonden');
		if (!result.ok) return result.reason === 'forbidden' ? forbidden() : fail(400);
		return { done: 'actionStatus' as const, id, status };
	}
};
