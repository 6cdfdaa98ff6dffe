import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { db } from '../db/client.ts';
import { accountTokens, users } from '../db/schema.ts';
import { checkNewPassword, hashPassword, verifyPassword, type PasswordProblem } from '../auth/password.ts';
import { LOGIN_LIMITS, clear, hit, isLimited } from '../auth/rate-limit.ts';
import { createSession, invalidateUserSessions } from '../auth/session.ts';
import { hashToken } from '../auth/tokens.ts';
import { log } from '../log.ts';

export type LoginResult =
	| { ok: true; token: string; expiresAt: Date; userId: string; locale: string }
	| { ok: false; reason: 'invalid' | 'rate-limited' | 'deactivated' };

const accountKey = (email: string) => `login:account:${email.trim().toLowerCase()}`;
const addressKey = (address: string) => `login:address:${address}`;

/**
 * One answer for unknown e-mail and wrong password: no enumeration. Only someone who
 * knows the password of a switched-off account is told that it is switched off.
 */
export async function login(email: string, password: string, address: string, userAgent: string): Promise<LoginResult> {
	const normalised = email.trim().toLowerCase().slice(0, 320);
	if (
		(await isLimited(accountKey(normalised), LOGIN_LIMITS.account)) ||
		(await isLimited(addressKey(address), LOGIN_LIMITS.address))
	) {
		log.warn({ event: 'login-rate-limited' }, 'login refused by rate limit');
		return { ok: false, reason: 'rate-limited' };
	}
	const rows = await db()
		.select()
		.from(users)
		.where(sql`lower(${users.email}) = ${normalised}`)
		.limit(1);
	const user = rows[0];
	const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
	if (!user || !passwordOk || !user.active) {
		await hit(accountKey(normalised), LOGIN_LIMITS.account);
		await hit(addressKey(address), LOGIN_LIMITS.address);
		return { ok: false, reason: user && passwordOk ? 'deactivated' : 'invalid' };
	}
	await clear(accountKey(normalised));
	const { token, session } = await createSession(user.id, userAgent);
	log.info({ event: 'login', userId: user.id }, 'user logged in');
	return { ok: true, token, expiresAt: session.expiresAt, userId: user.id, locale: user.locale };
}

export interface TokenTarget {
	kind: 'invite' | 'reset';
	userId: string;
	name: string;
	email: string;
}

/** The account a one-time link is for, if the link is unused and not expired. */
export async function lookupAccountToken(token: string, now = new Date()): Promise<TokenTarget | null> {
	const rows = await db()
		.select({ kind: accountTokens.kind, userId: users.id, name: users.name, email: users.email })
		.from(accountTokens)
		.innerJoin(users, eq(users.id, accountTokens.userId))
		.where(
			and(
				eq(accountTokens.id, hashToken(token)),
				isNull(accountTokens.usedAt),
				gt(accountTokens.expiresAt, now),
				eq(users.active, true)
			)
		)
		.limit(1);
	return rows[0] ?? null;
}

export type SetPasswordResult =
	| { ok: true; token: string; expiresAt: Date }
	| { ok: false; reason: 'invalid-link' | PasswordProblem };

/** Accepting an invitation or a reset: set the password, burn the link, start a session. */
export async function setPasswordWithToken(
	token: string,
	password: string,
	repeat: string,
	userAgent: string
): Promise<SetPasswordResult> {
	const target = await lookupAccountToken(token);
	if (!target) return { ok: false, reason: 'invalid-link' };
	const problem = checkNewPassword(password, repeat, target.email);
	if (problem) return { ok: false, reason: problem };
	const passwordHash = await hashPassword(password);
	const burned = await db().transaction(async (tx) => {
		const used = await tx
			.update(accountTokens)
			.set({ usedAt: new Date() })
			.where(and(eq(accountTokens.id, hashToken(token)), isNull(accountTokens.usedAt)))
			.returning({ id: accountTokens.id });
		if (used.length === 0) return false;
		await tx.update(users).set({ passwordHash }).where(eq(users.id, target.userId));
		return true;
	});
	if (!burned) return { ok: false, reason: 'invalid-link' };
	// A reset means the old password may be known to someone else: end its sessions.
	await invalidateUserSessions(target.userId);
	const { token: sessionToken, session } = await createSession(target.userId, userAgent);
	log.info({ event: `account-token-${target.kind}`, userId: target.userId }, 'password set with link');
	return { ok: true, token: sessionToken, expiresAt: session.expiresAt };
}
