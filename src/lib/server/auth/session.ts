import { and, eq, gt, ne } from 'drizzle-orm';
import { db } from '../db/client.ts';
import { organisations, sessions, users } from '../db/schema.ts';
import { events } from '../events.ts';
import type { Actor } from '../../domain/permissions.ts';
import { generateToken, hashToken } from './tokens.ts';
import { LAST_SEEN_RESOLUTION_MS, judgeSession, newExpiry } from './session-rules.ts';

export const SESSION_COOKIE = 'tafel_session';

export interface SessionInfo {
	id: string;
	userId: string;
	expiresAt: Date;
	createdAt: Date;
	lastSeenAt: Date;
	userAgent: string;
}

export interface SessionUser extends Actor {
	name: string;
	email: string;
	organisationName: string;
	organisationAbbreviation: string;
	locale: string;
}

export type Validated = { session: SessionInfo; user: SessionUser; renewed: boolean } | null;

/** Why a session cookie no longer works, so the login page can say so. */
export type SessionEnd = 'expired' | 'deactivated' | 'revoked';
export type Checked = ({ ok: true } & NonNullable<Validated>) | { ok: false; reason: SessionEnd };

export async function createSession(userId: string, userAgent: string, now = new Date()) {
	const token = generateToken();
	const session: SessionInfo = {
		id: hashToken(token),
		userId,
		expiresAt: newExpiry(now),
		createdAt: now,
		lastSeenAt: now,
		userAgent: userAgent.slice(0, 200)
	};
	await db().insert(sessions).values(session);
	return { token, session };
}

/** Same code for HTTP requests and the websocket upgrade. */
export async function validateSessionToken(token: string, now = new Date()): Promise<Validated> {
	return validateSessionId(hashToken(token), now);
}

/** For servers that hold the session id, not the token (open websockets re-checking rights). */
export async function validateSessionId(id: string, now = new Date()): Promise<Validated> {
	const checked = await checkSessionId(id, now);
	return checked.ok ? { session: checked.session, user: checked.user, renewed: checked.renewed } : null;
}

/** For HTTP requests: the session, or why it ended (a deactivated person is told so, not "expired"). */
export async function checkSessionToken(token: string, now = new Date()): Promise<Checked> {
	return checkSessionId(hashToken(token), now);
}

async function checkSessionId(id: string, now: Date): Promise<Checked> {
	const rows = await db()
		.select({ session: sessions, user: users, org: organisations })
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.innerJoin(organisations, eq(organisations.id, users.organisationId))
		.where(eq(sessions.id, id))
		.limit(1);
	const row = rows[0];
	if (!row) return { ok: false, reason: 'revoked' };
	// A deactivated person's rows stay (refused, and already expired by endSessionsOfDeactivated)
	// until their browser comes back and can be told why; the cookie is dropped then.
	if (!row.user.active) return { ok: false, reason: 'deactivated' };
	const verdict = judgeSession(row.session.expiresAt, now);
	if (verdict === 'expired') {
		await db().delete(sessions).where(eq(sessions.id, id));
		return { ok: false, reason: 'expired' };
	}
	const session: SessionInfo = { ...row.session };
	if (verdict === 'renew') {
		session.expiresAt = newExpiry(now);
		session.lastSeenAt = now;
		await db().update(sessions).set({ expiresAt: session.expiresAt, lastSeenAt: now }).where(eq(sessions.id, id));
	} else if (now.getTime() - session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
		session.lastSeenAt = now;
		await db().update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
	}
	return { ok: true, session, user: sessionUser(row.user, row.org), renewed: verdict === 'renew' };
}

function sessionUser(user: typeof users.$inferSelect, org: typeof organisations.$inferSelect): SessionUser {
	return {
		userId: user.id,
		organisationId: user.organisationId,
		role: user.role,
		name: user.name,
		email: user.email,
		organisationName: org.name,
		organisationAbbreviation: org.abbreviation,
		locale: user.locale
	};
}

export async function invalidateSession(sessionId: string): Promise<void> {
	const removed = await db().delete(sessions).where(eq(sessions.id, sessionId)).returning({ userId: sessions.userId });
	if (removed[0]) events.publish({ type: 'session-revoked', sessionId, userId: removed[0].userId });
}

/** Logs a user out everywhere, e.g. on deactivation or password reset. */
export async function invalidateUserSessions(userId: string, exceptSessionId?: string): Promise<void> {
	const where = exceptSessionId
		? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId))
		: eq(sessions.userId, userId);
	const removed = await db().delete(sessions).where(where).returning({ id: sessions.id });
	for (const r of removed) events.publish({ type: 'session-revoked', sessionId: r.id, userId });
}

/**
 * Deactivation: every session ends at once (sockets and event streams close on the
 * event), but the rows are kept, expired, so a returning browser learns that the
 * account was switched off. Expired, they stay dead if the account is switched on again.
 */
export async function endSessionsOfDeactivated(userId: string): Promise<void> {
	const ended = await db().update(sessions).set({ expiresAt: new Date(0) }).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
	for (const r of ended) events.publish({ type: 'session-revoked', sessionId: r.id, userId });
}

export async function listSessions(userId: string, now = new Date()): Promise<SessionInfo[]> {
	return db().select().from(sessions).where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now))).orderBy(sessions.createdAt);
}
