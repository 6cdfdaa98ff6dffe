/**
 * What a client may say about itself in awareness, and nothing else: its cursor in a
 * rich text (relative positions, as y-tiptap writes them) and the structured field it
 * is in. Identity (`user`) is added by the server. Shared by the server, which drops
 * everything outside this shape before anyone else sees it, and the browser.
 */

export interface RelativePositionJSON {
	type?: { client: number; clock: number };
	tname?: string;
	item?: { client: number; clock: number };
	assoc?: number;
}

export interface ClientAwareness {
	cursor?: { anchor: RelativePositionJSON; head: RelativePositionJSON } | null;
	/** The structured field the cursor is in (a field key), or null. */
	field?: string | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isClock = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

function id(v: unknown): { client: number; clock: number } | undefined {
	return isObject(v) && isClock(v.client) && isClock(v.clock) ? { client: v.client, clock: v.clock } : undefined;
}

function position(v: unknown): RelativePositionJSON | null {
	if (!isObject(v)) return null;
	const out: RelativePositionJSON = {};
	if (v.type != null && !(out.type = id(v.type))) return null;
	if (v.item != null && !(out.item = id(v.item))) return null;
	if (v.tname != null) {
		if (typeof v.tname !== 'string' || v.tname.length > 64) return null;
		out.tname = v.tname;
	}
	if (v.assoc != null) {
		if (!Number.isInteger(v.assoc) || Math.abs(v.assoc as number) > 1) return null;
		out.assoc = v.assoc as number;
	}
	return out;
}

/** Field keys and such: letters, digits, '-' and '_', at most 40 characters. */
const FIELD = /^[A-Za-z0-9_-]{1,40}$/;

/** The allowed part of a client's awareness state; anything else (names, HTML, large blobs) is dropped. */
export function sanitizeAwareness(state: Record<string, unknown>): ClientAwareness {
	const out: ClientAwareness = {};
	if (state.cursor === null) out.cursor = null;
	else if (isObject(state.cursor)) {
		const anchor = position(state.cursor.anchor);
		const head = position(state.cursor.head);
		if (anchor && head) out.cursor = { anchor, head };
	}
	if (state.field === null) out.field = null;
	else if (typeof state.field === 'string' && FIELD.test(state.field)) out.field = state.field;
	return out;
}
