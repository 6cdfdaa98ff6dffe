import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/guard';
import { projectMarkdown } from '$lib/server/services/exports-markdown';

/** One project as Markdown (fields, description, links, timeline); invisible projects are 404. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const format = url.searchParams.get('formaat') ?? 'md';
	if (format !== 'md') error(400, 'Onbekend exportformaat: kies md.');
	const result = await projectMarkdown(user, params.id.slice(0, 100));
	if (!result) error(404, 'Niet gevonden');
	return new Response(result.markdown, {
		headers: { 'content-type': 'text/markdown; charset=utf-8', 'content-disposition': `attachment; filename="${result.code.replace(/[^A-Za-z0-9-]/g, '')}.md"`, 'cache-control': 'private, no-store' }
	});
};
