import { describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import { detectDelimiter, parseSpreadsheet, unpackedSize } from './parse.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('reading uploaded spreadsheets', () => {
	test('CSV: BOM, ";" or "," detected, quoted separators and new lines kept, row numbers as a spreadsheet shows them', async () => {
		const result = await parseSpreadsheet('lijst.csv', bytes('\uFEFFTitel;Provincies\r\n"Kas, Westland";"Utrecht; Limburg"\r\n\r\n"Twee\nregels";NL-UT\r\n'));
		expect(result).toEqual({ ok: true, sheet: { format: 'csv', headers: ['Titel', 'Provincies'], rows: [{ n: 2, cells: ['Kas, Westland', 'Utrecht; Limburg'] }, { n: 4, cells: ['Twee\nregels', 'NL-UT'] }] } });
		expect(detectDelimiter('Titel,Provincie\n"a;b",c')).toBe(',');
		expect(detectDelimiter('Titel;Provincie')).toBe(';');
		expect(detectDelimiter('Titel\tProvincie')).toBe('\t');
	});

	test('CSV from older Excel in Windows-1252 and formulas the export guarded with an apostrophe', async () => {
		const latin = Uint8Array.from([...bytes('Titel;Samenvatting\r\nFrysl'), 0xe2, ...bytes("n project;'=1+1 formule\r\n")]);
		const result = await parseSpreadsheet('oud.csv', latin);
		expect(result.ok && result.sheet.rows[0].cells).toEqual(['Fryslân project', '=1+1 formule']);
	});

	test('refusals: empty, binary, unknown type, old .xls, broken quotes, broken zip, zip bomb', async () => {
		expect(await parseSpreadsheet('leeg.csv', new Uint8Array())).toEqual({ ok: false, reason: 'empty' });
		expect(await parseSpreadsheet('leeg.csv', bytes(';;\r\n\r\n'))).toEqual({ ok: false, reason: 'empty' });
		expect(await parseSpreadsheet('x.csv', Uint8Array.from([0x41, 0, 0x42]))).toEqual({ ok: false, reason: 'wrong-type' });
		expect(await parseSpreadsheet('x.pdf', bytes('%PDF-1.4'))).toEqual({ ok: false, reason: 'wrong-type' });
		expect(await parseSpreadsheet('x.xls', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).toEqual({ ok: false, reason: 'old-excel' });
		expect(await parseSpreadsheet('x.csv', bytes('Titel\n"nooit gesloten\n'))).toMatchObject({ ok: false, reason: 'bad-csv' });
		expect(await parseSpreadsheet('x.xlsx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toEqual({ ok: false, reason: 'corrupt' });
		// A central directory that claims one 4 GB entry.
		const bomb = new Uint8Array(4 + 46 + 22);
		const view = new DataView(bomb.buffer);
		bomb.set([0x50, 0x4b, 0x03, 0x04]);
		view.setUint32(4, 0x02014b50, true);
		view.setUint32(4 + 24, 0xfffffff0, true);
		view.setUint32(50, 0x06054b50, true);
		view.setUint16(50 + 10, 1, true);
		view.setUint32(50 + 16, 4, true);
		expect(unpackedSize(bomb)).toBe(0xfffffff0);
		expect(await parseSpreadsheet('bom.xlsx', bomb)).toEqual({ ok: false, reason: 'inflated-too-large' });
	});

	test('XLSX: first filled sheet, rich text, formula results, dates as jjjj-mm-dd, empty rows skipped', async () => {
		const workbook = new ExcelJS.Workbook();
		workbook.addWorksheet('Leeg');
		const sheet = workbook.addWorksheet('Projecten');
		sheet.addRow([]);
		sheet.addRow(['Titel', 'Begroting', 'Start']);
		sheet.addRow([{ richText: [{ text: 'Rijke ' }, { text: 'tekst' }] }, { formula: '2*3', result: 6 }, new Date(Date.UTC(2026, 2, 1))]);
		sheet.addRow([]);
		sheet.addRow(['Tweede project', 1250000, null]);
		const result = await parseSpreadsheet('lijst.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
		expect(result).toEqual({
			ok: true,
			sheet: { format: 'xlsx', headers: ['Titel', 'Begroting', 'Start'], rows: [{ n: 3, cells: ['Rijke tekst', 6, '2026-03-01'] }, { n: 5, cells: ['Tweede project', 1250000, null] }] }
		});
	});
});
