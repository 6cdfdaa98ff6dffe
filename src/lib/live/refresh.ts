import { invalidate } from '$app/navigation';
import { navigating } from '$app/state';

/**
 * Re-runs a page's load after a live event, but only when that cannot cost the person
 * anything:
 * - not while the network is down: SvelteKit answers a data request that fails
 *   (offline) with a full navigation, which would replace a page someone is typing in
 *   with the browser's offline page. `connected`: the page's own live connection, when
 *   it has one (a dead network does not always flip navigator.onLine);
 * - not while a navigation is under way: SvelteKit lets an invalidation "win" over a
 *   pending navigation, so a colleague's edit arriving just after someone clicked a
 *   link would silently swallow the click. The page being navigated to loads fresh
 *   data anyway.
 * Resolves to whether the page's data was reloaded.
 */
export async function refreshLive(dependency: string, connected = true): Promise<boolean> {
	if (!connected || navigator.onLine === false || navigating.to) return false;
	await invalidate(dependency);
	return true;
}
