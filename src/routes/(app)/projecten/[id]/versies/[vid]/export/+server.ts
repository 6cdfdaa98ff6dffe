import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/http/guard';
import { projectVersionMarkdown } from '$lib/server/exports/markdown';
import { projectVersionPdf } from '$lib/server/exports/pdf';

const headers = (type: string, code: string, extension: string) => ({
	'content-type': type,
	'content-disposition': `attachment; filename="${code.replace(/[^A-Za-z0-9-]/g, '')}-versie.${extension}"`,
	'cache-control': 'private, no-store'
});

/** One version of a project as Markdown or PDF; invisible projects and unknown versions are 404. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const format = url.searchParams.get('formaat') ?? 'md';
	if (format !== 'md' && format !== 'pdf') error(400, 'Onbekend exportformaat: kies md of pdf.');
	const id = params.id.slice(0, 100);
	if (format === 'pdf') {
		const result = await projectVersionPdf(user, id, params.vid);
		if (!result) error(404, 'Niet gevonden');
		return new Response(new Uint8Array(result.pdf), { headers: headers('application/pdf', result.code, 'pdf') });
	}
	const result = await projectVersionMarkdown(user, id, params.vid);
	if (!result) error(404, 'Niet gevonden');
	return new Response(result.markdown, { headers: headers('text/markdown; charset=utf-8', result.code, 'md') });
};
