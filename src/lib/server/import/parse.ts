/**
 * Reads an uploaded spreadsheet into a header row and data rows of plain cells. CSV
 * (UTF-8 with or without BOM, Windows-1252 from older Excel, ";" "," or tab detected)
 * and XLSX (first worksheet with content, read as a stream so a huge sheet stops at the
 * row limit instead of filling memory; inflated once by the bomb guard first, at most
 * two at a time). Everything refused is a reason, never a throw.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { parse as parseCsv, CsvError } from 'csv-parse/sync';
import type { Cell } from '../../domain/import-values.ts';
import type { SheetRow } from '../../domain/import-report.ts';
import { checkInflation, XLSX_MAX_INFLATED } from './inflate.ts';

export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 10_000;
export const IMPORT_MAX_COLUMNS = 200;
/** Excel's own limit for the text of one cell. */
export const IMPORT_MAX_CELL_CHARS = 32_767;
/** XLSX files read at once in this process; more wait their turn (bounded memory under a burst). */
const XLSX_PARALLEL = 2;

export interface ParsedSheet {
	format: 'csv' | 'xlsx';
	headers: string[];
	rows: SheetRow[];
}

export type ParseFailure = 'empty' | 'too-large' | 'inflated-too-large' | 'cell-too-large' | 'too-many-rows' | 'too-many-columns' | 'wrong-type' | 'old-excel' | 'corrupt' | 'bad-csv';
export type ParseResult = { ok: true; sheet: ParsedSheet } | { ok: false; reason: ParseFailure; line?: number };

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // .xls and other pre-2007 Office files

/** Decides by content first (a renamed file still works), then by name. */
export async function parseSpreadsheet(fileName: string, bytes: Uint8Array): Promise<ParseResult> {
	if (bytes.length === 0) return { ok: false, reason: 'empty' };
	if (bytes.length > IMPORT_MAX_BYTES) return { ok: false, reason: 'too-large' };
	if (startsWith(bytes, ZIP)) return parseXlsx(bytes);
	if (startsWith(bytes, OLE)) return { ok: false, reason: 'old-excel' };
	if (!/\.(csv|txt|tsv)$/i.test(fileName)) return { ok: false, reason: 'wrong-type' };
	return parseDelimited(bytes);
}

/** Plain cells with the header and data rows split off; too wide or too long is refused. */
function toSheet(format: ParsedSheet['format'], numbered: SheetRow[]): ParseResult {
	const filled = numbered.filter((r) => r.cells.some((c) => c !== null && c !== ''));
	if (filled.length === 0) return { ok: false, reason: 'empty' };
	if (filled.some((r) => r.cells.some((c) => typeof c === 'string' && c.length > IMPORT_MAX_CELL_CHARS))) return { ok: false, reason: 'cell-too-large' };
	const width = Math.max(...filled.map((r) => r.cells.findLastIndex((c) => c !== null && c !== '') + 1));
	if (width > IMPORT_MAX_COLUMNS) return { ok: false, reason: 'too-many-columns' };
	const [header, ...rows] = filled;
	if (rows.length > IMPORT_MAX_ROWS) return { ok: false, reason: 'too-many-rows' };
	const headers = Array.from({ length: width }, (_, i) => String(header.cells[i] ?? '').trim());
	return { ok: true, sheet: { format, headers, rows: rows.map((r) => ({ n: r.n, cells: Array.from({ length: width }, (_, i) => r.cells[i] ?? null) })) } };
}

// ---------------------------------------------------------------- CSV

function decode(bytes: Uint8Array): string | null {
	if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes);
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		// Older Dutch Excel saves "CSV (gescheiden door lijstscheidingsteken)" in Windows-1252.
		return new TextDecoder('windows-1252').decode(bytes);
	}
}

/** The separator that occurs most in the first line outside quotes; Dutch Excel's ";" wins a tie. */
export function detectDelimiter(text: string): string {
	const counts: Record<string, number> = { ';': 0, ',': 0, '\t': 0 };
	let quoted = false;
	for (const ch of text.slice(0, 64 * 1024)) {
		if (ch === '"') quoted = !quoted;
		else if (!quoted && (ch === '\n' || ch === '\r')) break;
		else if (!quoted && ch in counts) counts[ch]++;
	}
	return Object.entries(counts).reduce((best, entry) => (entry[1] > best[1] ? entry : best), [';', 0] as [string, number])[0];
}

