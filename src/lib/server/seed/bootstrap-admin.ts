import { count } from 'drizzle-orm';
import { db } from '../db/client.ts';
import { accountTokens, users } from '../db/schema.ts';
import { generateId, generateToken, hashToken } from '../auth/tokens.ts';
import type { Config } from '../config.ts';
import { log } from '../log.ts';

/**
 * A production instance starts without accounts. With ADMIN_EMAIL set, the first
 * start creates that administrator and returns a one-time invitation token, so no
 * default password ever exists. config.ts has checked the address (a bad ADMIN_EMAIL stops the start). The caller prints the link once it knows its address.
 */
export async function bootstrapAdmin(admin: Config['admin']): Promise<string | null> {
	if (!admin) return null;
	const [{ n }] = await db().select({ n: count() }).from(users);
	if (n > 0) return null;
	const id = generateId();
	const token = generateToken();
	await db().insert(users).values({ id, email: admin.email, name: admin.name, organisationId: admin.organisationId, role: 'admin' });
	await db().insert(accountTokens).values({ id: hashToken(token), kind: 'invite', userId: id, expiresAt: new Date(Date.now() + 7 * 24 * 3600 * 1000) });
	log.info({ event: 'admin-bootstrapped', userId: id }, 'first administrator created');
	return token;
}
