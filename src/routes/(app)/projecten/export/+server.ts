import type { RequestHandler } from './$types';
import { readInventoryQuery } from '$lib/domain/read-inventory-query';
import { requireUser } from '$lib/server/http/guard';
import { download, fileFormat } from '$lib/server/http/download';
import { exportCsv, exportFilename } from '$lib/server/exports/inventory';
import { exportXlsx } from '$lib/server/exports/inventory-xlsx';

/** The current view (the grid's URL parameters) as CSV or XLSX; all pages, only what the user may see. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const format = fileFormat(url, ['csv', 'xlsx']);
	const query = readInventoryQuery(url.searchParams);
	const body = format === 'csv' ? await exportCsv(user, query) : new Uint8Array(await exportXlsx(user, query));
	return download(body, format, exportFilename(format));
};