// The export writes "'=…" so Excel does not run it; reading it back takes the guard off.
const unguard = (text: string) => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

function parseDelimited(bytes: Uint8Array): ParseResult {
	const text = decode(bytes);
	if (text === null || text.includes('\u0000')) return { ok: false, reason: 'wrong-type' };
	let records: string[][];
	try {
		records = parseCsv(text, { delimiter: detectDelimiter(text), bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
	} catch (err) {
		if (err instanceof CsvError) return { ok: false, reason: 'bad-csv', line: (err as CsvError & { lines?: number }).lines };
		throw err;
	}
	// Row numbers count records, as a spreadsheet program shows them.
	return toSheet('csv', records.map((cells, i) => ({ n: i + 1, cells: cells.map((c) => unguard(c.trim()) || null) })));
}

// ---------------------------------------------------------------- XLSX

/** Sum of the uncompressed sizes in the zip's central directory; null when it cannot be read. */
export function unpackedSize(bytes: Uint8Array): number | null {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let end = -1;
	for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
		if (view.getUint32(i, true) === 0x06054b50) {
			end = i;
			break;
		}
	}
	if (end < 0) return null;
	const entries = view.getUint16(end + 10, true);
	let offset = view.getUint32(end + 16, true);
	let total = 0;
	for (let n = 0; n < entries; n++) {
		if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
		const size = view.getUint32(offset + 24, true);
		if (size === 0xffffffff) return Infinity; // zip64: far beyond any project list
		total += size;
		offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
	}
	return total;
}

type ExcelValue = ExcelJS.CellValue | { richText: { text: string }[] } | undefined;

/** An exceljs cell value as text or number: formulas give their result, dates "jjjj-mm-dd". */
export function plainCell(value: ExcelValue): Cell {
	if (value === null || value === undefined) return null;
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (typeof value === 'string') return value.trim() || null;
	if (typeof value === 'boolean') return value ? 'ja' : 'nee';
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
	if ('richText' in value) return value.richText.map((r) => r.text).join('').trim() || null;
	if ('result' in value) return plainCell(value.result as ExcelValue);
	if ('text' in value && typeof value.text === 'string') return value.text.trim() || null;
	return null; // an error value such as #N/A, or a shared formula without a result
}

let reading = 0;
const waiting: (() => void)[] = [];

/** Runs `read` when one of the XLSX_PARALLEL places is free; a finished read hands its place on. */
async function inTurn<T>(read: () => Promise<T>): Promise<T> {
	if (reading < XLSX_PARALLEL) reading++;
	else await new Promise<void>((resolve) => waiting.push(resolve));
	try {
		return await read();
	} finally {
		const next = waiting.shift();
		if (next) next();
		else reading--;
	}
}

async function parseXlsx(bytes: Uint8Array): Promise<ParseResult> {
	const unpacked = unpackedSize(bytes);
	if (unpacked === null) return { ok: false, reason: 'corrupt' };
	// Declared sizes are a cheap first refusal only: they can lie, so the guard counts what comes out.
	if (unpacked > XLSX_MAX_INFLATED) return { ok: false, reason: 'inflated-too-large' };
	return inTurn(async () => {
		const verdict = await checkInflation(bytes);
		return verdict === 'ok' ? readWorkbook(bytes) : { ok: false, reason: verdict };
	});
}

async function readWorkbook(bytes: Uint8Array): Promise<ParseResult> {
	try {
		const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)), {
			sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore'
		});
		for await (const worksheet of reader) {
			const rows: SheetRow[] = [];
			let filled = 0;
			for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
				// row.values is sparse and 1-based; Array.from turns its holes into empty cells.
				const cells = Array.from((row.values as ExcelValue[]).slice(1, IMPORT_MAX_COLUMNS + 2), plainCell);
				if (!cells.some((c) => c !== null)) continue;
				rows.push({ n: row.number, cells });
				// Header + limit + one more is enough to say "too many"; stop reading there.
				if (++filled > IMPORT_MAX_ROWS + 1) return { ok: false, reason: 'too-many-rows' };
			}
			if (rows.length) return toSheet('xlsx', rows);
		}
		return { ok: false, reason: 'empty' };
	} catch {
		return { ok: false, reason: 'corrupt' };
	}
}
