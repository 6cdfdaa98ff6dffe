import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { readJson, refusal, requireApiUser } from '$lib/server/http/api';
import { liveResponse } from '$lib/server/http/tafel-live';
import { liveAction } from '$lib/server/services/tafel-live';
import { readLiveState } from '$lib/server/services/tafel-live-state';

/** The live state of a tafel as this reader may see it (their own dots, the facilitator's counts when they steer). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const user = requireApiUser(locals);
	const state = await readLiveState(user, params.id.slice(0, 100));
	return state ? json(state) : refusal('not-found');
};

/** One live action: `{ action: 'hand', up: true }`, `{ action: 'vote', votes: { <projectId>: 2 } }`, … (see README). */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	return liveResponse(await liveAction(user, params.id.slice(0, 100), await readJson(request, 16_000)));
};
