/**
 * Which block of the old text became which block of the new one. Blocks with the same
 * text are matched in order first (shortest edit); between those anchors, a block that
 * occurs on both sides out of order has moved; the rest is aligned by shared words,
 * allowing one block to become several (a split) or several one (a merge); a block
 * that changed a little and also moved far is found last.
 */
import { diffSequences } from './sequence-diff.ts';
import type { FlatBlock } from './flat-blocks.ts';

export type Alignment =
	| { kind: 'equal' | 'pair'; old: number; new: number }
	| { kind: 'split'; old: number; new: number[] }
	| { kind: 'merge'; old: number[]; new: number }
	| { kind: 'delete'; old: number }
	| { kind: 'insert'; new: number }
	| { kind: 'moved-from'; old: number; moveId: number }
	| { kind: 'moved-to'; old: number; new: number; moveId: number };

// Two blocks are "the same paragraph, edited" when at least this share of the longer one's words is common;
// a lone block replaced in place by a lone block needs less (nothing else could be its successor).
const SIMILAR = 0.4;
const LONE_SIMILAR = 0.25;
// Each part of a split (or merge) must be mostly made of the one block's words.
const PART_SIMILAR = 0.6;
// A block that moved far is recognised when edited only a little, and long enough to be sure.
const MOVED_SIMILAR = 0.7;
const MOVED_MIN_SIZE = 20;
// A paragraph is split into (or merged from) at most this many.
const MAX_PARTS = 4;
// Past this many cells the alignment of one stretch would be slow; it is then shown as replaced.
const MAX_CELLS = 40_000;
// Each cell compares the words of its blocks: past this many word look-ups (long paragraphs,
// all changed) the stretch is paired by position instead, so a large document cannot stall
// the server (a find-and-replace in sixty long paragraphs took ten seconds).
const MAX_WORD_WORK = 3_000_000;

const wordsIn = (blocks: FlatBlock[], indexes: number[]) => indexes.reduce((sum, i) => sum + blocks[i].words.size, 0);
// Splitting or merging must gain more than keeping blocks apart.
const PART_COST = 0.5;

interface Gap {
	old: number[];
	new: number[];
}

/** Shared words of `one` and the blocks `many` together, weighted by word length. */
function overlap(one: FlatBlock, many: FlatBlock[]): number {
	let sum = 0;
	for (const [word, count] of one.words) {
		let other = 0;
		for (const block of many) other += block.words.get(word) ?? 0;
		sum += Math.min(count, other) * word.length;
	}
	return sum;
}

const similar = (a: FlatBlock, b: FlatBlock, share = SIMILAR): number => {
	if (a.size === 0 || b.size === 0) return 0;
	const shared = overlap(a, [b]);
	return shared >= share * Math.max(a.size, b.size) ? shared : 0;
};

/** One block against consecutive parts: every part must come from it, and together they must be it. */
function partsOf(one: FlatBlock, parts: FlatBlock[]): number {
	if (one.size === 0 || parts[0].size === 0 || parts[parts.length - 1].size === 0) return 0;
	for (const part of parts) if (part.size > 0 && overlap(part, [one]) < PART_SIMILAR * part.size) return 0;
	const shared = overlap(one, parts);
	const total = parts.reduce((sum, p) => sum + p.size, 0);
	return shared >= PART_SIMILAR * Math.max(one.size, total) ? shared - PART_COST : 0;
}

type Step = Exclude<Alignment, { kind: 'moved-from' } | { kind: 'moved-to' } | { kind: 'equal' }>;

