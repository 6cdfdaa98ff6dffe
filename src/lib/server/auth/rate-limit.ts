import { eq, sql } from 'drizzle-orm';
import { db } from '../db/client.ts';
import { rateLimits } from '../db/schema.ts';

export interface Limit {
	max: number;
	windowMs: number;
}

/** Failed logins: per account and per address, counted in the database so every instance agrees. */
export const LOGIN_LIMITS = {
	account: { max: 5, windowMs: 15 * 60 * 1000 },
	address: { max: 20, windowMs: 15 * 60 * 1000 }
} satisfies Record<string, Limit>;

/** True when the key has used up its window. */
export async function isLimited(key: string, limit: Limit, now = new Date()): Promise<boolean> {
	const rows = await db().select().from(rateLimits).where(eq(rateLimits.key, key)).limit(1);
	const row = rows[0];
	return !!row && row.resetAt.getTime() > now.getTime() && row.count >= limit.max;
}

/** Counts one hit; a new window starts when the old one has passed. */
export async function hit(key: string, limit: Limit, now = new Date()): Promise<void> {
	const resetAt = new Date(now.getTime() + limit.windowMs);
	await db()
		.insert(rateLimits)
		.values({ key, count: 1, resetAt })
		.onConflictDoUpdate({
			target: rateLimits.key,
			set: {
				count: sql`case when ${rateLimits.resetAt} <= ${now.toISOString()}::timestamptz then 1 else ${rateLimits.count} + 1 end`,
				resetAt: sql`case when ${rateLimits.resetAt} <= ${now.toISOString()}::timestamptz then ${resetAt.toISOString()}::timestamptz else ${rateLimits.resetAt} end`
			}
		});
}

export async function clear(key: string): Promise<void> {
	await db().delete(rateLimits).where(eq(rateLimits.key, key));
}
