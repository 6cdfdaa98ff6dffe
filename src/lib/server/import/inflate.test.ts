import { describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import { xlsxBomb } from '../../../../tests/support/xlsx-bomb.ts';
import { checkInflation } from './inflate.ts';

const small = { maxInflated: 1024 * 1024, maxRun: 64 * 1024 };

describe('the .xlsx bomb guard counts what is actually inflated', () => {
	test('an ordinary workbook passes', async () => {
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Projecten');
		sheet.addRow(['Titel', 'Begroting']);
		for (let i = 0; i < 200; i++) sheet.addRow([`Project ${i}`, i * 1000]);
		expect(await checkInflation(new Uint8Array(await workbook.xlsx.writeBuffer()), small)).toBe('ok');
	});

	test('many small cells past the byte limit, despite a small declared size', async () => {
		expect(await checkInflation(await xlsxBomb('many-cells', 4), small)).toBe('inflated-too-large');
	});

	test('one cell longer than the limit, even when the whole stays under the byte limit', async () => {
		expect(await checkInflation(await xlsxBomb('single-cell', 0.5), small)).toBe('cell-too-large');
	});

	test('a file that ends in the middle of an entry is corrupt, not a hang', async () => {
		const bomb = await xlsxBomb('many-cells', 1);
		expect(await checkInflation(bomb.slice(0, Math.floor(bomb.length / 2)), small)).toBe('corrupt');
	});
});
