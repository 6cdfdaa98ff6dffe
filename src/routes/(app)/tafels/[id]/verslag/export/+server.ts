import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/http/guard';
import { getMinutes } from '$lib/server/services/tafels-minutes';
import { minutesMarkdown } from '$lib/server/exports/minutes-markdown';
import { minutesPdf } from '$lib/server/exports/minutes-pdf';
import { minutesDocx } from '$lib/server/exports/minutes-docx';
import { minutesFileName } from '$lib/server/exports/minutes-text';

const TYPES = { md: 'text/markdown; charset=utf-8', pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } as const;

/** The minutes as Markdown, PDF or DOCX; `openbaar=1` for the public (Woo) variant. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const format = url.searchParams.get('formaat') ?? 'md';
	if (!(format in TYPES)) error(400, 'Onbekend exportformaat: kies md, pdf of docx.');
	const minutes = await getMinutes(user, params.id, { public: url.searchParams.get('openbaar') === '1' });
	if (!minutes) error(404, 'Niet gevonden');
	const kind = format as keyof typeof TYPES;
	const body = kind === 'md' ? minutesMarkdown(minutes) : new Uint8Array(kind === 'pdf' ? await minutesPdf(minutes) : await minutesDocx(minutes));
	return new Response(body, { headers: { 'content-type': TYPES[kind], 'content-disposition': `attachment; filename="${minutesFileName(minutes, kind)}"`, 'cache-control': 'private, no-store' } });
};
