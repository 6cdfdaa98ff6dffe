import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { diffSequences, type Edit } from './sequence-diff.ts';

/** Replays the edits: the old sequence must come out as the new one, and "equal" must be equal. */
function replay(a: number[], b: number[], edits: Edit[]): number[] {
	const out: number[] = [];
	let [i, j] = [0, 0];
	for (const edit of edits) {
		expect(edit.a).toBe(i);
		expect(edit.b).toBe(j);
		if (edit.kind === 'equal') {
			expect(a.slice(i, i + edit.length)).toEqual(b.slice(j, j + edit.length));
			out.push(...a.slice(i, i + edit.length));
			[i, j] = [i + edit.length, j + edit.length];
		} else if (edit.kind === 'delete') i += edit.length;
		else {
			out.push(...b.slice(j, j + edit.length));
			j += edit.length;
		}
	}
	expect([i, j]).toEqual([a.length, b.length]);
	return out;
}

const kept = (edits: Edit[]) => edits.filter((e) => e.kind === 'equal').reduce((sum, e) => sum + e.length, 0);

/** The length of the longest common subsequence, the slow way. */
function lcs(a: number[], b: number[]): number {
	const row = new Array(b.length + 1).fill(0);
	for (const x of a) {
		let diagonal = 0;
		for (let j = 1; j <= b.length; j++) {
			const above = row[j];
			row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(row[j], row[j - 1]);
			diagonal = above;
		}
	}
	return row[b.length];
}

describe('the shortest edit between two sequences', () => {
	test('turns the old sequence into the new one, keeping as much as possible', () => {
		const seq = fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 40 });
		fc.assert(
			fc.property(seq, seq, (a, b) => {
				const edits = diffSequences(a, b);
				expect(replay(a, b, edits)).toEqual(b);
				expect(kept(edits)).toBe(lcs(a, b));
			}),
			{ numRuns: 500 }
		);
	});

	test('a small change puts deletions before insertions and keeps the rest', () => {
		expect(diffSequences([1, 2, 3, 4], [1, 5, 3, 4])).toEqual([
			{ kind: 'equal', a: 0, b: 0, length: 1 },
			{ kind: 'delete', a: 1, b: 1, length: 1 },
			{ kind: 'insert', a: 2, b: 1, length: 1 },
			{ kind: 'equal', a: 2, b: 2, length: 2 }
		]);
	});

	test('sequences too different for Myers are still diffed correctly, anchored on what occurs once', () => {
		const a = Array.from({ length: 6000 }, (_, i) => (i % 3 === 0 ? 100_000 + i : i % 7));
		const b = Array.from({ length: 6000 }, (_, i) => (i % 3 === 0 ? 100_000 + i : (i * 5) % 11));
		const started = performance.now();
		const edits = diffSequences(a, b);
		expect(performance.now() - started).toBeLessThan(3000);
		expect(replay(a, b, edits)).toEqual(b);
		// Every unique item (one in three) is found again.
		expect(kept(edits)).toBeGreaterThanOrEqual(2000);
	});
});
