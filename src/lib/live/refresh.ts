import { invalidate } from '$app/navigation';

/**
 * Re-runs a page's load after a live event, but only while the network is up:
 * SvelteKit answers a data request that fails (offline) with a full navigation, which
 * would replace a page someone is typing in with the browser's offline page.
 * `connected`: the page's own live connection, when it has one (a dead network does
 * not always flip navigator.onLine).
 */
export function refreshLive(dependency: string, connected = true): void {
	if (!connected || navigator.onLine === false) return;
	void invalidate(dependency);
}
