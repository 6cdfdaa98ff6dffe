/**
 * What a screen reader hears when a colleague's comment arrives while the page is open:
 * the author and the start of the text. Own comments are not announced (the person
 * just placed them and focus is on them); a first load announces nothing.
 */
import type { CommentView, ThreadView } from '$lib/domain/threads';
import { toDisplay } from './mention-text';

const EXCERPT = 80;

/** Comments in `next` that were not in `previous`, written by someone else, oldest first. */
export function arrivedComments(previous: ThreadView[], next: ThreadView[], selfId: string | null): CommentView[] {
	const seen = new Set(previous.flatMap((t) => t.comments.map((c) => c.id)));
	return next
		.flatMap((t) => t.comments)
		.filter((c) => !seen.has(c.id) && !c.deleted && c.authorId !== selfId)
		.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** The start of a comment as plain text: mentions as names, cut at a word near 80 characters. */
export function excerptOf(body: string): string {
	const text = toDisplay(body).text.replace(/\s+/g, ' ').trim();
	if ([...text].length <= EXCERPT) return text;
	const cut = [...text].slice(0, EXCERPT).join('');
	const space = cut.lastIndexOf(' ');
	return `${(space > EXCERPT / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
