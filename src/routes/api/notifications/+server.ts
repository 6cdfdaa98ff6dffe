import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { readJson, refusal, requireApiUser } from '$lib/server/http/api';
import { listNotifications, markRead, unreadCount } from '$lib/server/services/notifications';

/** The inbox: `?alleen=aantal` gives only the unread count (the header badge). */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireApiUser(locals);
	const unread = await unreadCount(user.userId);
	if (url.searchParams.get('alleen') === 'aantal') return json({ unread });
	return json({ unread, items: await listNotifications(user) });
};

/** Mark read: `{ read: [ids] }` or `{ read: "all" }`. */
export const POST: RequestHandler = async ({ locals, request }) => {
	const user = requireApiUser(locals);
	const input = await readJson(request);
	const ids = input.read === 'all' ? 'all' : Array.isArray(input.read) ? input.read.filter((id): id is string => typeof id === 'string') : null;
	if (!ids) return refusal('bad-request');
	const changed = await markRead(user, ids);
	return json({ changed, unread: await unreadCount(user.userId) });
};
