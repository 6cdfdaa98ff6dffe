/**
 * Where inline comments sit in a co-edited text.
 *
 * Choice: Yjs relative positions, not a mark in the document. A relative position
 * names the character it sticks to (by its Yjs item id), so the range follows any
 * concurrent insert or delete around it, on every client, without anyone writing to
 * the shared document. That matters here: participants may comment but not edit, an
 * internal thread must leave no trace in a document others read, and resolving a
 * thread must not create an edit. The anchor is stored with the thread row; each
 * browser turns it into a highlight (a ProseMirror decoration) for the threads it may
 * see. When the anchored text is deleted both ends collapse onto one point: the thread
 * is then "detached" and keeps its quote.
 *
 * The start sticks to the first commented character (assoc 0) and the end to the last
 * one (assoc -1), so typing just before or just after a comment does not widen it.
 */
import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { decodeAnchor, encodeAnchor, type Anchor } from '../anchor.ts';

export type { Anchor };

export interface AnchoredThread {
	id: string;
	anchor: Anchor;
	resolved: boolean;
}

export type AnchorStatus = Map<string, { from: number; to: number } | null>;

/** What the editor needs from the comments panel. */
export interface EditorComments {
	threads: AnchoredThread[];
	active: string | null;
	canComment: boolean;
	onStatus: (status: AnchorStatus) => void;
	onActivate: (threadId: string | null) => void;
	onCreate: (selection: { anchor: Anchor; quote: string } | null) => void;
	/** The editor hands over how to re-highlight; called whenever threads or the active one change. */
	attach: (refresh: (() => void) | null) => void;
}

interface SyncState {
	doc: Y.Doc;
	type: Y.XmlFragment;
	binding: { mapping: Map<unknown, unknown> } | null;
}

function syncState(state: EditorState): SyncState | null {
	const y = ySyncPluginKey.getState(state) as SyncState | undefined;
	return y?.binding ? y : null;
}

/** The relative position of a ProseMirror position, sticking to the character on the given side. */
function relative(sync: SyncState, pos: number, assoc: 0 | -1): Y.RelativePosition {
	const rel = absolutePositionToRelativePosition(pos, sync.type, sync.binding!.mapping as never) as Y.RelativePosition;
	const abs = Y.createAbsolutePositionFromRelativePosition(rel, sync.doc);
	if (assoc === 0 && abs && abs.type instanceof Y.XmlText) return Y.createRelativePositionFromTypeIndex(abs.type, abs.index, 0);
	return rel;
}

/** An anchor for a ProseMirror range, with the text it covers (the thread's quote). */
export function anchorForRange(editor: Editor, from: number, to: number): { anchor: Anchor; quote: string } | null {
	const sync = syncState(editor.state);
	if (!sync || from >= to) return null;
	const quote = editor.state.doc.textBetween(from, to, ' ', ' ').trim();
	if (!quote) return null;
	return {
		anchor: encodeAnchor(relative(sync, from, 0), relative(sync, to, -1)),
		quote
	};
}

function isGone(doc: Y.Doc, rel: Y.RelativePosition): boolean {
	const abs = Y.createAbsolutePositionFromRelativePosition(rel, doc);
	return !abs || (abs.type._item !== null && abs.type._item.deleted);
}

/**
 * The ProseMirror position of a Yjs text position, found through the binding's
 * mapping. y-tiptap refuses positions at the very start of a document (its guard
 * against drag-and-drop reorders), which is exactly where people often comment.
 */
function positionInText(state: EditorState, sync: SyncState, rel: Y.RelativePosition): number | null {
	const abs = Y.createAbsolutePositionFromRelativePosition(rel, sync.doc);
	if (!abs || !(abs.type instanceof Y.XmlText) || !(abs.type.parent instanceof Y.XmlElement)) return null;
	const parent = abs.type.parent;
	const node = sync.binding!.mapping.get(parent);
	if (!node) return null;
	let start = -1;
	state.doc.descendants((candidate, pos) => {
		if (start >= 0) return false;
		if (candidate === node) start = pos;
		return start < 0;
	});
	if (start < 0) return null;
	let offset = 0;
	for (let item = parent._start; item; item = item.right) {
		const type = (item.content as Y.ContentType).type;
		if (type === abs.type) break;
		if (item.deleted) continue;
		offset += type instanceof Y.XmlText ? type.length : ((sync.binding!.mapping.get(type) as { nodeSize?: number } | undefined)?.nodeSize ?? 0);
	}
	return start + 1 + offset + abs.index;
}

