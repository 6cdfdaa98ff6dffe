import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { can } from '$lib/domain/permissions';
import { requireUser } from '$lib/server/http/guard';
import { ORGANISATION_TYPES, createOrganisation, listOrganisationsWithCounts, updateOrganisation } from '$lib/server/services/organisations';
import { httpStatus } from '$lib/domain/errors';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!can(requireUser(locals, url), 'manage', { kind: 'organisations' })) error(403, 'Geen toegang');
	return { organisations: await listOrganisationsWithCounts(), types: ORGANISATION_TYPES };
};

function input(form: FormData) {
	return {
		name: String(form.get('name') ?? ''),
		abbreviation: String(form.get('abbreviation') ?? ''),
		type: String(form.get('type') ?? ''),
		active: form.get('active') === 'on'
	};
}

export const actions: Actions = {
	create: async ({ locals, url, request }) => {
		const values = { ...input(await request.formData()), active: true };
		const result = await createOrganisation(requireUser(locals, url), values);
		if (!result.ok) return fail(httpStatus(result.reason), { action: 'create', reason: result.reason, values });
		return { action: 'create', name: values.name };
	},
	update: async ({ locals, url, request }) => {
		const form = await request.formData();
		const id = String(form.get('id') ?? '');
		const values = input(form);
		const result = await updateOrganisation(requireUser(locals, url), id, values);
		if (!result.ok) return fail(httpStatus(result.reason), { action: 'update', id, reason: result.reason, values });
		return { action: 'update', name: values.name };
	}
};
