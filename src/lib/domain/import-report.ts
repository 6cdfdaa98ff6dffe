/**
 * The row-by-row verdict of an import: each data row read through the mapping, checked
 * with `validateProject` (the form's and the server's rules, nothing added), then
 * compared by title with the importer's existing projects and the rows above it.
 */
import { validateProject, type CrossProblem, type FieldKey, type FieldProblem, type ProjectFields } from './project.ts';
import { readCell, type Cell } from './import-values.ts';
import type { Target } from './import-mapping.ts';

/** A data row with its number as the spreadsheet shows it (the header is row 1 or later). */
export interface SheetRow {
	n: number;
	cells: Cell[];
}

export interface RowProblem {
	field: FieldKey;
	/** Column index in the file, -1 when the field had no column (a rule between fields). */
	column: number;
	problem: FieldProblem | CrossProblem;
	/** List entries that matched no id or name. */
	unknown?: string[];
}

export type DuplicateOf = { kind: 'existing'; id: string; code: string } | { kind: 'row'; n: number };

export type RowResult =
	| { n: number; title: string; status: 'accepted'; fields: ProjectFields }
	| { n: number; title: string; status: 'rejected'; problems: RowProblem[] }
	| { n: number; title: string; status: 'duplicate'; of: DuplicateOf };

/** Titles compare case-insensitively, trimmed, with runs of spaces as one. */
export function titleKey(title: string): string {
	return title.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
}

/** Reads one row through the mapping and validates it. */
export function checkRow(row: SheetRow, targets: Target[]): { ok: true; fields: ProjectFields } | { ok: false; problems: RowProblem[] } {
	const input: Partial<Record<FieldKey, unknown>> = {};
	const unknown = new Map<FieldKey, string[]>();
	targets.forEach((key, column) => {
		if (!key) return;
		const read = readCell(key, row.cells[column] ?? null);
		input[key] = read.value;
		if (read.unknown) unknown.set(key, read.unknown);
	});
	const result = validateProject(input);
	if (result.ok) return { ok: true, fields: result.fields };
	const problems = (Object.entries(result.errors) as [FieldKey, FieldProblem | CrossProblem][]).map(([field, problem]) => ({
		field,
		column: targets.indexOf(field),
		problem,
		...(problem === 'not-in-list' && unknown.has(field) ? { unknown: unknown.get(field) } : {})
	}));
	return { ok: false, problems: problems.sort(byColumn) };
}

/** Reasons in the order of the file's columns, as the user reads the row; rules without a column last. */
function byColumn(a: RowProblem, b: RowProblem): number {
	const rank = (p: RowProblem) => (p.column < 0 ? Number.MAX_SAFE_INTEGER : p.column);
	return rank(a) - rank(b);
}

const shownTitle = (row: SheetRow, targets: Target[]): string => {
	const cell = row.cells[targets.indexOf('title')];
	return cell === null || cell === undefined ? '' : String(cell).trim().slice(0, 200);
};

/**
 * Verdicts for all rows. `existing` maps titleKey → a project of the importer's
 * organisation with that title; a later row with the title of an accepted earlier row
 * is a duplicate of that row.
 */
export function checkRows(rows: SheetRow[], targets: Target[], existing: Map<string, { id: string; code: string }>): RowResult[] {
	const seen = new Map<string, number>();
	return rows.map((row): RowResult => {
		const title = shownTitle(row, targets);
		const checked = checkRow(row, targets);
		if (!checked.ok) return { n: row.n, title, status: 'rejected', problems: checked.problems };
		const key = titleKey(checked.fields.title);
		const project = existing.get(key);
		if (project) return { n: row.n, title, status: 'duplicate', of: { kind: 'existing', id: project.id, code: project.code } };
		const earlier = seen.get(key);
		if (earlier !== undefined) return { n: row.n, title, status: 'duplicate', of: { kind: 'row', n: earlier } };
		seen.set(key, row.n);
		return { n: row.n, title, status: 'accepted', fields: checked.fields };
	});
}

export interface ReportCounts {
	rows: number;
	accepted: number;
	rejected: number;
	duplicate: number;
}

export function countResults(results: RowResult[]): ReportCounts {
	const counts: ReportCounts = { rows: results.length, accepted: 0, rejected: 0, duplicate: 0 };
	for (const r of results) counts[r.status]++;
	return counts;
}

/**
 * What the user confirmed: the rows that were to be imported. When confirming finds a
 * different set (someone added a project with one of these titles meanwhile), the user
 * sees the new report instead of an import they did not agree to.
 */
export function acceptedFingerprint(results: RowResult[]): string {
	const rows = results.filter((r) => r.status === 'accepted').map((r) => r.n);
	return `${rows.length}:${rows.reduce((h, n) => (Math.imul(h, 31) + n) | 0, 7) >>> 0}`;
}
