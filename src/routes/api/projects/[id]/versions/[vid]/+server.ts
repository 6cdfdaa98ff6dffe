import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { documentName } from '$lib/collab/documents';
import { apiVersionDetail } from '$lib/server/api/versions';

/** One version: its fields as typed and its text. */
export const GET: RequestHandler = async ({ locals, params }) => {
	if (!locals.user) error(401, 'Niet ingelogd');
	const version = await apiVersionDetail(locals.user, documentName.project(params.id.slice(0, 100)), params.vid);
	if (!version) error(404, 'Niet gevonden');
	return json(version);
};