/** The steps possible from cell (i, j) of a stretch, each with its gain and the cell it leads to. */
function stepsFrom(a: FlatBlock[], b: FlatBlock[], gap: Gap, i: number, j: number): { gain: number; di: number; dj: number; step: Step }[] {
	const [m, n] = [gap.old.length, gap.new.length];
	const out: { gain: number; di: number; dj: number; step: Step }[] = [];
	if (i < m) out.push({ gain: 0, di: 1, dj: 0, step: { kind: 'delete', old: gap.old[i] } });
	if (j < n) out.push({ gain: 0, di: 0, dj: 1, step: { kind: 'insert', new: gap.new[j] } });
	if (i >= m || j >= n) return out;
	const [one, other] = [a[gap.old[i]], b[gap.new[j]]];
	const shared = similar(one, other, m === 1 && n === 1 ? LONE_SIMILAR : SIMILAR);
	if (shared > 0) out.push({ gain: shared, di: 1, dj: 1, step: { kind: 'pair', old: gap.old[i], new: gap.new[j] } });
	// Parts must be neighbours in the document, not only in what is left of the stretch after moves.
	const adjacent = (indexes: number[]) => indexes[indexes.length - 1] - indexes[0] === indexes.length - 1;
	for (let k = 2; k <= MAX_PARTS && j + k <= n; k++) {
		const parts = gap.new.slice(j, j + k);
		if (!adjacent(parts)) break;
		const gain = partsOf(one, parts.map((x) => b[x]));
		if (gain > 0) out.push({ gain, di: 1, dj: k, step: { kind: 'split', old: gap.old[i], new: parts } });
	}
	for (let k = 2; k <= MAX_PARTS && i + k <= m; k++) {
		const parts = gap.old.slice(i, i + k);
		if (!adjacent(parts)) break;
		const gain = partsOf(other, parts.map((x) => a[x]));
		if (gain > 0) out.push({ gain, di: k, dj: 1, step: { kind: 'merge', old: parts, new: gap.new[j] } });
	}
	return out;
}

/** The best alignment of one stretch between anchors (dynamic programming over both sides). */
function alignGap(a: FlatBlock[], b: FlatBlock[], gap: Gap): Step[] {
	const [m, n] = [gap.old.length, gap.new.length];
	if (m === 0 || n === 0 || (m + 1) * (n + 1) > MAX_CELLS) {
		return [...gap.old.map((old): Step => ({ kind: 'delete', old })), ...gap.new.map((nw): Step => ({ kind: 'insert', new: nw }))];
	}
	// Splits and merges look at up to MAX_PARTS blocks each way: about that many comparisons per cell.
	if ((n + 1) * wordsIn(a, gap.old) * MAX_PARTS + (m + 1) * wordsIn(b, gap.new) * MAX_PARTS > MAX_WORD_WORK) {
		const paired = Math.min(m, n);
		return [
			...gap.old.slice(0, paired).map((old, k): Step => ({ kind: 'pair', old, new: gap.new[k] })),
			...gap.old.slice(paired).map((old): Step => ({ kind: 'delete', old })),
			...gap.new.slice(paired).map((nw): Step => ({ kind: 'insert', new: nw }))
		];
	}
	const width = n + 1;
	const score = new Float64Array((m + 1) * width);
	const best: ({ di: number; dj: number; step: Step } | null)[] = new Array((m + 1) * width).fill(null);
	for (let i = m; i >= 0; i--) {
		for (let j = n; j >= 0; j--) {
			if (i === m && j === n) continue;
			let top = -1;
			// The first of equal options wins: deletions before insertions before pairing.
			for (const option of stepsFrom(a, b, gap, i, j)) {
				const value = option.gain + score[(i + option.di) * width + j + option.dj];
				if (value > top) [top, best[i * width + j]] = [value, option];
			}
			score[i * width + j] = top;
		}
	}
	const out: Step[] = [];
	for (let [i, j] = [0, 0]; i < m || j < n; ) {
		const option = best[i * width + j]!;
		out.push(option.step);
		[i, j] = [i + option.di, j + option.dj];
	}
	return out;
}

/** Blocks with the same text deleted in one place and inserted in another: moves. */
function exactMoves(a: FlatBlock[], b: FlatBlock[], gaps: Gap[]): Map<number, number> {
	const deleted = new Map<string, number[]>();
	for (const gap of gaps) for (const i of gap.old) if (a[i].norm) deleted.set(a[i].norm, [...(deleted.get(a[i].norm) ?? []), i]);
	const moves = new Map<number, number>(); // new index → old index
	for (const gap of gaps)
		for (const j of gap.new) {
			const queue = deleted.get(b[j].norm);
			if (b[j].norm && queue?.length) moves.set(j, queue.shift()!);
		}
	return moves;
}

