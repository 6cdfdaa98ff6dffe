import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiTafelList } from '$lib/server/api/tafels';

/** "Mijn tafels" for integrations: invited ones, or all for facilitators and admins. */
export const GET: RequestHandler = async ({ locals }) => {
	if (!locals.user) error(401, 'Niet ingelogd');
	return json(await apiTafelList(locals.user));
};
