import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { xlsxBomb } from '../support/xlsx-bomb.ts';

const BRAM = 'lid.brabant@demo.tafel'; // member of Provincie Noord-Brabant

type Row = [title: string, provinces: string, theme: string, budget: number | string, status: string];
const HEADERS = ['Projectnaam', 'Provincies', 'Thema', 'Totale begroting (€)', 'Status'];
const GOOD: Row[] = [
	['E2E Waterstofknooppunt Moerdijk', 'Noord-Brabant', 'Energietransitie en duurzaamheid', 4_500_000, 'Verkenning'],
	['E2E Slimme kas Westland', 'Zuid-Holland; Noord-Brabant', 'Landbouw, water & voedsel', '€ 1.250.000', 'Idee'],
	['E2E Fotonica-lab Eindhoven', 'NL-NB', 'Sleuteltechnologieën', 800_000, 'idee']
];
const BROKEN: Row[] = [['Kort', 'Noord-Brabant', '', 100, ''], ['E2E Vergeten provincie', 'Brabantstad', '', 100, '']];
const FIXED: Row[] = [['E2E Kort maar nu lang genoeg', 'Noord-Brabant', '', 100, ''], ['E2E Vergeten provincie', 'Noord-Brabant', '', 100, '']];

/** Writes the spreadsheet the way a region would keep it: one sheet, a header row, typed cells. */
async function workbookFile(path: string, rows: Row[]): Promise<string> {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet('Projecten');
	sheet.addRow(HEADERS);
	for (const row of rows) sheet.addRow(row);
	await workbook.xlsx.writeFile(path);
	return path;
}

async function uploadFile(page: Page, path: string): Promise<void> {
	await page.getByLabel('Spreadsheet (CSV of XLSX)').setInputFiles(path);
	await page.getByRole('button', { name: 'Bestand uploaden' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Kolommen koppelen' })).toBeVisible();
}

/** The mapping step by keyboard only: focus the button and press Enter. */
async function continueByKeyboard(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Verder naar controle' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Controleren en bevestigen' })).toBeVisible();
}

