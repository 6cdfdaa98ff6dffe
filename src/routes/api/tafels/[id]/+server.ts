import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiTafel } from '$lib/server/api/tafels';

/** One tafel with its agenda, decisions and actions; an unknown id is 404. */
export const GET: RequestHandler = async ({ locals, params }) => {
	if (!locals.user) error(401, 'Niet ingelogd');
	const tafel = await apiTafel(locals.user, params.id.slice(0, 100));
	if (!tafel) error(404, 'Niet gevonden');
	return json(tafel);
};