/** Splits the shortest edit of the blocks' texts into anchors and the stretches between them. */
function anchorsAndGaps(a: FlatBlock[], b: FlatBlock[]): (Alignment | Gap)[] {
	const ids = new Map<string, number>();
	const id = (block: FlatBlock) => ids.get(block.norm) ?? (ids.set(block.norm, ids.size), ids.size - 1);
	const out: (Alignment | Gap)[] = [];
	for (const edit of diffSequences(a.map(id), b.map(id))) {
		if (edit.kind === 'equal') for (let k = 0; k < edit.length; k++) out.push({ kind: 'equal', old: edit.a + k, new: edit.b + k });
		else {
			const last = out[out.length - 1];
			const gap: Gap = last && !('kind' in last) ? last : { old: [], new: [] };
			if (gap !== last) out.push(gap);
			for (let k = 0; k < edit.length; k++) (edit.kind === 'delete' ? gap.old : gap.new).push((edit.kind === 'delete' ? edit.a : edit.b) + k);
		}
	}
	return out;
}

/** The first old and new index a step touches, to put moves back in reading order. */
const firstOld = (s: Step): number => (s.kind === 'insert' ? -1 : s.kind === 'merge' ? s.old[0] : s.old);
const firstNew = (s: Step): number => (s.kind === 'delete' ? -1 : s.kind === 'split' ? s.new[0] : s.new);

/** Turns far-apart deletions and insertions of nearly the same block into moves (in place). */
function fuzzyMoves(a: FlatBlock[], b: FlatBlock[], out: Alignment[], nextId: () => number): void {
	const at = (kind: 'delete' | 'insert', big: (s: Alignment) => boolean) => out.flatMap((s, index) => (s.kind === kind && big(s) ? [index] : []));
	const dels = at('delete', (s) => s.kind === 'delete' && a[s.old].size >= MOVED_MIN_SIZE);
	const ins = at('insert', (s) => s.kind === 'insert' && b[s.new].size >= MOVED_MIN_SIZE);
	if (!dels.length || !ins.length || dels.length * ins.length > MAX_CELLS) return;
	const deletedWords = dels.reduce((sum, d) => sum + a[(out[d] as { old: number }).old].words.size, 0);
	if (deletedWords * ins.length > MAX_WORD_WORK) return;
	const used = new Set<number>();
	for (const d of dels) {
		const old = (out[d] as { old: number }).old;
		let [best, bestScore] = [-1, 0];
		for (const k of ins) {
			const shared = used.has(k) ? 0 : similar(a[old], b[(out[k] as { new: number }).new], MOVED_SIMILAR);
			if (shared > bestScore) [best, bestScore] = [k, shared];
		}
		if (best < 0) continue;
		used.add(best);
		const moveId = nextId();
		out[d] = { kind: 'moved-from', old, moveId };
		out[best] = { kind: 'moved-to', old, new: (out[best] as { new: number }).new, moveId };
	}
}

/** The alignment of two documents' blocks, in reading order (old positions interleaved with new). */
export function alignBlocks(a: FlatBlock[], b: FlatBlock[]): Alignment[] {
	const parts = anchorsAndGaps(a, b);
	const gaps = parts.filter((p): p is Gap => !('kind' in p));
	const moves = exactMoves(a, b, gaps);
	const movedOld = new Map([...moves.values()].map((old, n) => [old, n + 1]));
	let moveCount = moves.size;
	const out: Alignment[] = [];
	for (const part of parts) {
		if ('kind' in part) {
			out.push(part);
			continue;
		}
		const rest: Gap = { old: part.old.filter((i) => !movedOld.has(i)), new: part.new.filter((j) => !moves.has(j)) };
		const pendingOld = part.old.filter((i) => movedOld.has(i));
		const pendingNew = part.new.filter((j) => moves.has(j));
		const flush = (beforeOld: number, beforeNew: number) => {
			while (pendingOld.length && pendingOld[0] < beforeOld) {
				const old = pendingOld.shift()!;
				out.push({ kind: 'moved-from', old, moveId: movedOld.get(old)! });
			}
			while (pendingNew.length && pendingNew[0] < beforeNew) {
				const nw = pendingNew.shift()!;
				const old = moves.get(nw)!;
				out.push({ kind: 'moved-to', old, new: nw, moveId: movedOld.get(old)! });
			}
		};
		for (const step of alignGap(a, b, rest)) {
			flush(firstOld(step), firstNew(step));
			out.push(step);
		}
		flush(Infinity, Infinity);
	}
	fuzzyMoves(a, b, out, () => ++moveCount);
	return out;
}
