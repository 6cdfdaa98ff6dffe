import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { readInventoryQuery } from '$lib/domain/read-inventory-query';
import { requireUser } from '$lib/server/http/guard';
import { exportCsv, exportFilename } from '$lib/server/exports/inventory';
import { exportXlsx } from '$lib/server/exports/inventory-xlsx';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const download = (name: string) => ({ 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'private, no-store' });

/** The current view (the grid's URL parameters) as CSV or XLSX; all pages, only what the user may see. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const format = url.searchParams.get('formaat') ?? 'csv';
	const query = readInventoryQuery(url.searchParams);
	if (format === 'csv') {
		return new Response(await exportCsv(user, query), { headers: { 'content-type': 'text/csv; charset=utf-8', ...download(exportFilename('csv')) } });
	}
	if (format === 'xlsx') {
		return new Response(new Uint8Array(await exportXlsx(user, query)), { headers: { 'content-type': XLSX_TYPE, ...download(exportFilename('xlsx')) } });
	}
	error(400, 'Onbekend exportformaat: kies csv of xlsx.');
};
