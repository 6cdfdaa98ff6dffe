import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { readJson, refusal, requireApiUser } from '$lib/server/http/api';
import { reply } from '$lib/server/services/comments';

/** A reply: `{ body }`. */
export const POST: RequestHandler = async ({ locals, request, params }) => {
	const user = requireApiUser(locals);
	const input = await readJson(request);
	const result = await reply(user, params.id, input.body);
	if (!result.ok) return refusal(result.reason);
	return json({ threadId: result.threadId, commentId: result.commentId }, { status: 201 });
};
