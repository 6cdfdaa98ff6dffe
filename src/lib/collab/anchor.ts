/**
 * The stored form of a comment anchor, for browser and server alike: two Yjs relative
 * positions (the first and the last commented character), each encoded and written as
 * base64. The browser encodes and decodes them (browser/comment-anchors.ts); the server
 * refuses anything that does not decode before it stores a thread. Why relative
 * positions and not a mark in the text: see browser/comment-anchors.ts.
 */
import * as Y from 'yjs';
import type { Anchor } from '../domain/threads.ts';

export type { Anchor };

/** Longer than any encoded relative position; a bound on what a thread row stores. */
const MAX_PART = 200;

// btoa/atob exist in browsers and in Node, so both sides encode exactly alike.
const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export function encodeAnchor(start: Y.RelativePosition, end: Y.RelativePosition): Anchor {
	return { from: toBase64(Y.encodeRelativePosition(start)), to: toBase64(Y.encodeRelativePosition(end)) };
}

/** The two positions of an anchor; throws when one does not decode (use parseAnchor on input). */
export function decodeAnchor(anchor: Anchor): { start: Y.RelativePosition; end: Y.RelativePosition } {
	return { start: Y.decodeRelativePosition(fromBase64(anchor.from)), end: Y.decodeRelativePosition(fromBase64(anchor.to)) };
}

/** One end as sent: canonical base64 (nothing dropped or padded on the way) of a relative position. */
function isPart(part: unknown): part is string {
	if (typeof part !== 'string' || part.length > MAX_PART) return false;
	try {
		const bytes = fromBase64(part);
		if (!bytes.length || toBase64(bytes) !== part) return false;
		Y.decodeRelativePosition(bytes);
		return true;
	} catch {
		return false;
	}
}

/** An anchor from untrusted input: null for none (a thread on the whole record), 'bad' when it does not decode. */
export function parseAnchor(raw: unknown): Anchor | null | 'bad' {
	if (raw === null || raw === undefined) return null;
	if (typeof raw !== 'object') return 'bad';
	const { from, to } = raw as Record<string, unknown>;
	return isPart(from) && isPart(to) ? { from, to } : 'bad';
}
