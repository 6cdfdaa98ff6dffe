/**
 * The state shared by a document's editor and its comments panel: the visible
 * threads, which one is active, where each anchor currently is, and the selection a
 * new inline comment is about to be written on.
 */
import type { Anchor, AnchorStatus, EditorComments } from '$lib/collab/browser/comment-anchors';
import { ThreadList } from './threads.svelte';

export class CommentsController {
	readonly list: ThreadList;
	#active = $state<string | null>(null);
	#refresh: (() => void) | null = null;
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole by onStatus, never mutated
	status = $state<AnchorStatus>(new Map());
	pending = $state<{ anchor: Anchor; quote: string } | null>(null);
	/** Shown when "Opmerking" is pressed without selected text. */
	needsSelection = $state(false);
	/** Set by the page: selects an anchor's text in the editor. */
	revealer: ((anchor: Anchor) => boolean) | null = null;
	/**
	 * Set by the page: shows a thread opened from its highlight (lines it up in the
	 * margin, or opens the sheet on a phone). Without it the card is scrolled into view.
	 */
	placer: ((id: string) => void) | null = null;
	/** Where focus was when a comment on selected text was started: it goes back there on cancel. */
	#opener: HTMLElement | null = null;
	/** May this person comment? Follows the server's Access message, so it can change. */
	canComment = $state(false);

	constructor(documentName: string, canComment: boolean) {
		this.canComment = canComment;
		// The editor's highlights follow the list without a reactive loop through ProseMirror.
		this.list = new ThreadList(documentName, () => this.#refresh?.());
	}

	get active(): string | null {
		return this.#active;
	}

	set active(id: string | null) {
		if (id === this.#active) return;
		this.#active = id;
		this.#refresh?.();
	}

	/** What the editor needs; getters, so the editor follows every change. */
	get editor(): EditorComments {
		// eslint-disable-next-line @typescript-eslint/no-this-alias -- the getters below have a `this` of their own
		const self = this;
		return {
			get threads() {
				return self.list.threads.filter((t) => t.anchor).map((t) => ({ id: t.id, anchor: t.anchor!, resolved: t.resolved }));
			},
			get active() {
				return self.active;
			},
			get canComment() {
				return self.canComment;
			},
			onStatus: (status) => (self.status = status),
			onActivate: (id) => self.activate(id, true),
			onCreate: (selection) => {
				if (selection) self.#opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
				self.pending = selection;
				self.needsSelection = !selection;
			},
			attach: (refresh) => {
				self.#refresh = refresh;
				refresh?.();
			}
		};
	}

	/** Makes a thread the active one; from the text, its card is shown beside it. */
	activate(id: string | null, fromText = false): void {
		this.active = id;
		if (!id || !fromText) return;
		if (this.placer) this.placer(id);
		else document.getElementById(`thread-${id}`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
	}

	/** Drops the comment being written on selected text; focus returns to the text or button it came from. */
	cancelPending(): void {
		this.pending = null;
		const back = this.#opener;
		this.#opener = null;
		if (back?.isConnected) queueMicrotask(() => back.focus());
	}

	detached(id: string): boolean | null {
		if (!this.status.has(id)) return null;
		return this.status.get(id) === null;
	}

	reveal(id: string, anchor: Anchor): void {
		this.active = id;
		this.revealer?.(anchor);
	}
}
