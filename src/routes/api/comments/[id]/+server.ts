import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { readJson, refusal, requireApiUser } from '$lib/server/http/api';
import { deleteComment, editComment } from '$lib/server/services/comments';

/** Edit an own comment: `{ body }` (shown as "bewerkt"). */
export const PATCH: RequestHandler = async ({ locals, request, params }) => {
	const user = requireApiUser(locals);
	const input = await readJson(request);
	const result = await editComment(user, params.id, input.body);
	if (!result.ok) return refusal(result.reason);
	return json({ threadId: result.threadId, commentId: result.commentId });
};

export const DELETE: RequestHandler = async ({ locals, params }) => {
	const user = requireApiUser(locals);
	const result = await deleteComment(user, params.id);
	if (!result.ok) return refusal(result.reason);
	return json({ threadId: result.threadId, threadDeleted: result.threadDeleted });
};
