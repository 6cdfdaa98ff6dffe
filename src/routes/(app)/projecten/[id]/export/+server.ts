import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/http/guard';
import { download, fileFormat, fileSafe } from '$lib/server/http/download';
import { projectMarkdown } from '$lib/server/exports/markdown';
import { projectPdf } from '$lib/server/exports/pdf';

/** One project as Markdown or PDF (fields, description, links, timeline); invisible projects are 404. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const format = fileFormat(url, ['md', 'pdf']);
	const id = params.id.slice(0, 100);
	const file = format === 'pdf' ? await projectPdf(user, id).then((r) => r && { code: r.code, body: new Uint8Array(r.pdf) }) : await projectMarkdown(user, id).then((r) => r && { code: r.code, body: r.markdown });
	if (!file) error(404, 'Niet gevonden');
	return download(file.body, format, `${fileSafe(file.code)}.${format}`);
};
