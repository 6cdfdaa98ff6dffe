import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/http/guard';
import { download, fileFormat, fileSafe } from '$lib/server/http/download';
import { projectVersionMarkdown, projectVersionPdf } from '$lib/server/exports/version-exports';

/** One version of a project as Markdown or PDF; invisible projects and unknown versions are 404. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const format = fileFormat(url, ['md', 'pdf']);
	const id = params.id.slice(0, 100);
	const file =
		format === 'pdf' ? await projectVersionPdf(user, id, params.vid).then((r) => r && { code: r.code, body: new Uint8Array(r.pdf) }) : await projectVersionMarkdown(user, id, params.vid).then((r) => r && { code: r.code, body: r.markdown });
	if (!file) error(404, 'Niet gevonden');
	return download(file.body, format, `${fileSafe(file.code)}-versie.${format}`);
};
