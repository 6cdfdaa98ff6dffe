/**
 * "Now" for relative times, shared by every <RelativeTime> on the page.
 *
 * The first render, on the server and again while the browser hydrates, uses the
 * instant the server rendered the page (root layout data), so both produce the same
 * text. The browser's own clock takes over just after hydration and then ticks once a
 * minute, and at once when a tab comes back into view after sleeping.
 */
import { createSubscriber } from 'svelte/reactivity';

const MINUTE_MS = 60_000;
let latest: number | null = null;

const subscribe = createSubscriber((update) => {
	const tick = () => {
		latest = Date.now();
		update();
	};
	// Times shown again after client-side navigation start from the browser's clock;
	// the very first ones wait: the text must stay as the server wrote it until hydration is done.
	if (latest !== null) latest = Date.now();
	const first = setTimeout(tick, 0);
	const timer = setInterval(tick, MINUTE_MS);
	const onVisible = () => {
		if (document.visibilityState === 'visible') tick();
	};
	document.addEventListener('visibilitychange', onVisible);
	return () => {
		clearTimeout(first);
		clearInterval(timer);
		document.removeEventListener('visibilitychange', onVisible);
	};
});

/** The current time in ms; `rendered` until the browser clock has started. */
export function clockNow(rendered: number): number {
	subscribe();
	return latest ?? rendered;
}
