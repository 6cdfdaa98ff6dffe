/**
 * The one owner of document versions (`doc_versions`) and of the editing activity they
 * summarise (`doc_activity`). A version is the full state of the document as stored
 * (what editors were shown as "Opgeslagen"), with who changed something since the
 * previous version. Access decisions are the caller's (services/versions.ts).
 */
import { createHash } from 'node:crypto';
import { and, desc, eq, gt, inArray, isNotNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import * as Y from 'yjs';
import { generateId } from '../auth/tokens.ts';
import { db } from '../db/client.ts';
import { docActivity, docVersions, type VersionEditor } from '../db/schema.ts';
import { readDocument } from './store.ts';

export type VersionKind = (typeof docVersions.$inferSelect)['kind'];
export const VERSION_KINDS: readonly VersionKind[] = ['auto', 'named', 'milestone', 'restore'];

/** Who takes a version: a person, or null for Tafel itself (automatic versions). */
export interface VersionAuthor {
	userId: string;
	name: string;
	organisationId: string;
}

export interface NewVersion {
	kind: VersionKind;
	reason?: 'settled' | 'before-restore';
	name?: string | null;
	milestoneId?: string | null;
	restoredFrom?: string | null;
	by: VersionAuthor | null;
}

/** A version without its state: what lists show. */
export type VersionSummary = Omit<typeof docVersions.$inferSelect, 'state' | 'hash'>;

/** What taking a version gave: the version, or (named) the earlier version that already holds this state under a name. */
export type TakenVersion = VersionSummary & { unchanged?: true };

const summaryColumns = {
	id: docVersions.id,
	docName: docVersions.docName,
	kind: docVersions.kind,
	reason: docVersions.reason,
	name: docVersions.name,
	milestoneId: docVersions.milestoneId,
	restoredFrom: docVersions.restoredFrom,
	size: docVersions.size,
	editors: docVersions.editors,
	createdBy: docVersions.createdBy,
	createdByName: docVersions.createdByName,
	createdByOrganisationId: docVersions.createdByOrganisationId,
	createdAt: docVersions.createdAt
};

const withoutHash = <T extends { hash: string }>({ hash: _hash, ...rest }: T): Omit<T, 'hash'> => rest;

const hashOf = (state: Uint8Array) => createHash('sha256').update(state).digest('hex');

/** The stored document as one full (garbage-collected) state; an empty document when nothing is stored. */
async function storedState(docName: string): Promise<Uint8Array> {
	const doc = (await readDocument(docName)) ?? new Y.Doc();
	try {
		return Y.encodeStateAsUpdate(doc);
	} finally {
		doc.destroy();
	}
}

/**
 * Records that people edited a document (called by the collaboration server after their
 * updates were stored): merged with what other instances recorded since the last version.
 */
export async function recordActivity(docName: string, editors: VersionEditor[], at = new Date()): Promise<void> {
	const map = Object.fromEntries(editors.map((e) => [e.userId, { name: e.name, organisationId: e.organisationId }]));
	await db()
		.insert(docActivity)
		.values({ docName, pendingSince: at, lastEditAt: at, editors: map })
		.onConflictDoUpdate({
			target: docActivity.docName,
			set: {
				pendingSince: sql`coalesce(${docActivity.pendingSince}, excluded.pending_since)`,
				lastEditAt: sql`greatest(${docActivity.lastEditAt}, excluded.last_edit_at)`,
				editors: sql`${docActivity.editors} || excluded.editors`
			}
		});
}

/**
 * Takes a version of the document as stored now. Versions of one document are taken one
 * at a time across instances (an advisory lock), and the activity they summarise is
 * handed over in the same transaction, so an editor is never counted twice or dropped.
 * An automatic version identical to the previous one is not kept (null). A named version
 * of the same state as the previous one is not a second copy of the document: an
 * automatic one gets the name, a version that has a name already is returned, marked
 * `unchanged` (naming again and again must not fill the database with copies).
 */
export async function takeVersion(docName: string, version: NewVersion, now = new Date()): Promise<TakenVersion | null> {
	const state = await storedState(docName);
	const hash = hashOf(state);
	return db().transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'version:' + docName}))`);
		const [activity] = await tx.select().from(docActivity).where(eq(docActivity.docName, docName)).for('update');
		const [previous] = await tx.select({ ...summaryColumns, hash: docVersions.hash }).from(docVersions).where(eq(docVersions.docName, docName)).orderBy(desc(docVersions.createdAt), desc(docVersions.id)).limit(1);
		if (version.kind === 'named' && previous?.hash === hash && previous.kind !== 'auto') return { ...withoutHash(previous), unchanged: true };
		if (activity) await tx.update(docActivity).set({ pendingSince: null, editors: {} }).where(eq(docActivity.docName, docName));
		if (version.kind === 'auto' && previous?.hash === hash) return null;
		const editors: VersionEditor[] = Object.entries(activity?.editors ?? {}).map(([userId, e]) => ({ userId, name: e.name, organisationId: e.organisationId }));
		if (version.kind === 'named' && previous?.hash === hash) {
			const merged = new Map([...previous.editors, ...editors].map((e) => [e.userId, e]));
			const [named] = await tx
				.update(docVersions)
				.set({ kind: 'named', reason: null, name: version.name ?? null, editors: [...merged.values()], createdBy: version.by?.userId ?? null, createdByName: version.by?.name ?? null, createdByOrganisationId: version.by?.organisationId ?? null })
				.where(eq(docVersions.id, previous.id))
				.returning(summaryColumns);
			return named;
		}
		const [row] = await tx
			.insert(docVersions)
			.values({
				id: generateId(),
				docName,
				kind: version.kind,
				reason: version.reason ?? null,
				name: version.name ?? null,
				milestoneId: version.milestoneId ?? null,
				restoredFrom: version.restoredFrom ?? null,
				state,
				size: state.length,
				hash,
				editors,
				createdBy: version.by?.userId ?? null,
				createdByName: version.by?.name ?? null,
				createdByOrganisationId: version.by?.organisationId ?? null,
				createdAt: now
			})
			.returning(summaryColumns);
		return row;
	});
}

export interface VersionPage {
	versions: VersionSummary[];
	/** Pass as `before` for the next (older) page; null when this was the last. */
	next: string | null;
}

/** One page of a document's versions, newest first, without their states (fast for thousands of versions). */
export async function listVersions(docName: string, options: { kinds?: readonly VersionKind[]; before?: string | null; limit?: number } = {}): Promise<VersionPage> {
	const limit = Math.min(Math.max(Math.trunc(options.limit ?? 50) || 50, 1), 200);
	const where: SQL[] = [eq(docVersions.docName, docName)];
	if (options.kinds?.length) where.push(inArray(docVersions.kind, [...options.kinds]));
	const cursor = options.before ? decodeCursor(options.before) : null;
	if (cursor) where.push(or(lt(docVersions.createdAt, cursor.at), and(eq(docVersions.createdAt, cursor.at), lt(docVersions.id, cursor.id)))!);
	const rows = await db().select(summaryColumns).from(docVersions).where(and(...where)).orderBy(desc(docVersions.createdAt), desc(docVersions.id)).limit(limit + 1);
	const page = rows.slice(0, limit);
	const last = page.at(-1);
	return { versions: page, next: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null };
}

const encodeCursor = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
function decodeCursor(cursor: string): { at: Date; id: string } | null {
	const [iso, id] = Buffer.from(cursor.slice(0, 200), 'base64url').toString().split('|');
	const at = new Date(iso ?? '');
	// Only times a version can have: a date outside PostgreSQL's range failed the query (500).
	const year = at.getUTCFullYear();
	return Number.isNaN(at.getTime()) || year < 2000 || year > 2200 || !id || id.length > 64 ? null : { at, id };
}

/** One version with its state; null when the document has no such version. */
export async function getVersion(docName: string, id: string): Promise<(VersionSummary & { state: Uint8Array }) | null> {
	if (typeof id !== 'string' || id.length > 64) return null;
	const [row] = await db()
		.select({ ...summaryColumns, state: docVersions.state })
		.from(docVersions)
		.where(and(eq(docVersions.docName, docName), eq(docVersions.id, id)));
	return row ? { ...row, state: new Uint8Array(row.state) } : null;
}

/** The latest named or milestone version and how many versions came after it ("3 versies sinds …"). */
export async function versionsSinceNamed(docName: string): Promise<{ version: VersionSummary; since: number } | null> {
	const [named] = await db()
		.select(summaryColumns)
		.from(docVersions)
		.where(and(eq(docVersions.docName, docName), inArray(docVersions.kind, ['named', 'milestone'])))
		.orderBy(desc(docVersions.createdAt), desc(docVersions.id))
		.limit(1);
	if (!named) return null;
	const [{ n }] = await db()
		.select({ n: sql<number>`count(*)::int` })
		.from(docVersions)
		.where(and(eq(docVersions.docName, docName), or(gt(docVersions.createdAt, named.createdAt), and(eq(docVersions.createdAt, named.createdAt), gt(docVersions.id, named.id)))));
	return { version: named, since: n };
}

export interface AutoVersionRules {
	/** Editing must have been quiet this long. */
	settleMs: number;
	/** At most one automatic version per document in this time. */
	minIntervalMs: number;
}

/**
 * Automatic versions: every document whose burst of editing has settled and whose last
 * automatic version is old enough. `now` is a parameter so tests control the clock.
 */
export async function takeAutomaticVersions(rules: AutoVersionRules, now = new Date()): Promise<string[]> {
	const settled = new Date(now.getTime() - rules.settleMs);
	const recent = new Date(now.getTime() - rules.minIntervalMs);
	const due = await db()
		.select({ docName: docActivity.docName })
		.from(docActivity)
		.where(
			and(
				isNotNull(docActivity.pendingSince),
				lte(docActivity.lastEditAt, settled),
				sql`not exists (select 1 from ${docVersions} v where v.doc_name = ${docActivity.docName} and v.kind = 'auto' and v.created_at > ${recent.toISOString()}::timestamptz)`
			)
		)
		.limit(100);
	const taken: string[] = [];
	for (const { docName } of due) {
		if (await takeVersion(docName, { kind: 'auto', reason: 'settled', by: null }, now)) taken.push(docName);
	}
	return taken;
}

/**
 * Retention: named, milestone and restore versions are kept; automatic ones older than
 * `retentionDays` are thinned to the last one of each day. Returns how many were removed.
 */
export async function thinVersions(retentionDays: number, now = new Date()): Promise<number> {
	const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
	const ranked = db()
		.select({
			id: docVersions.id,
			rank: sql<number>`row_number() over (partition by ${docVersions.docName}, date_trunc('day', ${docVersions.createdAt} at time zone 'Europe/Amsterdam') order by ${docVersions.createdAt} desc, ${docVersions.id} desc)`.as('rank')
		})
		.from(docVersions)
		.where(and(eq(docVersions.kind, 'auto'), lt(docVersions.createdAt, cutoff)))
		.as('ranked');
	const doomed = db().select({ id: ranked.id }).from(ranked).where(gt(ranked.rank, 1));
	const removed = await db().delete(docVersions).where(inArray(docVersions.id, doomed)).returning({ id: docVersions.id });
	return removed.length;
}