test('import an XLSX with errors, read the report, fix the file, confirm, and find the projects in the grid', async ({ page, loginAs, newUserPage, expectAccessible }, testInfo) => {
	// Two browsers, four pages and five axe runs: more than the default minute on 2 busy cores.
	test.slow();
	await loginAs(page, BRAM);
	// A colleague's grid is open: the imported projects must appear there live.
	const colleague = await newUserPage(BRAM);
	await colleague.goto('/projecten');
	await expect(colleague.locator('form[data-enhanced]')).toBeVisible();

	await page.goto('/projecten');
	await page.getByRole('link', { name: 'Importeren' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Projecten importeren' })).toBeVisible();
	await expectAccessible(page);

	// 1. An upload with two broken rows.
	await uploadFile(page, await workbookFile(testInfo.outputPath('projecten-met-fouten.xlsx'), [...GOOD, ...BROKEN]));
	await expect(page.getByLabel('Kolom A: Projectnaam')).toHaveValue('title');
	await expect(page.getByLabel('Kolom B: Provincies')).toHaveValue('provinces');
	await expect(page.getByLabel('Kolom D: Totale begroting (€)')).toHaveValue('totalBudget');
	await expectAccessible(page);
	await continueByKeyboard(page);
	await expect(page.getByText('5 rijen: 3 worden geïmporteerd, 2 afgewezen, 0 dubbel')).toBeVisible();
	const rejected = page.getByRole('table');
	await expect(rejected.getByRole('row', { name: /Kort/ })).toContainText('Kolom A „Projectnaam” (veld Titel): Deze tekst is te kort.');
	await expect(rejected.getByRole('row', { name: /E2E Vergeten provincie/ })).toContainText('Niet herkend: „Brabantstad”.');
	await expect(rejected.getByRole('row', { name: /E2E Waterstofknooppunt/ })).toHaveCount(0);
	await expectAccessible(page);
	// The accepted rows are one keyboard press away.
	await page.getByRole('link', { name: 'Worden geïmporteerd (3)' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('table').getByRole('row', { name: /E2E Waterstofknooppunt Moerdijk/ })).toContainText('Wordt geïmporteerd');
	await expectAccessible(page);

	// 2. Nothing was imported; the fixed file goes in from step 1, with the remembered mapping.
	await page.getByRole('link', { name: 'Stap 1 van 3: Bestand kiezen' }).click();
	await uploadFile(page, await workbookFile(testInfo.outputPath('projecten-verbeterd.xlsx'), [...GOOD, ...FIXED]));
	await expect(page.getByText('De koppeling van uw vorige import met dezelfde kolommen is al ingevuld.')).toBeVisible();
	await continueByKeyboard(page);
	await expect(page.getByText('5 rijen: 5 worden geïmporteerd, 0 afgewezen, 0 dubbel')).toBeVisible();
	await expect(page.getByRole('radio', { name: /^Concept: alleen zichtbaar voor Provincie Noord-Brabant/ })).toBeChecked();
	await expectAccessible(page);

	// 3. Confirm (by keyboard): the summary, then the grid.
	await page.getByRole('button', { name: 'Bevestigen en importeren' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Import voltooid' })).toBeVisible();
	await expect(page.getByText('5 projecten zijn geïmporteerd als concept van Provincie Noord-Brabant.')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Bekijk de projecten in het overzicht' }).click();
	for (const title of ['E2E Waterstofknooppunt Moerdijk', 'E2E Slimme kas Westland', 'E2E Fotonica-lab Eindhoven', 'E2E Kort maar nu lang genoeg', 'E2E Vergeten provincie']) {
		await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible();
		await expect(colleague.getByRole('link', { name: title, exact: true })).toBeVisible();
	}
	await expectAccessible(page);

	// Uploading the same file again finds them all as duplicates.
	await page.goto('/projecten/import');
	await uploadFile(page, testInfo.outputPath('projecten-verbeterd.xlsx'));
	await continueByKeyboard(page);
	await expect(page.getByText('5 rijen: 0 worden geïmporteerd, 0 afgewezen, 5 dubbel')).toBeVisible();
	await expect(page.getByText('Er is geen rij die kan worden geïmporteerd.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Bevestigen en importeren' })).toHaveCount(0);
	await expectAccessible(page);
});

test('a wrong file type gets a Dutch error and an observer cannot open the import', async ({ page, loginAs, newUserPage, expectAccessible }, testInfo) => {
	await loginAs(page, BRAM);
	await page.goto('/projecten/import');
	const path = testInfo.outputPath('notities.pdf');
	await import('node:fs/promises').then((fs) => fs.writeFile(path, '%PDF-1.4 geen spreadsheet'));
	await page.getByLabel('Spreadsheet (CSV of XLSX)').setInputFiles(path);
	await page.getByRole('button', { name: 'Bestand uploaden' }).click();
	await expect(page.getByRole('alert')).toContainText('Dit bestandstype kan niet worden geïmporteerd.');
	await expect(page.getByRole('heading', { level: 1, name: 'Projecten importeren' })).toBeVisible();
	await expectAccessible(page);

	const observer = await newUserPage('waarnemer@demo.tafel');
	const response = await observer.goto('/projecten/import');
	expect(response?.status()).toBe(403);
	await observer.goto('/projecten');
	await expect(observer.getByRole('link', { name: 'Importeren' })).toHaveCount(0);
});

test('a spreadsheet bomb is refused in Dutch with focus on the file field, nothing is stored, and a normal upload right after works', async ({ page, loginAs, expectAccessible }, testInfo) => {
	await loginAs(page, BRAM);
	await page.goto('/projecten/import');
	const bomb = testInfo.outputPath('projecten.xlsx');
	// A few hundred kB whose sheet inflates to 200 MB of ordinary cells, its declared size a lie.
	await import('node:fs/promises').then(async (fs) => fs.writeFile(bomb, await xlsxBomb('many-cells', 200)));
	const field = page.getByLabel('Spreadsheet (CSV of XLSX)');
	await field.setInputFiles(bomb);
	await page.getByRole('button', { name: 'Bestand uploaden' }).click();
	const refusal = 'Het Excel-bestand pakt uit tot meer dan 64 MB aan gegevens.';
	await expect(page.getByRole('alert')).toContainText(refusal);
	// Focus returns to the field the error describes, so it is heard even if the alert's text did not change.
	await expect(field).toBeFocused();
	await expect(field).toHaveAccessibleDescription(new RegExp(`^${refusal}`));
	// Still step 1: nothing was stored as an upload to map, so nothing can be imported from it.
	await expect(page).toHaveURL(/\/projecten\/import$/);
	await expectAccessible(page);

	await uploadFile(page, await workbookFile(testInfo.outputPath('een-project.xlsx'), [GOOD[0]]));
	await expect(page.getByLabel('Kolom A: Projectnaam')).toHaveValue('title');
});
