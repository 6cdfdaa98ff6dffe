import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { eventStream } from '$lib/server/http/sse';

/** Live updates for open pages (Server-Sent Events), filtered by permission per event. */
export const GET: RequestHandler = ({ locals }) => {
	if (!locals.user) error(401, 'Niet ingelogd');
	return eventStream(locals.user);
};
