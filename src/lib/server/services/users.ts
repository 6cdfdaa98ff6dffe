import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { can, canChangeUser, type Actor } from '../../domain/permissions.ts';
import { isRole, type Role } from '../../domain/roles.ts';
import { validateEmail, validateName } from '../../domain/account.ts';
import { db } from '../db/client.ts';
import { accountTokens, organisations, users } from '../db/schema.ts';
import { endSessionsOfDeactivated } from '../auth/session.ts';
import { generateId, generateToken, hashToken } from '../auth/tokens.ts';
import { events } from '../events.ts';
import { log } from '../log.ts';

export const LINK_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export interface UserRow {
	id: string;
	name: string;
	email: string;
	role: Role;
	active: boolean;
	organisationId: string;
	organisationName: string;
	hasPassword: boolean;
}

type Denied = { ok: false; reason: 'forbidden' };
const denied: Denied = { ok: false, reason: 'forbidden' };

export async function listUsers(actor: Actor): Promise<{ ok: true; users: UserRow[] } | Denied> {
	if (!can(actor, 'read', { kind: 'users' })) return denied;
	const rows = await db()
		.select({
			id: users.id,
			name: users.name,
			email: users.email,
			role: users.role,
			active: users.active,
			organisationId: users.organisationId,
			organisationName: organisations.name,
			hasPassword: sql<boolean>`${users.passwordHash} is not null`
		})
		.from(users)
		.innerJoin(organisations, eq(organisations.id, users.organisationId))
		.orderBy(asc(organisations.name), asc(users.name));
	return { ok: true, users: rows };
}

export interface InviteInput {
	name: string;
	email: string;
	organisationId: string;
	role: string;
}

export type InviteProblem = 'name' | 'email' | 'email-taken' | 'organisation' | 'role';

export type LinkResult = { ok: true; token: string; expiresAt: Date } | Denied | { ok: false; reason: InviteProblem | 'not-found' };

async function issueLink(kind: 'invite' | 'reset', userId: string, createdBy: string): Promise<{ token: string; expiresAt: Date }> {
	const token = generateToken();
	const expiresAt = new Date(Date.now() + LINK_LIFETIME_MS);
	// Only the newest link of a kind works: older ones are burned.
	await db()
		.update(accountTokens)
		.set({ usedAt: new Date() })
		.where(and(eq(accountTokens.userId, userId), eq(accountTokens.kind, kind), isNull(accountTokens.usedAt)));
	await db().insert(accountTokens).values({ id: hashToken(token), kind, userId, createdBy, expiresAt });
	return { token, expiresAt };
}

/** Creates the account without a password and returns the one-time invitation link token. */
export async function invite(actor: Actor, input: InviteInput): Promise<LinkResult> {
	if (!can(actor, 'manage', { kind: 'users' })) return denied;
	const name = validateName(input.name);
	if (!name.ok) return { ok: false, reason: 'name' };
	const email = validateEmail(input.email);
	if (!email.ok) return { ok: false, reason: 'email' };
	if (!isRole(input.role)) return { ok: false, reason: 'role' };
	const org = await db().select({ id: organisations.id }).from(organisations).where(and(eq(organisations.id, input.organisationId), eq(organisations.active, true)));
	if (org.length === 0) return { ok: false, reason: 'organisation' };
	const existing = await db().select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email.value}`);
	if (existing.length > 0) return { ok: false, reason: 'email-taken' };
	const id = generateId();
	await db().insert(users).values({ id, name: name.value, email: email.value, organisationId: input.organisationId, role: input.role });
	log.info({ event: 'user-invited', userId: id, by: actor.userId }, 'user invited');
	return { ok: true, ...(await issueLink('invite', id, actor.userId)) };
}

export async function issuePasswordReset(actor: Actor, userId: string): Promise<LinkResult> {
	if (!can(actor, 'manage', { kind: 'users' })) return denied;
	const row = await db().select({ id: users.id, hasPassword: sql<boolean>`${users.passwordHash} is not null` }).from(users).where(eq(users.id, userId));
	if (!row[0]) return { ok: false, reason: 'not-found' };
	// Someone who never accepted gets a fresh invitation instead of a reset.
	const kind = row[0].hasPassword ? 'reset' : 'invite';
	log.info({ event: `link-${kind}`, userId, by: actor.userId }, 'account link issued');
	return { ok: true, ...(await issueLink(kind, userId, actor.userId)) };
}

export type ChangeResult = { ok: true } | Denied | { ok: false; reason: 'not-found' | 'role' | 'self' | 'organisation' };

export interface UserChange {
	role?: string;
	active?: boolean;
	organisationId?: string;
}

/** Role, organisation and activation changes; open sessions and sockets follow within seconds. */
export async function changeUser(actor: Actor, userId: string, change: UserChange): Promise<ChangeResult> {
	if (!can(actor, 'manage', { kind: 'users' })) return denied;
	if (change.role !== undefined && !isRole(change.role)) return { ok: false, reason: 'role' };
	// An admin cannot lock themselves out (and leave the platform without one).
	if (!canChangeUser(actor, userId, { role: change.role, active: change.active })) return { ok: false, reason: 'self' };
	if (change.organisationId !== undefined) {
		const org = await db().select({ id: organisations.id }).from(organisations).where(eq(organisations.id, change.organisationId));
		if (org.length === 0) return { ok: false, reason: 'organisation' };
	}
	const updated = await db()
		.update(users)
		.set({
			...(change.role !== undefined ? { role: change.role as Role } : {}),
			...(change.active !== undefined ? { active: change.active } : {}),
			...(change.organisationId !== undefined ? { organisationId: change.organisationId } : {})
		})
		.where(eq(users.id, userId))
		.returning();
	const user = updated[0];
	if (!user) return { ok: false, reason: 'not-found' };
	if (!user.active) await endSessionsOfDeactivated(userId);
	events.publish({ type: 'user-changed', userId, role: user.role, active: user.active, organisationId: user.organisationId });
	log.info({ event: 'user-changed', userId, by: actor.userId, ...change }, 'user changed');
	return { ok: true };
}

export async function setLocale(actor: Pick<Actor, 'userId'>, locale: 'nl' | 'en'): Promise<void> {
	await db().update(users).set({ locale }).where(eq(users.id, actor.userId));
}
