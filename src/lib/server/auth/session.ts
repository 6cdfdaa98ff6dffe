import { and, eq, ne } from 'drizzle-orm';
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
	const rows = await db()
		.select({ session: sessions, user: users, org: organisations })
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.innerJoin(organisations, eq(organisations.id, users.organisationId))
		.where(eq(sessions.id, id))
		.limit(1);
	const row = rows[0];
	if (!row) return null;
	const verdict = judgeSession(row.session.expiresAt, now);
	if (verdict === 'expired' || !row.user.active) {
		await db().delete(sessions).where(eq(sessions.id, id));
		return null;
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
	const user: SessionUser = {
		userId: row.user.id,
		organisationId: row.user.organisationId,
		role: row.user.role,
		name: row.user.name,
		email: row.user.email,
		organisationName: row.org.name,
		organisationAbbreviation: row.org.abbreviation,
		locale: row.user.locale
	};
	return { session, user, renewed: verdict === 'renew' };
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

export async function listSessions(userId: string): Promise<SessionInfo[]> {
	return db().select().from(sessions).where(eq(sessions.userId, userId)).orderBy(sessions.createdAt);
}
