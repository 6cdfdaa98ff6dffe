import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser, safeReturnPath } from '$lib/server/http/guard';
import { getSettings, listNotifications, markRead, saveSettings } from '$lib/server/services/notifications';

export const load: PageServerLoad = async ({ locals, url, depends }) => {
	const user = requireUser(locals, url);
	depends('app:notifications');
	const [items, settings] = await Promise.all([listNotifications(user), getSettings(user.userId)]);
	return { items, settings };
};

export const actions: Actions = {
	/** Opening a notification marks it read and goes to the thread. */
	open: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const form = await request.formData();
		const id = String(form.get('id') ?? '');
		const items = await listNotifications(user);
		const item = items.find((n) => n.id === id);
		if (!item) return fail(404, { problem: 'not-found' as const });
		await markRead(user, [id]);
		redirect(303, safeReturnPath(item.href));
	},
	read: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		await markRead(user, [String((await request.formData()).get('id') ?? '')]);
		return { done: 'read' as const };
	},
	readAll: async ({ locals, url }) => {
		await markRead(requireUser(locals, url), 'all');
		return { done: 'read-all' as const };
	},
	settings: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const form = await request.formData();
		await saveSettings(user.userId, { mentions: form.has('mentions'), replies: form.has('replies'), organisationProjects: form.has('organisationProjects') });
		return { done: 'settings' as const };
	}
};
