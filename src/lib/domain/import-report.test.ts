import { describe, expect, test } from 'vitest';
import { acceptedFingerprint, checkRows, countResults, titleKey, type SheetRow } from './import-report.ts';
import type { Target } from './import-mapping.ts';

const targets: Target[] = ['title', 'provinces', 'totalBudget', 'requestedAmount', ''];
const row = (n: number, ...cells: (string | number | null)[]): SheetRow => ({ n, cells });

describe('the row-by-row import report', () => {
	test('valid rows are accepted with ids and numbers; the unmapped column is ignored', () => {
		const [result] = checkRows([row(2, 'Waterstofhub Moerdijk', 'Noord-Brabant', '€ 1.250.000', 500_000, 'genegeerd')], targets, new Map());
		expect(result).toMatchObject({ n: 2, status: 'accepted', fields: { title: 'Waterstofhub Moerdijk', provinces: ['NL-NB'], totalBudget: 1_250_000, requestedAmount: 500_000, status: 'idee' } });
	});

	test('rejected rows name each field, its column, the problem and unknown values', () => {
		const [result] = checkRows([row(3, 'Kort', 'Atlantis', 'veel', 10)], targets, new Map());
		expect(result.status).toBe('rejected');
		if (result.status !== 'rejected') return;
		expect(result.problems).toEqual([
			{ field: 'title', column: 0, problem: 'too-short' },
			{ field: 'provinces', column: 1, problem: 'not-in-list', unknown: ['Atlantis'] },
			{ field: 'totalBudget', column: 2, problem: 'not-a-number' }
		]);
	});

	test('the reasons of a row follow the columns of the file, not the order of the form', () => {
		// Budget in column A, provinces in B, title in C: the form checks title first.
		const shuffled: Target[] = ['totalBudget', 'provinces', 'title'];
		const [result] = checkRows([row(7, 'veel', 'Atlantis', 'Kort')], shuffled, new Map());
		expect(result.status === 'rejected' && result.problems.map((p) => [p.column, p.field])).toEqual([
			[0, 'totalBudget'],
			[1, 'provinces'],
			[2, 'title']
		]);
	});

	test('the rules between fields of the form apply too', () => {
		const [result] = checkRows([row(4, 'Te veel gevraagd project', 'Utrecht', 100, 200)], targets, new Map());
		expect(result).toMatchObject({ status: 'rejected', problems: [{ field: 'requestedAmount', column: 3, problem: 'requested-exceeds-total' }] });
	});

	test('duplicates of existing projects and of earlier accepted rows, by title without case or spacing', () => {
		const existing = new Map([[titleKey('Bestaand  Project Noord'), { id: 'p-1', code: 'RIP-2026-0001' }]]);
		const results = checkRows(
			[row(2, ' bestaand project noord ', '', '', ''), row(3, 'Nieuw project Zuid', '', '', ''), row(4, 'NIEUW PROJECT ZUID', '', '', ''), row(5, 'Kort', '', '', ''), row(6, 'kort', '', '', '')],
			targets,
			existing
		);
		expect(results.map((r) => r.status)).toEqual(['duplicate', 'accepted', 'duplicate', 'rejected', 'rejected']);
		expect(results[0]).toMatchObject({ of: { kind: 'existing', code: 'RIP-2026-0001' } });
		expect(results[2]).toMatchObject({ of: { kind: 'row', n: 3 } });
		expect(countResults(results)).toEqual({ rows: 5, accepted: 1, rejected: 2, duplicate: 2 });
	});

	test('the fingerprint changes when the set of accepted rows changes', () => {
		const rows = [row(2, 'Eerste project hier', '', '', ''), row(3, 'Tweede project hier', '', '', '')];
		const before = acceptedFingerprint(checkRows(rows, targets, new Map()));
		const after = acceptedFingerprint(checkRows(rows, targets, new Map([[titleKey('Tweede project hier'), { id: 'p', code: 'c' }]])));
		expect(before).not.toBe(after);
		expect(acceptedFingerprint(checkRows(rows, targets, new Map()))).toBe(before);
	});
});
