/**
 * Word diff inside aligned blocks. Both sides are token lists (flat-blocks.ts); a split or
 * a merge compares one block with several joined by boundary tokens that never match,
 * so the output falls back into as many blocks as the new side has. Words that stayed
 * but changed formatting are kept once, marked `formatChanged`.
 */
import { coalesce, diffSequences, workBudget, type Edit, type WorkBudget } from './sequence-diff.ts';
import { tokensOf, unitsOf, type FlatBlock, type Token, type Units } from './flat-blocks.ts';
import type { RichMark, RichNode } from './rich-node.ts';

/** One side of an inline comparison: text, styles and tokens, with `boundary` tokens between joined blocks. */
export interface InlineSide extends Units {
	tokens: (Token & { boundary?: true })[];
}

export interface InlineCounts {
	inserted: number;
	deleted: number;
	formatChanges: number;
}

export interface InlineResult extends InlineCounts {
	/** The inline content of each output block (one, or one per new block of a split). */
	blocks: RichNode[][];
}

/** Blocks joined into one side, a boundary token between each two. */
export function joined(blocks: FlatBlock[]): InlineSide {
	if (blocks.length === 1) return { ...blocks[0].units, tokens: blocks[0].tokens };
	const texts: string[] = [];
	const side: InlineSide = { text: '', styles: [], tokens: [] };
	blocks.forEach((block, i) => {
		const offset = side.styles.length;
		if (i > 0) side.tokens.push({ key: '', start: offset, end: offset, boundary: true });
		texts.push(block.units.text);
		// A loop, not push(...styles): a pasted megabyte in one paragraph would overflow the stack.
		for (const style of block.units.styles) side.styles.push(style);
		for (const t of block.tokens) side.tokens.push({ key: t.key, start: t.start + offset, end: t.end + offset });
	});
	side.text = texts.join('');
	return side;
}

export const EMPTY_SIDE: InlineSide = { text: '', styles: [], tokens: [] };

/** Characters of tokens [from, to) of a side, in O(1) after one pass (prefix sums). */
function charCounter(side: InlineSide): (from: number, to: number) => number {
	const sums = new Float64Array(side.tokens.length + 1);
	side.tokens.forEach((t, i) => (sums[i + 1] = sums[i] + t.end - t.start));
	return (from, to) => sums[to] - sums[from];
}

/** A change between two kept stretches: tokens [a0, a1) of the old side replaced by [b0, b1) of the new. */
interface Change {
	a0: number;
	a1: number;
	b0: number;
	b1: number;
}

/**
 * Folds an unchanged stretch into the changes around it when it is no longer than the
 * change on either side ("de grote kat" → "een kleine hond" reads as one replacement,
 * not three words with two kept spaces between them), as diff-match-patch does. One pass
 * with a stack: a fold can make the change before it large enough to swallow the kept
 * stretch before that, so folds are retried backwards, never by starting over (which
 * cost the square of the edits: seconds for a long text with many small changes).
 */
