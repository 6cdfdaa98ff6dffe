import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { readJson, refusal, requireApiUser } from '$lib/server/http/api';
import { createThread, listThreads } from '$lib/server/services/comments';

/** The threads of one document this user may see (`?document=project:<id>`). */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireApiUser(locals);
	const result = await listThreads(user, (url.searchParams.get('document') ?? '').slice(0, 120));
	if (!result) return refusal('not-found');
	return json({ document: result.document.ref.name, threads: result.threads });
};

/** Starts a thread: `{ documentName, body, anchor?: { from, to }, quote?, visibility? }`. */
export const POST: RequestHandler = async ({ locals, request }) => {
	const user = requireApiUser(locals);
	const input = await readJson(request);
	const result = await createThread(user, { documentName: String(input.documentName ?? '').slice(0, 120), body: input.body, anchor: input.anchor, quote: input.quote, visibility: input.visibility });
	if (!result.ok) return refusal(result.reason);
	return json({ threadId: result.threadId, commentId: result.commentId }, { status: 201 });
};
