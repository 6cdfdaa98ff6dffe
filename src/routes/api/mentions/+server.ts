import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireApiUser } from '$lib/server/http/api';
import { mentionCandidates } from '$lib/server/services/comments';

/** Autocomplete after "@": people and organisations by name. */
export const GET: RequestHandler = async ({ locals, url }) => {
	requireApiUser(locals);
	return json(await mentionCandidates(url.searchParams.get('q') ?? ''));
};
