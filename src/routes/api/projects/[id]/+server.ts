import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiProjectDetail } from '$lib/server/api/presenter';

/** One project with description and links; unknown and invisible projects are both 404. */
export const GET: RequestHandler = async ({ locals, params }) => {
	if (!locals.user) error(401, 'Niet ingelogd');
	const project = await apiProjectDetail(locals.user, params.id.slice(0, 100));
	if (!project) error(404, 'Niet gevonden');
	return json(project);
};
