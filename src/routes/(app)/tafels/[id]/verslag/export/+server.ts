import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/http/guard';
import { download, fileFormat } from '$lib/server/http/download';
import { getMinutes } from '$lib/server/services/tafels-minutes';
import { minutesMarkdown } from '$lib/server/exports/minutes-markdown';
import { minutesPdf } from '$lib/server/exports/minutes-pdf';
import { minutesDocx } from '$lib/server/exports/minutes-docx';
import { minutesFileName } from '$lib/server/exports/minutes-text';

/** The minutes as Markdown, PDF or DOCX; `openbaar=1` for the public (Woo) variant. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const format = fileFormat(url, ['md', 'pdf', 'docx']);
	const minutes = await getMinutes(user, params.id, { public: url.searchParams.get('openbaar') === '1' });
	if (!minutes) error(404, 'Niet gevonden');
	const body = format === 'md' ? minutesMarkdown(minutes) : new Uint8Array(format === 'pdf' ? await minutesPdf(minutes) : await minutesDocx(minutes));
	return download(body, format, minutesFileName(minutes, format));
};
