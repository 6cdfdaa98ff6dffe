/** Session lifetime rules (Lucia design): 30 days, extended when half is used up. */
export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
export const SESSION_RENEW_WITHIN_MS = 15 * 24 * 60 * 60 * 1000;
/** Don't write last_seen_at on every request. */
export const LAST_SEEN_RESOLUTION_MS = 5 * 60 * 1000;

export type SessionVerdict = 'expired' | 'renew' | 'valid';

export function judgeSession(expiresAt: Date, now: Date): SessionVerdict {
	if (now.getTime() >= expiresAt.getTime()) return 'expired';
	if (now.getTime() >= expiresAt.getTime() - SESSION_RENEW_WITHIN_MS) return 'renew';
	return 'valid';
}

export function newExpiry(now: Date): Date {
	return new Date(now.getTime() + SESSION_LIFETIME_MS);
}