export function cleanup(edits: Edit[], a: InlineSide, b: InlineSide): Edit[] {
	const [charsA, charsB] = [charCounter(a), charCounter(b)];
	const size = (c: Change) => Math.max(charsA(c.a0, c.a1), charsB(c.b0, c.b1));
	// Alternating kept stretches (Edit) and changes.
	const stack: (Edit | Change)[] = [];
	const isChange = (x: Edit | Change | undefined): x is Change => x !== undefined && 'a0' in x;
	const pushChange = (change: Change) => {
		let next = change;
		for (;;) {
			const [kept, before] = [stack[stack.length - 1], stack[stack.length - 2]];
			if (!kept || isChange(kept) || !isChange(before)) break;
			const keptSize = charsA(kept.a, kept.a + kept.length);
			if (keptSize === 0 || keptSize > size(before) || keptSize > size(next)) break;
			stack.length -= 2;
			next = { a0: before.a0, a1: next.a1, b0: before.b0, b1: next.b1 };
		}
		stack.push(next);
	};
	for (let i = 0; i < edits.length; ) {
		const edit = edits[i];
		if (edit.kind === 'equal') {
			stack.push(edit);
			i++;
			continue;
		}
		// A change: every deletion and insertion up to the next kept stretch (coalesced: at most one of each).
		const change: Change = { a0: edit.a, a1: edit.a, b0: edit.b, b1: edit.b };
		for (; i < edits.length && edits[i].kind !== 'equal'; i++) {
			const e = edits[i];
			if (e.kind === 'delete') [change.a0, change.a1] = [e.a, e.a + e.length];
			else [change.b0, change.b1] = [e.b, e.b + e.length];
		}
		pushChange(change);
	}
	const out: Edit[] = [];
	for (const item of stack) {
		if (!isChange(item)) out.push(item);
		else {
			if (item.a1 > item.a0) out.push({ kind: 'delete', a: item.a0, b: item.b0, length: item.a1 - item.a0 });
			if (item.b1 > item.b0) out.push({ kind: 'insert', a: item.a1, b: item.b0, length: item.b1 - item.b0 });
		}
	}
	return slide(coalesce(out), a, b);
}

const SPACE = /^\s+$/u;

/**
 * Moves a lone insertion or deletion along the text it repeats so that it starts with a
 * word: "levert [+duurzame +]warmte", not "levert[+ duurzame+] warmte".
 */
function slide(edits: Edit[], a: InlineSide, b: InlineSide): Edit[] {
	const out = edits.map((e) => ({ ...e }));
	for (let i = 1; i < out.length - 1; i++) {
		const [before, change, after] = [out[i - 1], out[i], out[i + 1]];
		if (before.kind !== 'equal' || after.kind !== 'equal' || change.kind === 'equal') continue;
		const side = change.kind === 'insert' ? b : a;
		while (after.length > 0) {
			const start = change.kind === 'insert' ? change.b : change.a;
			const [first, next] = [side.tokens[start], side.tokens[start + change.length]];
			if (first.boundary || next.boundary || first.key !== next.key || !SPACE.test(first.key)) break;
			before.length++;
			[change.a, change.b, after.a, after.b, after.length] = [change.a + 1, change.b + 1, after.a + 1, after.b + 1, after.length - 1];
		}
	}
	return coalesce(out.filter((e) => e.length > 0));
}

/** Which mark types one set has that the other lacks (compared with their attributes). */
function markDifference(from: RichMark[], to: RichMark[]): string[] {
	const have = new Set(from.map((mark) => JSON.stringify(mark)));
	return [...new Set(to.filter((mark) => !have.has(JSON.stringify(mark))).map((mark) => mark.type))];
}

/** Collects inline nodes, joining neighbouring text with the same marks. */
class Writer {
	blocks: RichNode[][] = [[]];
	// The marks of the last text node written, as a string.
	#lastKey: string | null = null;

