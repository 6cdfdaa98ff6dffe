/**
 * The shortest edit between two sequences of numbers (interned words or blocks): Myers'
 * O(ND) algorithm for the usual case of few changes, and patience anchoring (items that
 * occur once on each side) when the sequences differ too much for Myers to stay cheap.
 * Both the block alignment and the word diff of the version diff use it.
 */

export type EditKind = 'equal' | 'delete' | 'insert';

/** A run of one kind: `a` is its start in the old sequence, `b` in the new one. */
export interface Edit {
	kind: EditKind;
	a: number;
	b: number;
	length: number;
}

// Myers keeps one row per edit step; past this many steps the rows cost more memory than
// the result is worth, and patience anchoring takes over.
const MAX_STEPS = 1200;
// Work bound (sequence length × steps) so a 1 MB document cannot stall the event loop.
const MAX_WORK = 20_000_000;

/**
 * How much comparing may still cost, shared by every comparison of one diff: a document
 * of many long changed paragraphs must not cost a full bound per paragraph. Once spent,
 * what is left is shown as replaced.
 */
export interface WorkBudget {
	work: number;
}

export const workBudget = (work = MAX_WORK): WorkBudget => ({ work });

/** The edits that turn `a` into `b`: equal runs and, between them, deletions before insertions. */
export function diffSequences(a: ArrayLike<number>, b: ArrayLike<number>, budget: WorkBudget = workBudget()): Edit[] {
	const edits: Edit[] = [];
	diffRange(a, 0, a.length, b, 0, b.length, edits, budget);
	return coalesce(edits);
}

function push(edits: Edit[], kind: EditKind, a: number, b: number, length: number): void {
	if (length > 0) edits.push({ kind, a, b, length });
}

function diffRange(a: ArrayLike<number>, aStart: number, aEnd: number, b: ArrayLike<number>, bStart: number, bEnd: number, edits: Edit[], budget: WorkBudget): void {
	let prefix = 0;
	while (aStart + prefix < aEnd && bStart + prefix < bEnd && a[aStart + prefix] === b[bStart + prefix]) prefix++;
	let suffix = 0;
	while (aEnd - suffix > aStart + prefix && bEnd - suffix > bStart + prefix && a[aEnd - 1 - suffix] === b[bEnd - 1 - suffix]) suffix++;
	push(edits, 'equal', aStart, bStart, prefix);
	const [a0, a1, b0, b1] = [aStart + prefix, aEnd - suffix, bStart + prefix, bEnd - suffix];
	if (a0 === a1 || b0 === b1) {
		push(edits, 'delete', a0, b0, a1 - a0);
		push(edits, 'insert', a1, b0, b1 - b0);
	} else if (!myers(a, a0, a1, b, b0, b1, edits, budget) && !patience(a, a0, a1, b, b0, b1, edits, budget)) {
		// Nothing in common that can be found cheaply: the whole middle was replaced.
		push(edits, 'delete', a0, b0, a1 - a0);
		push(edits, 'insert', a1, b0, b1 - b0);
	}
	push(edits, 'equal', a1, b1, suffix);
}

/** Myers' greedy forward search with a trace; false (and nothing written) when it would be too costly. */
function myers(a: ArrayLike<number>, a0: number, a1: number, b: ArrayLike<number>, b0: number, b1: number, edits: Edit[], budget: WorkBudget): boolean {
	const n = a1 - a0;
	const m = b1 - b0;
	const limit = Math.min(n + m, MAX_STEPS, Math.floor(Math.min(MAX_WORK, budget.work) / (n + m)));
	if (limit < 1) return false;
	const offset = limit + 1;
	const v = new Int32Array(2 * offset + 1);
	const trace: Int32Array[] = [];
	for (let d = 0; d <= limit; d++) {
		// Each step looks at every diagonal and may follow the sequences to their end.
		budget.work -= n + m;
		trace.push(v.slice(offset - d, offset + d + 1));
		for (let k = -d; k <= d; k += 2) {
			let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
			let y = x - k;
			while (x < n && y < m && a[a0 + x] === b[b0 + y]) {
				x++;
				y++;
			}
			v[offset + k] = x;
			if (x >= n && y >= m) {
				backtrack(trace, d, n, m, a0, b0, edits);
				return true;
			}
		}
	}
	return false;
}

