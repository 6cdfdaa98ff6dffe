/**
 * The threads of one document as this user may see them, kept fresh: the server
 * announces changes over the shared event stream (ids only) and the list is fetched
 * again through the API, which applies the policy.
 */
import { onLiveEvent } from '$lib/live/app-events';
import { m } from '$lib/paraglide/messages.js';
import type { ThreadView } from '$lib/domain/threads';
import { page } from '$app/state';
import { arrivedComments, excerptOf } from './announce';

export type Outcome<T = Record<string, unknown>> = { ok: true; data: T } | { ok: false; message: string };

/** A JSON call; the server's own sentence (in the user's language) is the error shown. */
export async function call<T = Record<string, unknown>>(url: string, method: string, body?: unknown): Promise<Outcome<T>> {
	try {
		const response = await fetch(url, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body)
		});
		const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
		if (response.ok) return { ok: true, data: data as T };
		return { ok: false, message: typeof data.message === 'string' ? data.message : m.comment_error_generic() };
	} catch {
		return { ok: false, message: m.comment_error_offline() };
	}
}

export class ThreadList {
	threads = $state<ThreadView[]>([]);
	loaded = $state(false);
	failed = $state(false);
	/** For a polite live region: a colleague's comment that arrived while the page is open. */
	announcement = $state('');
	#timer: ReturnType<typeof setTimeout> | undefined;
	#stop: (() => void) | null = null;
	#generation = 0;

	constructor(
		readonly documentName: string,
		private readonly onChange: () => void = () => {}
	) {}

	async load(): Promise<void> {
		const generation = ++this.#generation;
		const result = await call<{ threads: ThreadView[] }>(`/api/threads?document=${encodeURIComponent(this.documentName)}`, 'GET');
		// An older answer arriving late must not overwrite a newer one.
		if (generation !== this.#generation) return;
		if (result.ok) {
			if (this.loaded) this.#announce(result.data.threads);
			this.threads = result.data.threads;
			this.failed = false;
			this.onChange();
		} else this.failed = true;
		this.loaded = true;
	}

	#announce(next: ThreadView[]): void {
		const selfId = (page.data.user as { id?: string } | null | undefined)?.id ?? null;
		const arrived = arrivedComments(this.threads, next, selfId);
		if (!arrived.length) return;
		const text = arrived
			.slice(-3)
			.map((c) => m.comment_announce_new({ name: `${c.authorName} (${c.authorOrganisation})`, text: excerptOf(c.body) }))
			.join(' ');
		// The same words twice in a row would not be read again: the region is emptied first.
		this.announcement = '';
		queueMicrotask(() => (this.announcement = text));
	}

	start(): () => void {
		void this.load();
		this.#stop = onLiveEvent((event) => {
			if (event.type !== 'thread-changed' || event.documentName !== this.documentName) return;
			clearTimeout(this.#timer);
			this.#timer = setTimeout(() => void this.load(), 120);
		});
		return () => this.destroy();
	}

	destroy(): void {
		clearTimeout(this.#timer);
		this.#stop?.();
		this.#stop = null;
	}
}
