/**
 * Comment bodies: plain text with a small Markdown subset (paragraphs, bullet and
 * numbered lists, **bold**, *italic*, [links](https://…), bare URLs) and mentions
 * written as `@[Name](user:<id>)` or `@[Organisation](org:<id>)` by the comment box.
 *
 * The parser produces a tree that Svelte renders as elements with text children, so
 * nothing in a comment ever becomes HTML, whatever it contains.
 */

/** About two pages of text: longer belongs in the document itself. */
export const MAX_COMMENT_LENGTH = 5000;

export type CommentProblem = 'required' | 'too-long' | 'invalid-text';

// As in project fields: control characters (but tab/newline) and bidi overrides are refused.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

export function validateCommentBody(raw: unknown): { ok: true; value: string } | { ok: false; problem: CommentProblem } {
	if (typeof raw !== 'string') return { ok: false, problem: 'required' };
	const value = raw.replace(/\r\n?/g, '\n').trim();
	if (!value) return { ok: false, problem: 'required' };
	if (FORBIDDEN.test(value) || !value.isWellFormed()) return { ok: false, problem: 'invalid-text' };
	if ([...value].length > MAX_COMMENT_LENGTH) return { ok: false, problem: 'too-long' };
	return { ok: true, value };
}

export type Inline =
	| { type: 'text'; text: string }
	| { type: 'strong'; children: Inline[] }
	| { type: 'em'; children: Inline[] }
	| { type: 'link'; href: string; text: string }
	| { type: 'mention'; kind: 'user' | 'org'; id: string; label: string };

export type Block = { type: 'p'; lines: Inline[][] } | { type: 'ul' | 'ol'; items: Inline[][] };

const MENTION = /@\[([^\]\n]{1,120})\]\((user|org):([A-Za-z0-9_-]{1,64})\)/g;

/** Everyone and every organisation the body mentions (ids, deduplicated). */
export function extractMentions(body: string): { users: string[]; organisations: string[] } {
	const users = new Set<string>();
	const organisations = new Set<string>();
	for (const match of body.matchAll(MENTION)) (match[2] === 'user' ? users : organisations).add(match[3]);
	return { users: [...users], organisations: [...organisations] };
}

/** Only web and mail links become links; anything else (javascript:, data:) stays text. */
export function safeHref(raw: string): string | null {
	try {
		const url = new URL(raw);
		return url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'mailto:' ? url.href : null;
	} catch {
		return null;
	}
}

// One alternation so the earliest token wins: mention, [link](url), bare URL, **bold**, *italic*.
const TOKEN = /@\[([^\]\n]{1,120})\]\((user|org):([A-Za-z0-9_-]{1,64})\)|\[([^\]\n]{1,200})\]\(([^)\s]{1,2000})\)|(https?:\/\/[^\s<>()]{1,2000}[^\s<>().,;:!?'"])|\*\*(?=\S)([^\n]*?\S)\*\*|\*(?=[^\s*])([^*\n]*?[^\s*])\*/g;

export function parseInline(text: string, depth = 0): Inline[] {
	const out: Inline[] = [];
	let last = 0;
	const push = (node: Inline) => {
		const prev = out.at(-1);
		if (node.type === 'text' && prev?.type === 'text') prev.text += node.text;
		else if (node.type !== 'text' || node.text) out.push(node);
	};
	for (const match of text.matchAll(new RegExp(TOKEN))) {
		const index = match.index;
		push({ type: 'text', text: text.slice(last, index) });
		last = index + match[0].length;
		if (match[1] !== undefined) push({ type: 'mention', kind: match[2] as 'user' | 'org', id: match[3], label: match[1] });
		else if (match[4] !== undefined) {
			const href = safeHref(match[5]);
			push(href ? { type: 'link', href, text: match[4] } : { type: 'text', text: match[0] });
		} else if (match[6] !== undefined) {
			const href = safeHref(match[6]);
			push(href ? { type: 'link', href, text: match[6] } : { type: 'text', text: match[6] });
		} else if (match[7] !== undefined) push(depth < 2 ? { type: 'strong', children: parseInline(match[7], depth + 1) } : { type: 'text', text: match[7] });
		else if (match[8] !== undefined) push(depth < 2 ? { type: 'em', children: parseInline(match[8], depth + 1) } : { type: 'text', text: match[8] });
	}
	push({ type: 'text', text: text.slice(last) });
	return out;
}

const BULLET = /^\s*[-*•]\s+(.*)$/;
const NUMBER = /^\s*\d{1,3}[.)]\s+(.*)$/;

/** Blocks separated by blank lines; consecutive "- " or "1. " lines form a list. */
export function parseCommentBody(body: string): Block[] {
	const blocks: Block[] = [];
	let paragraph: Inline[][] | null = null;
	let list: { type: 'ul' | 'ol'; items: Inline[][] } | null = null;
	for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
		const bullet = BULLET.exec(line);
		const number = bullet ? null : NUMBER.exec(line);
		if (bullet || number) {
			paragraph = null;
			const type = bullet ? 'ul' : 'ol';
			if (!list || list.type !== type) blocks.push((list = { type, items: [] }));
			list.items.push(parseInline((bullet ?? number)![1]));
		} else if (!line.trim()) {
			paragraph = null;
			list = null;
		} else {
			list = null;
			if (!paragraph) blocks.push({ type: 'p', lines: (paragraph = []) });
			paragraph.push(parseInline(line));
		}
	}
	return blocks;
}

/** The body as plain text (notifications, exports): mentions as "@Name", markup removed. */
export function plainText(body: string): string {
	return body.replace(MENTION, '@$1').replace(/\*\*(\S[^\n]*?)\*\*/g, '$1').replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, '$1 ($2)');
}
