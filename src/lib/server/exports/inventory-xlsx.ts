/** The current inventory view as an Excel workbook: typed cells, a frozen bold header, a filter row. */
import ExcelJS from 'exceljs';
import type { Actor } from '../../domain/permissions.ts';
import type { InventoryQuery } from '../../domain/inventory-query.ts';
import { dutch, exportColumns, exportRows, type ExportColumn } from './inventory.ts';

const EURO_FORMAT = '"€" #,##0';
const WIDTH: Record<ExportColumn['kind'], number> = { text: 28, money: 16, number: 10, date: 12 };

export async function exportXlsx(actor: Actor, query: InventoryQuery): Promise<Buffer> {
	const columns = exportColumns();
	const rows = await exportRows(actor, query);
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Tafel';
	workbook.created = new Date();
	const sheet = workbook.addWorksheet(dutch('nav_projects'), { views: [{ state: 'frozen', ySplit: 1 }] });
	sheet.columns = columns.map((c) => ({ header: c.header, width: WIDTH[c.kind], style: c.kind === 'money' ? { numFmt: EURO_FORMAT } : {} }));
	sheet.getRow(1).font = { bold: true };
	// Plain values only: exceljs writes a string as text, so a title like "=1+1" stays text.
	for (const row of rows) sheet.addRow(columns.map((c) => c.value(row) ?? ''));
	sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
