/**
 * Reads a user's Server-Sent Events stream (/api/events) in Node, as a browser's
 * EventSource would: each event's data as JSON, with the moment its chunk arrived.
 * Resolves once the stream is open.
 */
export async function readEvents(baseUrl: string, cookie: string, onEvent: (data: Record<string, unknown>, at: number) => void): Promise<() => void> {
	const controller = new AbortController();
	const response = await fetch(`${baseUrl}/api/events`, { headers: { cookie }, signal: controller.signal });
	const reader = response.body!.getReader();
	const decoder = new TextDecoder();
	let buffer = '';
	void (async () => {
		try {
			for (;;) {
				const { value, done } = await reader.read();
				if (done) return;
				const at = performance.now();
				buffer += decoder.decode(value, { stream: true });
				let end;
				while ((end = buffer.indexOf('\n\n')) >= 0) {
					const chunk = buffer.slice(0, end);
					buffer = buffer.slice(end + 2);
					const data = chunk.split('\n').find((l) => l.startsWith('data: '));
					if (data) onEvent(JSON.parse(data.slice(6)) as Record<string, unknown>, at);
				}
			}
		} catch {
			/* aborted */
		}
	})();
	return () => controller.abort();
}

/** Every event a user receives, collected. */
export function listenEvents(baseUrl: string, cookie: string) {
	const received: Record<string, unknown>[] = [];
	let stop = () => {};
	const ready = readEvents(baseUrl, cookie, (data) => received.push(data)).then((s) => void (stop = s));
	return { received, ready, stop: () => void ready.then(() => stop()) };
}
