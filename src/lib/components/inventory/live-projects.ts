/**
 * Live inventory: listens to the app's Server-Sent Events and calls back (debounced)
 * when a visible project was created or changed. The server filters events per user,
 * so only projects this user may see ever arrive.
 */
const DEBOUNCE_MS = 700;

export function watchProjectChanges(onChange: () => void): () => void {
	const source = new EventSource('/api/events');
	let timer: ReturnType<typeof setTimeout> | undefined;
	source.onmessage = (event: MessageEvent<string>) => {
		let type: unknown;
		try {
			type = (JSON.parse(event.data) as { type?: unknown }).type;
		} catch {
			return;
		}
		if (type !== 'project-changed') return;
		// A burst of edits (an import, a co-editing session) becomes one reload of the list.
		clearTimeout(timer);
		timer = setTimeout(onChange, DEBOUNCE_MS);
	};
	return () => {
		clearTimeout(timer);
		source.close();
	};
}
