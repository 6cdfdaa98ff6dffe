/**
 * One Server-Sent Events connection per browser tab, shared by everything on the page
 * that wants live updates (grid, comments, inbox badge): browsers allow only a few
 * connections per host over HTTP/1.1, so each listener must not open its own.
 */
import { parseLiveEvent, type LiveEvent } from '$lib/domain/live-events';

export type { LiveEvent };

type Listener = (event: LiveEvent) => void;

const listeners = new Set<Listener>();
const reopenListeners = new Set<() => void>();
let source: EventSource | null = null;

function open() {
	source = new EventSource('/api/events');
	let opened = false;
	// After a dropped connection the browser reconnects by itself; what was sent meanwhile is lost, so say so.
	source.onopen = () => {
		if (opened) for (const listener of reopenListeners) listener();
		opened = true;
	};
	source.onmessage = (message: MessageEvent<string>) => {
		const event = parseLiveEvent(message.data);
		if (!event) return;
		for (const listener of listeners) listener(event);
	};
}

/** Listens to the app's events; returns the function that stops listening. */
export function onLiveEvent(listener: Listener): () => void {
	listeners.add(listener);
	if (!source) open();
	return () => {
		listeners.delete(listener);
		if (!listeners.size && source) {
			source.close();
			source = null;
		}
	};
}

/** Called when the stream is back after a drop (events in between were missed); returns the function that stops it. */
export function onLiveReconnect(listener: () => void): () => void {
	reopenListeners.add(listener);
	return () => reopenListeners.delete(listener);
}
