import { accessPath } from '$lib/domain/account';
import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/http/guard';
import { changeUser, invite, issuePasswordReset, listUsers } from '$lib/server/services/users';
import { listOrganisations } from '$lib/server/services/organisations';
import { httpStatus } from '$lib/domain/errors';

export const load: PageServerLoad = async ({ locals, url }) => {
	const result = await listUsers(requireUser(locals, url));
	if (!result.ok) error(403, 'Geen toegang');
	const organisations = (await listOrganisations()).map((o) => ({ id: o.id, name: o.name }));
	return { users: result.users, organisations };
};

const field = (form: FormData, name: string) => String(form.get(name) ?? '');

export const actions: Actions = {
	invite: async ({ locals, url, request }) => {
		const form = await request.formData();
		const input = { name: field(form, 'name'), email: field(form, 'email'), organisationId: field(form, 'organisationId'), role: field(form, 'role') };
		const result = await invite(requireUser(locals, url), input);
		if (!result.ok) return fail(httpStatus(result.reason), { action: 'invite', reason: result.reason, values: input });
		return { action: 'invite', name: input.name, link: url.origin + accessPath(result.token), expiresAt: result.expiresAt };
	},
	role: async ({ locals, url, request }) => {
		const form = await request.formData();
		const result = await changeUser(requireUser(locals, url), field(form, 'userId'), { role: field(form, 'role') });
		if (!result.ok) return fail(httpStatus(result.reason), { action: 'change', reason: result.reason });
		return { action: 'role', name: field(form, 'name'), role: field(form, 'role') };
	},
	active: async ({ locals, url, request }) => {
		const form = await request.formData();
		const active = field(form, 'active') === 'true';
		const result = await changeUser(requireUser(locals, url), field(form, 'userId'), { active });
		if (!result.ok) return fail(httpStatus(result.reason), { action: 'change', reason: result.reason });
		return { action: active ? 'activated' : 'deactivated', name: field(form, 'name') };
	},
	reset: async ({ locals, url, request }) => {
		const form = await request.formData();
		const result = await issuePasswordReset(requireUser(locals, url), field(form, 'userId'));
		if (!result.ok) return fail(httpStatus(result.reason), { action: 'change', reason: result.reason });
		return { action: 'reset', name: field(form, 'name'), link: url.origin + accessPath(result.token), expiresAt: result.expiresAt };
	}
};
