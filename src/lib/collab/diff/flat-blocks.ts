/**
 * A rich-text document as a flat list of text blocks (paragraphs, headings), each with
 * the chain of containers it sits in (lists, list items, quotes) and its text with the
 * marks of each character, cut into word tokens. The diff
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

/** The marks of a run of text (one text node), or a hard line break. */
export interface Style {
	marks: RichMark[];
	/** The marks as a comparable string. */
	key: string;
	lineBreak: boolean;
}

/**
 * A block's text with the style of every UTF-16 code unit (shared objects, one per text
 * node): no object per character, so a megabyte of text stays cheap to compare. A line
 * break is one code unit, U+FFFC, whose style says it is a break.
 */
export interface Units {
	text: string;
	styles: Style[];
}

/** A word, a run of spaces, one other character or a line break: [start, end) in the text. */
export interface Token {
	key: string;
	start: number;
	end: number;
}

// Deeper than any document a person makes; a crafted one is cut here rather than overflow the stack.
const MAX_DEPTH = 100;
const WORD_RUN = /[\p{L}\p{N}\p{M}_]+/uy;
const SPACE_RUN = /\s+/uy;
const WORDS = /[\p{L}\p{N}\p{M}_]+/gu;
export const LINE_BREAK = '\uFFFC';
export const LINE_BREAK_KEY = '\u0000br';

const markKeyOf = (marks: RichMark[]): string =>
	marks.length === 0 ? '' : JSON.stringify([...marks].sort((x, y) => (x.type < y.type ? -1 : x.type > y.type ? 1 : 0)));

/** The text and styles of a text block's inline content. */
export function unitsOf(inline: RichNode[]): Units {
	const parts: string[] = [];
	const styles: Style[] = [];
	for (const node of inline) {
		const marks = node.marks ?? [];
		if (node.type === 'hardBreak') {
			parts.push(LINE_BREAK);
			styles.push({ marks, key: `${markKeyOf(marks)}|br`, lineBreak: true });
		} else if (node.type === 'text' && node.text) {
			const style: Style = { marks, key: markKeyOf(marks), lineBreak: false };
			parts.push(node.text);
			for (let i = 0; i < node.text.length; i++) styles.push(style);
		}
	}
	return { text: parts.join(''), styles };
}

/** Words and runs of spaces stay whole; every other character (code point) and each line break is its own token. */
export function tokensOf(units: Units): Token[] {
	const { text, styles } = units;
	const tokens: Token[] = [];
	let i = 0;
	while (i < text.length) {
		let end = i + ((text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1);
		if (!styles[i].lineBreak) {
			for (const run of [WORD_RUN, SPACE_RUN]) {
				run.lastIndex = i;
				if (run.test(text)) {
					end = run.lastIndex;
					break;
				}
			}
		}
		tokens.push({ key: styles[i].lineBreak ? LINE_BREAK_KEY : text.slice(i, end), start: i, end });
		i = end;
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
	#units: Units | null = null;
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

	get units(): Units {
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

/** The plain text of a block (line breaks as newlines). */
export const textOf = (units: Units): string => units.text.replace(/\uFFFC/g, (c, i: number) => (units.styles[i].lineBreak ? '\n' : c));
