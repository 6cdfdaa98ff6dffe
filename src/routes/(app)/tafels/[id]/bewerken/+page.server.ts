import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { instantToAmsterdam } from '$lib/domain/tafel';
import { forbidden, requireUser } from '$lib/server/http/guard';
import { readTafelForm } from '$lib/server/http/tafel-form';
import { inviteOptions, tafelForEdit, updateTafel } from '$lib/server/services/tafels';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const found = await tafelForEdit(requireUser(locals, url), params.id);
	if (!found) error(404, 'Niet gevonden');
	const r = found.row;
	const when = instantToAmsterdam(r.startsAt);
	return {
		id: r.id,
		organisations: await inviteOptions(),
		stored: { title: r.title, ...when, durationMinutes: String(r.durationMinutes), place: r.place, onlineLink: r.onlineLink, description: r.description, themeId: r.themeId, series: r.series, organisationIds: found.organisationIds, people: found.people.join(', ') }
	};
};

export const actions: Actions = {
	default: async ({ locals, url, request, params }) => {
		const values = readTafelForm(await request.formData());
		const result = await updateTafel(requireUser(locals, url), params.id, values);
		if (!result.ok && result.reason === 'not-found') error(404, 'Niet gevonden');
		if (!result.ok && result.reason === 'forbidden') forbidden();
		if (!result.ok) return fail(400, { errors: result.reason === 'invalid' ? result.errors : {}, values: { ...values, people: values.people.join(', ') } });
		redirect(303, `/tafels/${params.id}?bijgewerkt`);
	}
};
