import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../domain/permissions.ts';
import { db } from '../db/client.ts';
import { sessions } from '../db/schema.ts';
import { invalidateSession, invalidateUserSessions, listSessions } from '../auth/session.ts';

export interface SessionView {
	id: string;
	current: boolean;
	userAgent: string;
	createdAt: Date;
	lastSeenAt: Date;
	expiresAt: Date;
}

/** "My sessions": one's own sessions only, the current one marked. */
export async function mySessions(actor: Actor, currentSessionId: string): Promise<SessionView[]> {
	const rows = await listSessions(actor.userId);
	return rows
		.map((s) => ({ id: s.id, current: s.id === currentSessionId, userAgent: s.userAgent, createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, expiresAt: s.expiresAt }))
		.sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.getTime() - a.lastSeenAt.getTime());
}

/** Ends one of the actor's own sessions; someone else's session id changes nothing. */
export async function revokeMySession(actor: Actor, sessionId: string): Promise<boolean> {
	const own = await db().select({ id: sessions.id }).from(sessions).where(and(eq(sessions.id, sessionId), eq(sessions.userId, actor.userId)));
	if (own.length === 0) return false;
	await invalidateSession(sessionId);
	return true;
}

export async function revokeMyOtherSessions(actor: Actor, currentSessionId: string): Promise<void> {
	await invalidateUserSessions(actor.userId, currentSessionId);
}
