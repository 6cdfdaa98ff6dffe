/**
 * A rich-text document as a flat list of text blocks (paragraphs, headings), each with
 * the chain of containers it sits in (lists, list items, quotes) and its text as units
 * (one per character, with that character's marks) cut into word tokens. The diff
 * aligns blocks by their text and compares words inside them; the containers let it
 * put the tree back together afterwards.
 */
import { isInline, TEXT_BLOCKS, type RichMark, type RichNode } from './rich-node.ts';

export interface Container {
	/** Unique within one side: the path of child indexes ("0.2"). */
	key: string;
	type: string;
	attrs?: Record<string, unknown>;
}

/** One character (code point) or a line break, with its marks. */
export interface Unit {
	ch: string;
	/** A hard line break (shown as ↵); `ch` is then "\n". */
	lineBreak: boolean;
	marks: RichMark[];
	/** The marks as a comparable string. */
	markKey: string;
}

/** A word, a run of spaces, one other character or a line break: [start, end) in the units. */
export interface Token {
	key: string;
	start: number;
	end: number;
}

// Deeper than any document a person makes; a crafted one is cut here rather than overflow the stack.
const MAX_DEPTH = 100;
const WORD = /[\p{L}\p{N}\p{M}_]/u;
const SPACE = /\s/u;
const WORDS = /[\p{L}\p{N}\p{M}_]+/gu;
export const LINE_BREAK_KEY = '\u0000br';

const markKeyOf = (marks: RichMark[]): string =>
	marks.length === 0 ? '' : JSON.stringify([...marks].sort((x, y) => (x.type < y.type ? -1 : x.type > y.type ? 1 : 0)));

/** The units of a text block's inline content. */
export function unitsOf(inline: RichNode[]): Unit[] {
	const units: Unit[] = [];
	for (const node of inline) {
		const marks = node.marks ?? [];
		const markKey = markKeyOf(marks);
		if (node.type === 'text') for (const ch of node.text ?? '') units.push({ ch, lineBreak: false, marks, markKey });
		else if (node.type === 'hardBreak') units.push({ ch: '\n', lineBreak: true, marks, markKey });
	}
	return units;
}

type CharClass = 'word' | 'space' | 'other' | 'break';
const classOf = (unit: Unit): CharClass => (unit.lineBreak ? 'break' : WORD.test(unit.ch) ? 'word' : SPACE.test(unit.ch) ? 'space' : 'other');

/** Words and runs of spaces stay whole; every other character and each line break is its own token. */
export function tokensOf(units: Unit[]): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < units.length) {
		const kind = classOf(units[i]);
		let j = i + 1;
		if (kind === 'word' || kind === 'space') while (j < units.length && classOf(units[j]) === kind) j++;
		const key = kind === 'break' ? LINE_BREAK_KEY : units.slice(i, j).map((u) => u.ch).join('');
		tokens.push({ key, start: i, end: j });
		i = j;
	}
	return tokens;
}

/**
 * A text block as the diff sees it. Characters and words are read only when asked:
 * most blocks of a long text are unchanged and only their text is ever compared.
 */
export class FlatBlock {
	/** The text with whitespace collapsed and trimmed: what "the same paragraph" means. */
	readonly norm: string;
	#units: Unit[] | null = null;
	#tokens: Token[] | null = null;
	#words: Map<string, number> | null = null;
	#size = 0;

	constructor(
		readonly type: string,
		readonly attrs: Record<string, unknown> | undefined,
		readonly containers: Container[],
		/** The block's inline nodes as they were (an unchanged block is shown from these). */
		readonly inline: RichNode[]
	) {
		this.norm = inline
			.map((n) => (n.type === 'text' ? (n.text ?? '') : ' '))
			.join('')
			.replace(/\s+/gu, ' ')
			.trim();
	}

	get units(): Unit[] {
		return (this.#units ??= unitsOf(this.inline));
	}

	get tokens(): Token[] {
		return (this.#tokens ??= tokensOf(this.units));
	}

	/** Lower-cased words and their counts, for "similar paragraph" (weighted by length). */
	get words(): Map<string, number> {
		if (!this.#words) {
			this.#words = new Map();
			for (const word of this.norm.toLowerCase().match(WORDS) ?? []) {
				this.#words.set(word, (this.#words.get(word) ?? 0) + 1);
				this.#size += word.length;
			}
		}
		return this.#words;
	}

	/** Total weight of `words`. */
	get size(): number {
		void this.words;
		return this.#size;
	}
}

function flatBlock(node: RichNode, containers: Container[]): FlatBlock {
	return new FlatBlock(node.type, node.attrs, containers, (node.content ?? []).filter(isInline));
}

/** Every text block of a document in reading order. */
export function flatten(doc: RichNode): FlatBlock[] {
	const blocks: FlatBlock[] = [];
	const walk = (node: RichNode, containers: Container[], path: string, depth: number) => {
		if (depth > MAX_DEPTH) return;
		(node.content ?? []).forEach((child, i) => {
			const key = path ? `${path}.${i}` : String(i);
			const holdsText = TEXT_BLOCKS.has(child.type) || (child.content ?? []).some(isInline);
			if (holdsText) blocks.push(flatBlock(child, containers));
			else if (!isInline(child)) walk(child, [...containers, { key, type: child.type, attrs: child.attrs }], key, depth + 1);
		});
	};
	walk(doc, [], '', 0);
	return blocks;
}

/** The plain text of a run of units (line breaks as newlines). */
export const textOf = (units: Unit[]): string => units.map((u) => u.ch).join('');
