import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { can } from '$lib/domain/permissions';
import { forbidden, requireUser } from '$lib/server/http/guard';
import { createProject } from '$lib/server/services/projects';

export const load: PageServerLoad = ({ locals, url }) => {
	if (!can(requireUser(locals, url), 'edit', { kind: 'inventory' })) forbidden();
	return {};
};

/** What the form sends, kept as typed so a refused form comes back filled in. */
function readForm(form: FormData) {
	const text = (name: string) => String(form.get(name) ?? '').slice(0, 5000);
	return {
		title: text('title'),
		summary: text('summary'),
		status: text('status') || 'idee',
		themeId: text('themeId'),
		provinces: form.getAll('provinces').map(String).slice(0, 20)
	};
}

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		const values = readForm(await request.formData());
		const result = await createProject(requireUser(locals, url), values);
		if (!result.ok && result.reason === 'forbidden') forbidden();
		if (!result.ok) return fail(400, { errors: result.reason === 'invalid' ? result.errors : {}, values });
		redirect(303, `/projecten/${result.id}`);
	}
};