/** Walks the trace back from (n, m) and writes the edits in order. */
function backtrack(trace: Int32Array[], steps: number, n: number, m: number, a0: number, b0: number, edits: Edit[]): void {
	const out: Edit[] = [];
	let x = n;
	let y = m;
	for (let d = steps; d > 0; d--) {
		// The furthest x of each diagonal k after step d - 1, stored from k = -d.
		const row = trace[d];
		const at = (k: number) => row[k + d];
		const k = x - y;
		const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
		const prevK = down ? k + 1 : k - 1;
		const prevX = at(prevK);
		const prevY = prevX - prevK;
		const startX = down ? prevX : prevX + 1;
		const startY = startX - k;
		if (x > startX) out.push({ kind: 'equal', a: a0 + startX, b: b0 + startY, length: x - startX });
		if (down) out.push({ kind: 'insert', a: a0 + prevX, b: b0 + prevY, length: 1 });
		else out.push({ kind: 'delete', a: a0 + prevX, b: b0 + prevY, length: 1 });
		x = prevX;
		y = prevY;
	}
	if (x > 0) out.push({ kind: 'equal', a: a0, b: b0, length: x });
	for (let i = out.length - 1; i >= 0; i--) edits.push(out[i]);
}

/**
 * Anchors on items that occur exactly once on both sides, in the longest order they
 * share, and diffs the stretches between them. False when there is no such item.
 */
function patience(a: ArrayLike<number>, a0: number, a1: number, b: ArrayLike<number>, b0: number, b1: number, edits: Edit[], budget: WorkBudget): boolean {
	if (budget.work <= 0) return false;
	budget.work -= (a1 - a0 + b1 - b0) * 4;
	const count = (s: ArrayLike<number>, from: number, to: number) => {
		const seen = new Map<number, number>();
		for (let i = from; i < to; i++) seen.set(s[i], seen.has(s[i]) ? -1 : i);
		return seen;
	};
	const inA = count(a, a0, a1);
	const inB = count(b, b0, b1);
	const pairs: [number, number][] = [];
	for (const [item, i] of inA) {
		const j = inB.get(item);
		if (i >= 0 && j !== undefined && j >= 0) pairs.push([i, j]);
	}
	if (!pairs.length) return false;
	pairs.sort((p, q) => p[0] - q[0]);
	const anchors = longestIncreasing(pairs);
	let [ai, bi] = [a0, b0];
	for (const [i, j] of anchors) {
		diffRange(a, ai, i, b, bi, j, edits, budget);
		push(edits, 'equal', i, j, 1);
		[ai, bi] = [i + 1, j + 1];
	}
	diffRange(a, ai, a1, b, bi, b1, edits, budget);
	return true;
}

/** The longest run of pairs increasing in their second index (patience sorting, n log n). */
function longestIncreasing(pairs: [number, number][]): [number, number][] {
	const tails: number[] = []; // index into pairs of the smallest tail of each length
	const previous = new Int32Array(pairs.length).fill(-1);
	for (let p = 0; p < pairs.length; p++) {
		let [lo, hi] = [0, tails.length];
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (pairs[tails[mid]][1] < pairs[p][1]) lo = mid + 1;
			else hi = mid;
		}
		if (lo > 0) previous[p] = tails[lo - 1];
		tails[lo] = p;
	}
	const out: [number, number][] = [];
	for (let p = tails.length ? tails[tails.length - 1] : -1; p >= 0; p = previous[p]) out.push(pairs[p]);
	return out.reverse();
}

/** Joins neighbouring runs of one kind and puts each change's deletions before its insertions. */
export function coalesce(edits: Edit[]): Edit[] {
	const out: Edit[] = [];
	let i = 0;
	while (i < edits.length) {
		if (edits[i].kind === 'equal') {
			const last = out[out.length - 1];
			if (last?.kind === 'equal' && last.a + last.length === edits[i].a) last.length += edits[i].length;
			else out.push({ ...edits[i] });
			i++;
			continue;
		}
		// A change region: every delete and insert up to the next equal run.
		let j = i;
		const dels: Edit[] = [];
		const ins: Edit[] = [];
		while (j < edits.length && edits[j].kind !== 'equal') (edits[j].kind === 'delete' ? dels : ins).push(edits[j++]);
		const aStart = dels.length ? dels[0].a : edits[i].a;
		const bStart = ins.length ? ins[0].b : edits[i].b;
		const aLength = dels.reduce((sum, e) => sum + e.length, 0);
		const bLength = ins.reduce((sum, e) => sum + e.length, 0);
		push(out, 'delete', aStart, bStart, aLength);
		push(out, 'insert', aStart + aLength, bStart, bLength);
		i = j;
	}
	return out;
}
