/**
 * Uploads between "upload", "map", "check" and "confirm", kept in the database.
 *
 * Why not in a hidden form field: a 10,000-row upload is megabytes that would travel to
 * the browser and back on every step, and what comes back would have to be distrusted
 * and parsed again. Why not in this process's memory: a burst of uploads would grow the
 * process, a restart would forget them, and with several instances an upload would only
 * live on the one that took it (sticky sessions). In the table any instance can show the
 * report and take the confirm. Nothing is imported before the confirm (B7): these rows
 * are the parsed file, not projects.
 *
 * Bounded: an upload belongs to one user and expires 24 hours after its last use
 * (expired ones are deleted whenever uploads are stored or opened, and at start); a user
 * has at most 3 — a fourth upload drops their oldest one that is not being imported.
 */
import { and, asc, eq, lt, ne, or, sql } from 'drizzle-orm';
import { generateId } from '../auth/tokens.ts';
import type { Target } from '../../domain/import-mapping.ts';
import type { SheetRow } from '../../domain/import-report.ts';
import type { ParsedSheet } from './parse.ts';
import { db, type Db } from '../db/client.ts';
import { importUploads } from '../db/schema.ts';

export const UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;
export const UPLOADS_PER_USER = 3;
/** An import that has not finished after this long died with its process (its transaction rolled back). */
const IMPORTING_STALE_MS = 15 * 60 * 1000;

export type UploadState =
	| { phase: 'open' }
	| { phase: 'importing' }
	| { phase: 'done'; imported: number; skipped: number; visibility: 'concept' | 'platform'; firstId: string | null };

export interface Upload {
	id: string;
	userId: string;
	fileName: string;
	format: ParsedSheet['format'];
	headers: string[];
	rows: SheetRow[];
	signature: string;
	targets: Target[];
	/** Whether `targets` came from this user's earlier import of the same header row. */
	remembered: boolean;
	/** The user has looked at (and saved) the mapping. */
	mapped: boolean;
	state: UploadState;
}

const phase = sql`${importUploads.state}->>'phase'`;
const expiredBefore = (now: number) => new Date(now - UPLOAD_TTL_MS);

/** Deletes every upload not used for a day (called on access and at start). */
export async function sweepUploads(now = Date.now()): Promise<void> {
	await db().delete(importUploads).where(lt(importUploads.usedAt, expiredBefore(now)));
}

export async function storeUpload(input: Omit<Upload, 'id' | 'state' | 'mapped'>, now = Date.now()): Promise<Upload> {
	await sweepUploads(now);
	const own = await db()
		.select({ id: importUploads.id })
		.from(importUploads)
		.where(and(eq(importUploads.userId, input.userId), ne(phase, 'importing')))
		.orderBy(asc(importUploads.usedAt));
	for (const { id } of own.slice(0, Math.max(0, own.length - (UPLOADS_PER_USER - 1)))) await db().delete(importUploads).where(eq(importUploads.id, id));
	const upload: Upload = { ...input, id: generateId(), state: { phase: 'open' }, mapped: false };
	await db().insert(importUploads).values({ ...upload, usedAt: new Date(now) });
	return upload;
}

/** The upload if it exists, is not expired and belongs to this user; using it renews it. */
export async function findUpload(userId: string, id: string, now = Date.now()): Promise<Upload | null> {
	await sweepUploads(now);
	const [row] = await db()
		.update(importUploads)
		.set({ usedAt: new Date(now) })
		.where(and(eq(importUploads.id, String(id).slice(0, 80)), eq(importUploads.userId, userId)))
		.returning();
	if (!row) return null;
	const { createdAt: _created, usedAt: _used, ...upload } = row;
	return { ...upload, state: row.state as UploadState };
}

export async function saveTargets(id: string, targets: Target[]): Promise<void> {
	await db().update(importUploads).set({ targets, mapped: true }).where(eq(importUploads.id, id));
}

/** Marks the upload as being imported; false when another request (on any instance) already is. */
export async function claimUpload(id: string, now = Date.now()): Promise<boolean> {
	const stale = and(eq(phase, 'importing'), lt(importUploads.usedAt, new Date(now - IMPORTING_STALE_MS)));
	const claimed = await db()
		.update(importUploads)
		.set({ state: { phase: 'importing' }, usedAt: new Date(now) })
		.where(and(eq(importUploads.id, id), or(eq(phase, 'open'), stale)))
		.returning({ id: importUploads.id });
	return claimed.length === 1;
}

/** Inside the import's transaction: done with it exactly when the projects are there. Only the summary is kept. */
export async function finishUpload(tx: Db, id: string, state: Extract<UploadState, { phase: 'done' }>): Promise<void> {
	await tx.update(importUploads).set({ state, rows: [] }).where(eq(importUploads.id, id));
}

/** After an import that did not happen: the upload can be confirmed again. */
export async function reopenUpload(id: string): Promise<void> {
	await db().update(importUploads).set({ state: { phase: 'open' } }).where(eq(importUploads.id, id));
}

export async function uploadState(id: string): Promise<UploadState | null> {
	const [row] = await db().select({ state: importUploads.state }).from(importUploads).where(eq(importUploads.id, id));
	return row ? (row.state as UploadState) : null;
}

export async function dropUpload(userId: string, id: string): Promise<void> {
	await db().delete(importUploads).where(and(eq(importUploads.id, String(id).slice(0, 80)), eq(importUploads.userId, userId), ne(phase, 'importing')));
}
