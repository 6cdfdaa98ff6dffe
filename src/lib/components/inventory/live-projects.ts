/**
 * Live inventory: listens to the app's Server-Sent Events and calls back (debounced)
 * when a visible project was created or changed. The server filters events per user,
 * so only projects this user may see ever arrive.
 */
import { onLiveEvent } from '$lib/live/app-events';

const DEBOUNCE_MS = 700;

export function watchProjectChanges(onChange: () => void): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const stop = onLiveEvent((event) => {
		// Open-comment counts are part of a row too.
		if (event.type !== 'project-changed' && !(event.type === 'thread-changed' && event.projectId)) return;
		// A burst of edits (an import, a co-editing session) becomes one reload of the list.
		clearTimeout(timer);
		timer = setTimeout(onChange, DEBOUNCE_MS);
	});
	return () => {
		clearTimeout(timer);
		stop();
	};
}
