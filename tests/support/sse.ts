/** Reads a user's Server-Sent Events stream (/api/events) in Node, as a browser's EventSource would. */
export function listenEvents(baseUrl: string, cookie: string) {
	const received: Record<string, unknown>[] = [];
	const controller = new AbortController();
	const ready = fetch(`${baseUrl}/api/events`, { headers: { cookie }, signal: controller.signal }).then(async (response) => {
		const reader = response.body!.getReader();
		const decoder = new TextDecoder();
		let buffer = '';
		void (async () => {
			try {
				for (;;) {
					const { value, done } = await reader.read();
					if (done) return;
					buffer += decoder.decode(value, { stream: true });
					let end;
					while ((end = buffer.indexOf('\n\n')) >= 0) {
						const chunk = buffer.slice(0, end);
						buffer = buffer.slice(end + 2);
						const data = chunk.split('\n').find((l) => l.startsWith('data: '));
						if (data) received.push(JSON.parse(data.slice(6)) as Record<string, unknown>);
					}
				}
			} catch {
				/* aborted */
			}
		})();
	});
	return { received, ready, stop: () => controller.abort() };
}