/** The current ProseMirror range of an anchor, or null when its text is gone. */
export function resolveAnchor(state: EditorState, anchor: Anchor): { from: number; to: number } | null {
	const sync = syncState(state);
	if (!sync) return null;
	try {
		const { start, end } = decodeAnchor(anchor);
		if (isGone(sync.doc, start) && isGone(sync.doc, end)) return null;
		const from = relativePositionToAbsolutePosition(sync.doc, sync.type, start, sync.binding!.mapping as never) ?? positionInText(state, sync, start);
		// The end sticks to the last character, so the range ends just after it.
		const last = relativePositionToAbsolutePosition(sync.doc, sync.type, end, sync.binding!.mapping as never) ?? positionInText(state, sync, end);
		if (from === null || last === null) return null;
		const to = Math.min(last, state.doc.content.size);
		return from < to ? { from, to } : null;
	} catch {
		return null;
	}
}

interface PluginState {
	decorations: DecorationSet;
	status: AnchorStatus;
}

export const commentAnchorsKey = new PluginKey<PluginState>('tafelCommentAnchors');

export interface CommentAnchorsOptions {
	threads: () => AnchoredThread[];
	active: () => string | null;
	onStatus: (status: AnchorStatus) => void;
	onActivate: (threadId: string | null) => void;
}

function compute(state: EditorState, options: CommentAnchorsOptions): PluginState {
	const status: AnchorStatus = new Map();
	const decorations: Decoration[] = [];
	const active = options.active();
	for (const thread of options.threads()) {
		const range = resolveAnchor(state, thread.anchor);
		status.set(thread.id, range);
		if (!range || thread.resolved) continue;
		decorations.push(
			Decoration.inline(range.from, range.to, { class: `comment-anchor${thread.id === active ? ' comment-anchor--active' : ''}`, 'data-thread': thread.id }, { inclusiveStart: false, inclusiveEnd: false, threadId: thread.id })
		);
	}
	return { decorations: DecorationSet.create(state.doc, decorations), status };
}

/** Highlights for the visible threads; the caret inside one makes it the active thread. */
export const CommentAnchors = Extension.create<CommentAnchorsOptions>({
	name: 'tafelCommentAnchors',
	addOptions: () => ({ threads: () => [], active: () => null, onStatus: () => {}, onActivate: () => {} }),
	addProseMirrorPlugins() {
		const options = this.options;
		let lastReported = '';
		let refresh: ReturnType<typeof setTimeout> | undefined;
		return [
			new Plugin<PluginState>({
				key: commentAnchorsKey,
				state: {
					init: (_, state) => compute(state, options),
					apply(tr: Transaction, old: PluginState, _oldState, newState) {
						// Remote changes and thread-list changes: positions from Yjs, which is current then.
						if (tr.getMeta(ySyncPluginKey) || tr.getMeta(commentAnchorsKey)) return compute(newState, options);
						// Own typing reaches Yjs only after this transaction: map the highlights for now.
						return tr.docChanged ? { decorations: old.decorations.map(tr.mapping, tr.doc), status: old.status } : old;
					}
				},
				props: {
					decorations: (state) => commentAnchorsKey.getState(state)?.decorations,
					// Clicking highlighted text opens its thread, in read-only editors too.
					handleClick(view, pos) {
						const hit = commentAnchorsKey.getState(view.state)?.decorations.find(pos, pos).find((d) => d.from <= pos && d.to >= pos);
						if (hit) options.onActivate((hit.spec as { threadId?: string }).threadId ?? null);
						return false;
					}
				},
				view: () => ({
					update(view, previous) {
						const state = commentAnchorsKey.getState(view.state)!;
						const key = [...state.status].map(([id, r]) => `${id}:${r ? `${r.from}-${r.to}` : 'x'}`).join(',');
						if (key !== lastReported) {
							lastReported = key;
							options.onStatus(state.status);
						}
						if (view.state.doc !== previous.doc && !refresh) {
							// After own edits, recompute from Yjs once it has caught up (detached threads show).
							refresh = setTimeout(() => {
								refresh = undefined;
								if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(commentAnchorsKey, 'refresh').setMeta('addToHistory', false));
							}, 250);
						}
						if (!view.state.selection.eq(previous.selection)) {
							const at = view.state.selection.from;
							const hit = state.decorations.find(at, at).find((d) => d.from <= at && d.to >= at);
							if (hit) options.onActivate((hit.spec as { threadId?: string }).threadId ?? null);
						}
					},
					destroy() {
						clearTimeout(refresh);
					}
				})
			})
		];
	}
});

/** Recompute highlights after the thread list or the active thread changed. */
export function refreshAnchors(editor: Editor): void {
	if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(commentAnchorsKey, 'threads').setMeta('addToHistory', false));
}
