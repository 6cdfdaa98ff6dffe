import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { documentName } from '$lib/collab/documents';
import { apiVersionList } from '$lib/server/api/versions';

/** A project's versions, newest first, paged (`?before=<next>`, `?kind=named,milestone`); authorised like the page. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	if (!locals.user) error(401, 'Niet ingelogd');
	const list = await apiVersionList(locals.user, documentName.project(params.id.slice(0, 100)), url.searchParams);
	if (!list) error(404, 'Niet gevonden');
	return json(list);
};
