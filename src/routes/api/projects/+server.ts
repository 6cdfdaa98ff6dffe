import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { readInventoryQuery } from '$lib/domain/read-inventory-query';
import { apiProjectList } from '$lib/server/api/presenter';

/** The inventory for integrations: the grid's filters (URL parameters of /projecten), as JSON. */
export const GET: RequestHandler = async ({ locals, url }) => {
	if (!locals.user) error(401, 'Niet ingelogd');
	return json(await apiProjectList(locals.user, readInventoryQuery(url.searchParams)));
};
