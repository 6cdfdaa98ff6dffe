/**
 * Named views of the inventory, per user. A view is stored as its canonical URL query
 * (the same string a shared link carries), so applying a view is following a link.
 */
import { and, asc, count, eq } from 'drizzle-orm';
import type { Actor } from '../../domain/permissions.ts';
import { validateName } from '../../domain/account.ts';
import { parseInventoryQuery, serializeInventoryQuery, type InventoryQuery } from '../../domain/inventory-query.ts';
import { db } from '../db/client.ts';
import { savedViews } from '../db/schema.ts';
import { generateId } from '../auth/tokens.ts';

export interface SavedView {
	id: string;
	name: string;
	/** The URL query without "?", e.g. "provincie=NL-UT&status=idee". */
	query: string;
}

/** Enough for every real working set; keeps one account from filling the table. */
export const MAX_VIEWS_PER_USER = 50;
export const MAX_VIEW_NAME = 80;

export async function listViews(actor: Actor): Promise<SavedView[]> {
	return db().select({ id: savedViews.id, name: savedViews.name, query: savedViews.query }).from(savedViews).where(eq(savedViews.userId, actor.userId)).orderBy(asc(savedViews.name));
}

export type SaveViewResult = { ok: true; id: string } | { ok: false; reason: 'name' | 'exists' | 'too-many' };

/** Saves the query re-parsed and canonical (page 1): a crafted query string is never stored as is. */
export async function saveView(actor: Actor, rawName: unknown, query: InventoryQuery): Promise<SaveViewResult> {
	const name = validateName(rawName, MAX_VIEW_NAME);
	if (!name.ok) return { ok: false, reason: 'name' };
	const canonical = serializeInventoryQuery(parseInventoryQuery(serializeInventoryQuery({ ...query, page: 1 }))).toString();
	const [{ n }] = await db().select({ n: count() }).from(savedViews).where(eq(savedViews.userId, actor.userId));
	if (n >= MAX_VIEWS_PER_USER) return { ok: false, reason: 'too-many' };
	const id = generateId();
	// The unique (user, name) index decides, so two quick saves cannot both pass a check.
	const inserted = await db().insert(savedViews).values({ id, userId: actor.userId, name: name.value, query: canonical }).onConflictDoNothing().returning({ id: savedViews.id });
	return inserted.length ? { ok: true, id } : { ok: false, reason: 'exists' };
}

/** Only the owner's own views can be deleted; someone else's id is simply not found. */
export async function deleteView(actor: Actor, id: string): Promise<{ ok: boolean }> {
	const deleted = await db()
		.delete(savedViews)
		.where(and(eq(savedViews.id, id.slice(0, 40)), eq(savedViews.userId, actor.userId)))
		.returning({ id: savedViews.id });
	return { ok: deleted.length > 0 };
}
