import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { readJson, refusal, requireApiUser } from '$lib/server/http/api';
import { setResolved } from '$lib/server/services/comments';

/** Resolve or reopen: `{ resolved: true | false }`. */
export const PATCH: RequestHandler = async ({ locals, request, params }) => {
	const user = requireApiUser(locals);
	const input = await readJson(request);
	if (typeof input.resolved !== 'boolean') return refusal('bad-request');
	const result = await setResolved(user, params.id, input.resolved);
	if (!result.ok) return refusal(result.reason);
	return json({ threadId: result.threadId, resolved: input.resolved });
};
