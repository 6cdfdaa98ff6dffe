import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { can } from '$lib/domain/permissions';
import { forbidden, requireUser } from '$lib/server/http/guard';
import { readTafelForm } from '$lib/server/http/tafel-form';
import { createTafel, inviteOptions } from '$lib/server/services/tafels';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!can(requireUser(locals, url), 'edit', { kind: 'tafels' })) forbidden();
	return { organisations: await inviteOptions() };
};

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		const values = readTafelForm(await request.formData());
		const result = await createTafel(requireUser(locals, url), values);
		if (!result.ok && result.reason !== 'invalid') forbidden();
		if (!result.ok) return fail(400, { errors: result.errors, values: { ...values, people: values.people.join(', ') } });
		redirect(303, `/tafels/${result.id}?nieuw`);
	}
};
