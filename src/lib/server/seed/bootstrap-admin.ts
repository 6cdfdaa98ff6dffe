import { count } from 'drizzle-orm';
import { db } from '../db/client.ts';
import { accountTokens, users } from '../db/schema.ts';
import { generateId, generateToken, hashToken } from '../auth/tokens.ts';
import { validateEmail } from '../../domain/account.ts';
import { log } from '../log.ts';

/**
 * A production instance starts without accounts. With ADMIN_EMAIL set, the first
 * start creates that administrator and prints a one-time invitation link, so no
 * default password ever exists.
 */
export async function bootstrapAdmin(env: NodeJS.ProcessEnv = process.env): Promise<void> {
	const email = validateEmail(env.ADMIN_EMAIL ?? '');
	if (!email.ok) return;
	const [{ n }] = await db().select({ n: count() }).from(users);
	if (n > 0) return;
	const id = generateId();
	const token = generateToken();
	await db().insert(users).values({ id, email: email.value, name: env.ADMIN_NAME || 'Beheerder', organisationId: env.ADMIN_ORGANISATION || 'min-ez', role: 'admin' });
	await db().insert(accountTokens).values({ id: hashToken(token), kind: 'invite', userId: id, expiresAt: new Date(Date.now() + 7 * 24 * 3600 * 1000) });
	const origin = env.ORIGIN || `http://localhost:${env.PORT || 3000}`;
	// Printed on stdout on purpose: the operator hands this link to the administrator.
	console.log(`\nTafel: eerste beheerder aangemaakt. Stel een wachtwoord in via:\n${origin}/uitnodiging/${token}\n`);
	log.info({ event: 'admin-bootstrapped', userId: id }, 'first administrator created');
}
