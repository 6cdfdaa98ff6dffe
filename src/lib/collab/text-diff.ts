/**
 * Turning "the text was A, now it is B" into the smallest Yjs edit, and moving a
 * caret through someone else's edit. Shared by the browser's field binding and the
 * server's layout migration, so both write a typed field the same way.
 */
import type * as Y from 'yjs';

export interface TextChange {
	/** Index in the old text (UTF-16 code units, as Y.Text counts). */
	index: number;
	remove: number;
	insert: string;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The single replaced range between two texts (common prefix and suffix kept), never splitting a surrogate pair. */
export function diffText(before: string, after: string): TextChange | null {
	if (before === after) return null;
	let start = 0;
	const shortest = Math.min(before.length, after.length);
	while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
	if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
	let end = 0;
	while (end < shortest - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
	if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--;
	return { index: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) };
}

/** Applies a change to a Y.Text (inside the caller's transaction, if any). */
export function applyChange(text: Y.Text, change: TextChange | null): void {
	if (!change) return;
	if (change.remove > 0) text.delete(change.index, change.remove);
	if (change.insert) text.insert(change.index, change.insert);
}

/** Makes a Y.Text read `after` with the smallest edit. */
export function setText(text: Y.Text, after: string): void {
	applyChange(text, diffText(text.toString(), after));
}

export type Delta = { insert?: unknown; delete?: number; retain?: number }[];

/**
 * Where an index of the text before a remote edit lands after it. An insert exactly at
 * the index pushes it along only when `stickToEnd` (the end of a selection), so a caret
 * stays before text typed at the same spot by someone else.
 */
export function mapIndex(delta: Delta, index: number, stickToEnd = false): number {
	let old = 0; // position in the text before the edit
	let shift = 0;
	for (const op of delta) {
		if (old > index) break;
		if (op.retain) old += op.retain;
		else if (typeof op.insert === 'string') {
			if (old < index || (old === index && stickToEnd)) shift += op.insert.length;
		} else if (op.delete) {
			if (old < index) shift -= Math.min(op.delete, index - old);
			old += op.delete;
		}
	}
	return Math.max(0, index + shift);
}
