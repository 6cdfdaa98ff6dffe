/**
 * Forgets awareness states whose clients stopped renewing them, for every room on one
 * timer. y-protocols starts an interval per Awareness (every 3 s): with a thousand open
 * documents that was a thousand timers waking the process up while nothing happened.
 * The check is the one y-protocols makes; the server has no local state to renew.
 */
import { outdatedTimeout, removeAwarenessStates, type Awareness } from 'y-protocols/awareness';

const watched = new Set<Awareness>();
let timer: NodeJS.Timeout | null = null;

function sweep(now = Date.now()): void {
	for (const awareness of watched) {
		const outdated: number[] = [];
		for (const [clientId, meta] of awareness.meta) {
			if (clientId !== awareness.clientID && now - meta.lastUpdated >= outdatedTimeout && awareness.states.has(clientId)) outdated.push(clientId);
		}
		if (outdated.length) removeAwarenessStates(awareness, outdated, 'timeout');
	}
}

/** Takes over the timeout check of a room's awareness until it is destroyed. */
export function sweepAwareness(awareness: Awareness): void {
	clearInterval(awareness._checkInterval);
	watched.add(awareness);
	// A sweep is never a reason to keep the process alive.
	timer ??= setInterval(sweep, outdatedTimeout / 10).unref();
	awareness.on('destroy', () => {
		watched.delete(awareness);
		if (watched.size === 0 && timer) {
			clearInterval(timer);
			timer = null;
		}
	});
}

/** For tests: one sweep as the timer would make it at `now`. */
export const sweepNow = sweep;
