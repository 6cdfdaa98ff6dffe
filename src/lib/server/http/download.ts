/**
 * Files people download (exports of projects, versions, the inventory and minutes):
 * the format from `?formaat=`, and a response no shared cache keeps, with a file name
 * that cannot break out of its header.
 */
import { error } from '@sveltejs/kit';

const CONTENT_TYPES = {
	md: 'text/markdown; charset=utf-8',
	pdf: 'application/pdf',
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
} as const;

export type FileFormat = keyof typeof CONTENT_TYPES;

/** The format asked for (the first of `allowed` when none is); anything else is a 400 in Dutch that names the choices. */
export function fileFormat<F extends FileFormat>(url: URL, allowed: readonly [F, ...F[]]): F {
	const asked = url.searchParams.get('formaat') ?? allowed[0];
	const found = allowed.find((f) => f === asked);
	if (!found) error(400, `Onbekend exportformaat: kies ${allowed.slice(0, -1).join(', ')} of ${allowed[allowed.length - 1]}.`);
	return found;
}

/** Letters, digits and dashes of a code, for a file name. */
export const fileSafe = (code: string) => code.replace(/[^A-Za-z0-9-]/g, '');

export function download(body: string | Uint8Array<ArrayBuffer>, format: FileFormat, fileName: string): Response {
	return new Response(body, {
		headers: { 'content-type': CONTENT_TYPES[format], 'content-disposition': `attachment; filename="${fileName}"`, 'cache-control': 'private, no-store' }
	});
}
