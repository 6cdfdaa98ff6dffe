import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { forbidden, requireUser } from '$lib/server/http/guard';
import { finaliseMinutes, getMinutes } from '$lib/server/services/tafels-minutes';
import { documentName } from '$lib/collab/documents';

export const load: PageServerLoad = async ({ locals, url, params, depends }) => {
	const user = requireUser(locals, url);
	depends('app:minutes');
	const minutes = await getMinutes(user, params.id, { public: false });
	if (!minutes) error(404, 'Niet gevonden');
	return { minutes, docName: documentName.tafelNotes(params.id), organisationName: user.organisationName, closed: url.searchParams.has('gesloten') };
};

export const actions: Actions = {
	finalise: async ({ locals, url, params }) => {
		const user = requireUser(locals, url);
		const result = await finaliseMinutes(user, params.id);
		if (!result.ok && result.reason === 'not-found') error(404, 'Niet gevonden');
		if (!result.ok && result.reason === 'forbidden') forbidden();
		if (!result.ok) return fail(400, { problem: 'minutes-final' });
		return { done: 'finalise' as const };
	}
};