	/** Writes text[start, end) of a side with its own marks plus `extra` (keyed `extraKey`). */
	emit(side: Units, start: number, end: number, extra: RichMark[], extraKey: string): void {
		const content = this.blocks[this.blocks.length - 1];
		for (let i = start; i < end; ) {
			const style = side.styles[i];
			const marks = extra.length ? [...style.marks, ...extra] : style.marks;
			if (style.lineBreak) {
				content.push(marks.length ? { type: 'hardBreak', marks } : { type: 'hardBreak' });
				this.#lastKey = null;
				i++;
				continue;
			}
			let j = i + 1;
			while (j < end && side.styles[j] === style) j++;
			const text = side.text.slice(i, j);
			const key = `${style.key}|${extraKey}`;
			const last = content[content.length - 1];
			if (last?.type === 'text' && this.#lastKey === key) last.text += text;
			else {
				content.push(marks.length ? { type: 'text', text, marks } : { type: 'text', text });
				this.#lastKey = key;
			}
			i = j;
		}
	}

	/** A paragraph break that was added (a split) or removed (a merge). */
	boundary(change: 'inserted' | 'deleted'): void {
		this.blocks[this.blocks.length - 1].push({ type: 'diffBreak', attrs: { change } });
		if (change === 'inserted') this.blocks.push([]);
		this.#lastKey = null;
	}
}

/** Kept text: written once from the new side; where its marks differ from the old side's, marked `formatChanged`. */
function emitKept(out: Writer, a: InlineSide, b: InlineSide, aStart: number, bStart: number, length: number): number {
	let changes = 0;
	for (let k = 0; k < length; ) {
		const [sa, sb] = [a.styles[aStart + k], b.styles[bStart + k]];
		let run = 1;
		while (k + run < length && a.styles[aStart + k + run] === sa && b.styles[bStart + k + run] === sb) run++;
		if (sa.key === sb.key) out.emit(b, bStart + k, bStart + k + run, [], '');
		else {
			const mark = { type: 'formatChanged', attrs: { added: markDifference(sa.marks, sb.marks), removed: markDifference(sb.marks, sa.marks) } };
			out.emit(b, bStart + k, bStart + k + run, [mark], JSON.stringify(mark));
			changes += run;
		}
		k += run;
	}
	return changes;
}

function intern(a: InlineSide, b: InlineSide): [Int32Array, Int32Array] {
	const ids = new Map<string, number>();
	let boundaries = 0;
	const id = (t: InlineSide['tokens'][number]) => (t.boundary ? -++boundaries : (ids.get(t.key) ?? (ids.set(t.key, ids.size), ids.size - 1)));
	return [Int32Array.from(a.tokens, id), Int32Array.from(b.tokens, id)];
}

/** The words of `a` and `b` compared: kept, inserted, deleted and re-formatted runs as inline nodes. */
export function diffInline(a: InlineSide, b: InlineSide, budget: WorkBudget = workBudget()): InlineResult {
	const [ia, ib] = intern(a, b);
	const edits = cleanup(diffSequences(ia, ib, budget), a, b);
	const out = new Writer();
	const counts: InlineCounts = { inserted: 0, deleted: 0, formatChanges: 0 };
	for (const edit of edits) {
		if (edit.kind === 'equal') {
			const [first, last] = [edit.a, edit.a + edit.length - 1];
			const start = a.tokens[first].start;
			counts.formatChanges += emitKept(out, a, b, start, b.tokens[edit.b].start, a.tokens[last].end - start);
			continue;
		}
		const [side, from] = edit.kind === 'delete' ? [a, edit.a] : [b, edit.b];
		const change = edit.kind === 'delete' ? 'deleted' : 'inserted';
		const mark = [{ type: change }];
		for (let k = from; k < from + edit.length; k++) {
			const token = side.tokens[k];
			if (token.boundary) out.boundary(change);
			out.emit(side, token.start, token.end, mark, change);
			counts[change] += token.end - token.start;
		}
	}
	return { blocks: out.blocks, ...counts };
}

export interface TextSegment {
	text: string;
	change: 'equal' | 'inserted' | 'deleted';
}

/** A word diff of two plain texts (typed fields), as runs of kept, deleted and inserted text. */
export function diffPlainText(before: string, after: string): TextSegment[] {
	const side = (text: string): InlineSide => {
		const units = unitsOf(text ? [{ type: 'text', text }] : []);
		return { ...units, tokens: tokensOf(units) };
	};
	const [a, b] = [side(before), side(after)];
	const [ia, ib] = intern(a, b);
	const segments: TextSegment[] = [];
	for (const edit of cleanup(diffSequences(ia, ib), a, b)) {
		const [from, start] = edit.kind === 'insert' ? [b, edit.b] : [a, edit.a];
		const text = from.text.slice(from.tokens[start].start, from.tokens[start + edit.length - 1].end);
		segments.push({ text, change: edit.kind === 'equal' ? 'equal' : edit.kind === 'delete' ? 'deleted' : 'inserted' });
	}
	return segments;
}
