/**
 * Sessions as the collaboration upgrade sees them, remembered for a few seconds: a page
 * opens several documents at once and a reconnect storm brings every tab back together,
 * and each upgrade asking the database the same question was much of what a connection
 * cost. The database stays the truth for everything else (HTTP requests, last-seen,
 * renewal); open sockets are re-checked there on every change (collab-server.ts).
 *
 * Forgotten at once when the session ends (logout, revocation, deactivation) or the
 * person's account changes (role, organisation, activation), on this instance and —
 * through the event bus — on the others; never used past the session's own expiry.
 */
import { events } from '../events.ts';
import { shortCache } from '../short-cache.ts';
import { singleton } from '../singleton.ts';
import { hashToken } from './tokens.ts';
import { judgeSession } from './session-rules.ts';
import { validateSessionId, type Validated } from './session.ts';

type Valid = NonNullable<Validated>;

/** Long enough to cover a page's burst of upgrades and a reconnect storm, short enough that nothing stale lingers. */
export const SESSION_CACHE_MS = 10_000;

/** One per process (singleton.ts): the SvelteKit bundle and a dev reload see the same cache and one subscription. */
const sessions = () =>
	singleton('auth.session-cache', () => {
		const cache = shortCache<string, Valid>({
			ttlMs: SESSION_CACHE_MS,
			maxEntries: 10_000,
			fresh: (validated, now) => judgeSession(validated.session.expiresAt, new Date(now)) !== 'expired'
		});
		events.subscribe((event) => {
			if (event.type === 'session-revoked') cache.forget(event.sessionId);
			else if (event.type === 'user-changed') cache.forgetWhere((validated) => validated.user.userId === event.userId);
		});
		return cache;
	});

/** The session behind a cookie token, from memory when it was looked up in the last few seconds. */
export function cachedSessionToken(token: string): Promise<Validated> {
	const id = hashToken(token);
	return sessions().get(id, () => validateSessionId(id));
}
