/**
 * Word diff inside aligned blocks. Both sides are token lists (flat-blocks.ts); a split or
 * a merge compares one block with several joined by boundary tokens that never match,
 * so the output falls back into as many blocks as the new side has. Words that stayed
 * but changed formatting are kept once, marked `formatChanged`.
 */
import { coalesce, diffSequences, type Edit } from './sequence-diff.ts';
import { tokensOf, unitsOf, type FlatBlock, type Token, type Unit } from './flat-blocks.ts';
import type { RichMark, RichNode } from './rich-node.ts';

/** One side of an inline comparison: units and tokens, with `boundary` tokens between joined blocks. */
export interface InlineSide {
	units: Unit[];
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
	const side: InlineSide = { units: [], tokens: [] };
	blocks.forEach((block, i) => {
		const offset = side.units.length;
		if (i > 0) side.tokens.push({ key: '', start: offset, end: offset, boundary: true });
		side.units.push(...block.units);
		for (const t of block.tokens) side.tokens.push({ key: t.key, start: t.start + offset, end: t.end + offset });
	});
	return side;
}

export const EMPTY_SIDE: InlineSide = { units: [], tokens: [] };

const charLength = (side: InlineSide, from: number, count: number) => side.tokens.slice(from, from + count).reduce((sum, t) => sum + t.end - t.start, 0);

/**
 * Folds an unchanged stretch into the changes around it when it is no longer than the
 * change on either side ("de grote kat" → "een kleine hond" reads as one replacement,
 * not three words with two kept spaces between them), as diff-match-patch does.
 */
export function cleanup(edits: Edit[], a: InlineSide, b: InlineSide): Edit[] {
	let current = edits;
	for (let changed = true; changed; ) {
		changed = false;
		for (let i = 0; i < current.length; i++) {
			const edit = current[i];
			if (edit.kind !== 'equal') continue;
			const around = (from: number, step: number) => {
				let [del, ins] = [0, 0];
				for (let k = from; k >= 0 && k < current.length && current[k].kind !== 'equal'; k += step) {
					if (current[k].kind === 'delete') del += charLength(a, current[k].a, current[k].length);
					else ins += charLength(b, current[k].b, current[k].length);
				}
				return Math.max(del, ins);
			};
			const size = charLength(a, edit.a, edit.length);
			if (size > 0 && size <= around(i - 1, -1) && size <= around(i + 1, 1)) {
				current = coalesce([...current.slice(0, i), { kind: 'delete', a: edit.a, b: edit.b, length: edit.length }, { kind: 'insert', a: edit.a + edit.length, b: edit.b, length: edit.length }, ...current.slice(i + 1)]);
				changed = true;
				break;
			}
		}
	}
	return slide(current, a, b);
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
	// The marks of the last text node written, as a string: compared per character.
	#lastKey: string | null = null;

	emit(unit: Unit, extra: RichMark[], extraKey = ''): void {
		const content = this.blocks[this.blocks.length - 1];
		const marks = extra.length ? [...unit.marks, ...extra] : unit.marks;
		if (unit.lineBreak) {
			content.push(marks.length ? { type: 'hardBreak', marks } : { type: 'hardBreak' });
			this.#lastKey = null;
			return;
		}
		const key = `${unit.markKey}|${extraKey}`;
		const last = content[content.length - 1];
		if (last?.type === 'text' && this.#lastKey === key) last.text += unit.ch;
		else {
			content.push(marks.length ? { type: 'text', text: unit.ch, marks } : { type: 'text', text: unit.ch });
			this.#lastKey = key;
		}
	}

	/** A paragraph break that was added (a split) or removed (a merge). */
	boundary(change: 'inserted' | 'deleted'): void {
		this.blocks[this.blocks.length - 1].push({ type: 'diffBreak', attrs: { change } });
		if (change === 'inserted') this.blocks.push([]);
		this.#lastKey = null;
	}
}

function intern(a: InlineSide, b: InlineSide): [Int32Array, Int32Array] {
	const ids = new Map<string, number>();
	let boundaries = 0;
	const id = (t: InlineSide['tokens'][number]) => (t.boundary ? -++boundaries : (ids.get(t.key) ?? (ids.set(t.key, ids.size), ids.size - 1)));
	return [Int32Array.from(a.tokens, id), Int32Array.from(b.tokens, id)];
}

/** The words of `a` and `b` compared: kept, inserted, deleted and re-formatted runs as inline nodes. */
export function diffInline(a: InlineSide, b: InlineSide): InlineResult {
	const [ia, ib] = intern(a, b);
	const edits = cleanup(diffSequences(ia, ib), a, b);
	const out = new Writer();
	const counts: InlineCounts = { inserted: 0, deleted: 0, formatChanges: 0 };
	for (const edit of edits) {
		for (let k = 0; k < edit.length; k++) {
			if (edit.kind === 'equal') {
				const [ta, tb] = [a.tokens[edit.a + k], b.tokens[edit.b + k]];
				for (let u = 0; u < tb.end - tb.start; u++) {
					const [ua, ub] = [a.units[ta.start + u], b.units[tb.start + u]];
					if (ua.markKey === ub.markKey) out.emit(ub, []);
					else {
						const mark = { type: 'formatChanged', attrs: { added: markDifference(ua.marks, ub.marks), removed: markDifference(ub.marks, ua.marks) } };
						out.emit(ub, [mark], JSON.stringify(mark));
						counts.formatChanges++;
					}
				}
				continue;
			}
			const [side, token] = edit.kind === 'delete' ? [a, a.tokens[edit.a + k]] : [b, b.tokens[edit.b + k]];
			const change = edit.kind === 'delete' ? 'deleted' : 'inserted';
			if (token.boundary) out.boundary(change);
			for (let u = token.start; u < token.end; u++) out.emit(side.units[u], [{ type: change }], change);
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
		return { units, tokens: tokensOf(units) };
	};
	const [a, b] = [side(before), side(after)];
	const [ia, ib] = intern(a, b);
	const segments: TextSegment[] = [];
	for (const edit of cleanup(diffSequences(ia, ib), a, b)) {
		const [from, start] = edit.kind === 'insert' ? [b, edit.b] : [a, edit.a];
		const first = from.tokens[start];
		const last = from.tokens[start + edit.length - 1];
		const text = from.units.slice(first.start, last.end).map((u) => u.ch).join('');
		segments.push({ text, change: edit.kind === 'equal' ? 'equal' : edit.kind === 'delete' ? 'deleted' : 'inserted' });
	}
	return segments;
}
