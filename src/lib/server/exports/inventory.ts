/**
 * Exports of the inventory as people open them in Dutch offices: the current view
 * (filters applied, all pages) as CSV or XLSX with Dutch headers. Authorised like the
 * grid: the rows come from listProjects, so concept projects of other organisations
 * never appear.
 */
import { stringify } from 'csv-stringify/sync';
import type { Actor } from '../../domain/permissions.ts';
import type { InventoryQuery } from '../../domain/inventory-query.ts';
import { FIELD_KEYS, type FieldKey } from '../../domain/project.ts';
import { fieldText as sharedFieldText, message } from '../../i18n/field-values.ts';
import { isoDay } from '../../i18n/time.ts';
import { listProjects, type ProjectListRow } from '../services/inventory.ts';

/** A message in Dutch whatever the user's language: exports are shared documents. */
export function dutch(key: string, inputs: Record<string, unknown> = {}): string {
	return message(key, 'nl', inputs);
}

export type Cell = string | number | null;
export interface ExportColumn {
	header: string;
	kind: 'text' | 'money' | 'number' | 'date';
	value(row: ProjectListRow): Cell;
}

/** The readable value of one field: labels instead of ids, lists joined with "; " (shared with the version diff). */
export const fieldText = (key: FieldKey, value: unknown): Cell => sharedFieldText(key, value, 'nl');

const KIND: Partial<Record<FieldKey, ExportColumn['kind']>> = { totalBudget: 'money', requestedAmount: 'money', cofinancing: 'money', trlCurrent: 'number', trlTarget: 'number' };

/** Code, owner and visibility first, then every field in form order, then the last change. */
export function exportColumns(): ExportColumn[] {
	const fields: ExportColumn[] = FIELD_KEYS.map((key) => ({ header: dutch(`field_${key}`), kind: KIND[key] ?? 'text', value: (row) => fieldText(key, row[key]) }));
	return [
		{ header: dutch('field_code'), kind: 'text', value: (row) => row.code },
		{ header: dutch('field_owner'), kind: 'text', value: (row) => row.ownerName },
		{ header: dutch('inventory_export_visibility'), kind: 'text', value: (row) => dutch(row.visibility === 'concept' ? 'concept_label' : 'inventory_export_platform') },
		{ header: dutch('inventory_export_demo'), kind: 'text', value: (row) => dutch(row.demo ? 'inventory_export_yes' : 'inventory_export_no') },
		...fields,
		{ header: dutch('field_updatedAt'), kind: 'date', value: (row) => isoDay(row.updatedAt) }
	];
}

/** `tafel-projecten-2026-05-01.csv`, dated in the Netherlands. */
export function exportFilename(extension: 'csv' | 'xlsx', now = new Date()): string {
	return `tafel-projecten-${isoDay(now)}.${extension}`;
}

/** Every row of the view, not just the page on screen. */
export async function exportRows(actor: Actor, query: InventoryQuery): Promise<ProjectListRow[]> {
	return (await listProjects(actor, query, { all: true })).rows;
}

// A cell starting like a formula would run in Excel when the CSV is opened.
const FORMULA_START = /^[=+\-@\t\r]/;
const safeText = (cell: Cell): Cell => (typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell);

/** UTF-8 with BOM and ";" between cells: what Dutch Excel opens without an import wizard. */
export async function exportCsv(actor: Actor, query: InventoryQuery): Promise<string> {
	const columns = exportColumns();
	const rows = await exportRows(actor, query);
	const body = stringify([columns.map((c) => c.header), ...rows.map((row) => columns.map((c) => safeText(c.value(row))))], { delimiter: ';', record_delimiter: 'windows' });
	return `\uFEFF${body}`;
}
