/**
 * Comment threads and their comments. Every read and write asks the policy
 * (`canSeeThread`, `canReply`, `canResolveThread`, `canChangeComment`) with the
 * document resolved for this actor, so an internal thread or a thread on an invisible
 * concept project is "not found" on every path: pages, API, events and exports.
 */
import { and, asc, count, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { canChangeComment, canReply, canResolveThread, canSeeThread, can, type Actor, type ThreadRef } from '../../domain/permissions.ts';
import { validateCommentBody, type CommentProblem } from '../../domain/comment-body.ts';
import { db } from '../db/client.ts';
import { commentThreads, comments, organisations, users } from '../db/schema.ts';
import { generateId } from '../auth/tokens.ts';
import { events } from '../events.ts';
import { resolveDocument, type ResolvedDocument } from './document-access.ts';
import { announce, notifyComment } from './notifications.ts';
import type { Anchor, CommentView, ThreadView, Visibility } from '../../domain/threads.ts';
import { parseAnchor } from '../../collab/anchor.ts';

export type { Anchor, CommentView, ThreadView, Visibility };

export type CommentResult<T = { threadId: string; commentId: string }> =
	| ({ ok: true } & T)
	| { ok: false; reason: 'not-found' | 'forbidden' | 'bad-anchor' | 'bad-visibility' | CommentProblem };

const MAX_QUOTE = 300;

const threadRef = (row: { authorId: string; organisationId: string; visibility: Visibility }): ThreadRef => ({ authorId: row.authorId, organisationId: row.organisationId, visibility: row.visibility });

function publish(thread: typeof commentThreads.$inferSelect, document: ResolvedDocument) {
	events.publish({ type: 'thread-changed', threadId: thread.id, documentName: thread.documentName, projectId: thread.projectId, thread: threadRef(thread), document: document.resource });
}

/** The threads of a document this actor may see, oldest first, with their comments. */
export async function listThreads(actor: Actor, documentName: string): Promise<{ document: ResolvedDocument; threads: ThreadView[] } | null> {
	const document = await resolveDocument(actor, documentName);
	if (!document) return null;
	const resolver = alias(users, 'resolver');
	const rows = await db()
		.select({ thread: commentThreads, organisationName: organisations.name, resolvedByName: resolver.name })
		.from(commentThreads)
		.innerJoin(organisations, eq(organisations.id, commentThreads.organisationId))
		.leftJoin(resolver, eq(resolver.id, commentThreads.resolvedBy))
		.where(and(eq(commentThreads.documentName, documentName), or(eq(commentThreads.visibility, 'platform'), eq(commentThreads.organisationId, actor.organisationId))))
		.orderBy(asc(commentThreads.createdAt));
	const visible = rows.filter((r) => canSeeThread(actor, threadRef(r.thread), document.resource));
	const byThread = await commentsOf(actor, visible.map((r) => r.thread), document);
	return {
		document,
		threads: visible.map(({ thread, organisationName, resolvedByName }) => ({
			id: thread.id,
			documentName: thread.documentName,
			anchor: thread.anchor ?? null,
			quote: thread.quote,
			visibility: thread.visibility,
			organisationId: thread.organisationId,
			organisationName,
			resolved: thread.resolvedAt !== null,
			resolvedByName: thread.resolvedAt ? resolvedByName : null,
			resolvedAt: thread.resolvedAt?.toISOString() ?? null,
			createdAt: thread.createdAt.toISOString(),
			comments: byThread.get(thread.id) ?? [],
			canReply: canReply(actor, threadRef(thread), document.resource),
			canResolve: canResolveThread(actor, threadRef(thread), document.resource, document.ownerOrganisationId)
		}))
	};
}

async function commentsOf(actor: Actor, threads: (typeof commentThreads.$inferSelect)[], document: ResolvedDocument): Promise<Map<string, CommentView[]>> {
	const out = new Map<string, CommentView[]>();
	if (!threads.length) return out;
	const byId = new Map(threads.map((t) => [t.id, t]));
	const rows = await db()
		.select({ comment: comments, authorName: users.name, authorOrganisation: organisations.abbreviation })
		.from(comments)
		.innerJoin(users, eq(users.id, comments.authorId))
		.innerJoin(organisations, eq(organisations.id, users.organisationId))
		.where(inArray(comments.threadId, [...byId.keys()]))
		.orderBy(asc(comments.createdAt), asc(comments.id));
	for (const { comment, authorName, authorOrganisation } of rows) {
		const thread = threadRef(byId.get(comment.threadId)!);
		const deleted = comment.deletedAt !== null;
		const list = out.get(comment.threadId) ?? [];
		list.push({
			id: comment.id,
			authorId: comment.authorId,
			authorName,
			authorOrganisation,
			body: deleted ? '' : comment.body,
			createdAt: comment.createdAt.toISOString(),
			editedAt: comment.editedAt?.toISOString() ?? null,
			deleted,
			canEdit: !deleted && canChangeComment(actor, comment, 'edit', thread, document.resource),
			canDelete: !deleted && canChangeComment(actor, comment, 'delete', thread, document.resource)
		});
		out.set(comment.threadId, list);
	}
	return out;
}

export interface NewThread {
	documentName: string;
	body: unknown;
	anchor?: unknown;
	quote?: unknown;
	visibility?: unknown;
}

/** Starts a thread with its first comment; participants may, observers may not. */
export async function createThread(actor: Actor, input: NewThread): Promise<CommentResult> {
	const document = await resolveDocument(actor, String(input.documentName ?? ''));
	if (!document) return { ok: false, reason: 'not-found' };
	if (!can(actor, 'comment', document.resource)) return { ok: false, reason: 'forbidden' };
	const anchor = parseAnchor(input.anchor);
	if (anchor === 'bad') return { ok: false, reason: 'bad-anchor' };
	const visibility = input.visibility ?? 'platform';
	if (visibility !== 'platform' && visibility !== 'internal') return { ok: false, reason: 'bad-visibility' };
	const body = validateCommentBody(input.body);
	if (!body.ok) return { ok: false, reason: body.problem };
	// eslint-disable-next-line no-control-regex -- control characters are replaced on purpose
	const quote = typeof input.quote === 'string' && anchor ? [...input.quote.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, ' ').toWellFormed()].slice(0, MAX_QUOTE).join('') : '';
	const now = new Date();
	const thread = {
		id: `t-${generateId()}`, documentName: document.ref.name, projectId: document.projectId, authorId: actor.userId, organisationId: actor.organisationId,
		visibility, anchor, quote, resolvedAt: null, resolvedBy: null, createdAt: now, lastActivityAt: now
	} satisfies typeof commentThreads.$inferInsert;
	const comment = { id: `c-${generateId()}`, threadId: thread.id, authorId: actor.userId, body: body.value, createdAt: now };
	const recipients = await db().transaction(async (tx) => {
		await tx.insert(commentThreads).values(thread);
		await tx.insert(comments).values(comment);
		return notifyComment(tx, actor, thread, comment, document, 'new-thread');
	});
	publish({ ...thread }, document);
	announce(recipients);
	return { ok: true, threadId: thread.id, commentId: comment.id };
}

/** The thread with its document, if this actor may see it. */
async function findThread(actor: Actor, threadId: string) {
	const [thread] = await db().select().from(commentThreads).where(eq(commentThreads.id, threadId.slice(0, 80)));
	if (!thread) return null;
	const document = await resolveDocument(actor, thread.documentName);
	if (!document || !canSeeThread(actor, threadRef(thread), document.resource)) return null;
	return { thread, document };
}

export async function reply(actor: Actor, threadId: string, rawBody: unknown): Promise<CommentResult> {
	const found = await findThread(actor, threadId);
	if (!found) return { ok: false, reason: 'not-found' };
	if (!canReply(actor, threadRef(found.thread), found.document.resource)) return { ok: false, reason: 'forbidden' };
	const body = validateCommentBody(rawBody);
	if (!body.ok) return { ok: false, reason: body.problem };
	const now = new Date();
	const comment = { id: `c-${generateId()}`, threadId: found.thread.id, authorId: actor.userId, body: body.value, createdAt: now };
	const recipients = await db().transaction(async (tx) => {
		await tx.insert(comments).values(comment);
		await tx.update(commentThreads).set({ lastActivityAt: now }).where(eq(commentThreads.id, found.thread.id));
		return notifyComment(tx, actor, found.thread, comment, found.document, 'reply');
	});
	publish(found.thread, found.document);
	announce(recipients);
	return { ok: true, threadId: found.thread.id, commentId: comment.id };
}

async function findComment(actor: Actor, commentId: string) {
	const [comment] = await db().select().from(comments).where(eq(comments.id, commentId.slice(0, 80)));
	if (!comment) return null;
	const found = await findThread(actor, comment.threadId);
	return found ? { ...found, comment } : null;
}

export async function editComment(actor: Actor, commentId: string, rawBody: unknown): Promise<CommentResult> {
	const found = await findComment(actor, commentId);
	if (!found || found.comment.deletedAt) return { ok: false, reason: 'not-found' };
	if (!canChangeComment(actor, found.comment, 'edit', threadRef(found.thread), found.document.resource)) return { ok: false, reason: 'forbidden' };
	const body = validateCommentBody(rawBody);
	if (!body.ok) return { ok: false, reason: body.problem };
	if (body.value !== found.comment.body) {
		await db().update(comments).set({ body: body.value, editedAt: new Date() }).where(eq(comments.id, found.comment.id));
		publish(found.thread, found.document);
	}
	return { ok: true, threadId: found.thread.id, commentId: found.comment.id };
}

/**
 * A comment that others have answered leaves a tombstone ("verwijderd") so the
 * conversation still reads; a thread's only comment takes the thread with it.
 */
export async function deleteComment(actor: Actor, commentId: string): Promise<CommentResult<{ threadId: string; threadDeleted: boolean }>> {
	const found = await findComment(actor, commentId);
	if (!found || found.comment.deletedAt) return { ok: false, reason: 'not-found' };
	if (!canChangeComment(actor, found.comment, 'delete', threadRef(found.thread), found.document.resource)) return { ok: false, reason: 'forbidden' };
	const threadDeleted = await db().transaction(async (tx) => {
		const [{ live }] = await tx.select({ live: count() }).from(comments).where(and(eq(comments.threadId, found.thread.id), isNull(comments.deletedAt)));
		if (live <= 1) {
			await tx.delete(commentThreads).where(eq(commentThreads.id, found.thread.id));
			return true;
		}
		await tx.update(comments).set({ body: '', deletedAt: new Date() }).where(eq(comments.id, found.comment.id));
		return false;
	});
	publish(found.thread, found.document);
	return { ok: true, threadId: found.thread.id, threadDeleted };
}

export async function setResolved(actor: Actor, threadId: string, resolved: boolean): Promise<CommentResult<{ threadId: string }>> {
	const found = await findThread(actor, threadId);
	if (!found) return { ok: false, reason: 'not-found' };
	if (!canResolveThread(actor, threadRef(found.thread), found.document.resource, found.document.ownerOrganisationId)) return { ok: false, reason: 'forbidden' };
	const now = new Date();
	await db()
		.update(commentThreads)
		.set(resolved ? { resolvedAt: now, resolvedBy: actor.userId, lastActivityAt: now } : { resolvedAt: null, resolvedBy: null, lastActivityAt: now })
		.where(eq(commentThreads.id, found.thread.id));
	publish(found.thread, found.document);
	return { ok: true, threadId: found.thread.id };
}

/**
 * Unresolved threads per project that this actor can see, for the inventory grid.
 * Concept projects in the list are already the actor's own, so the thread rule suffices.
 */
export async function openThreadCounts(actor: Actor, projectIds: string[]): Promise<Map<string, number>> {
	if (!projectIds.length) return new Map();
	const rows = await db()
		.select({ projectId: commentThreads.projectId, n: count() })
		.from(commentThreads)
		.where(
			and(
				inArray(commentThreads.projectId, projectIds),
				isNull(commentThreads.resolvedAt),
				or(eq(commentThreads.visibility, 'platform'), eq(commentThreads.organisationId, actor.organisationId))
			)
		)
		.groupBy(commentThreads.projectId);
	return new Map(rows.map((r) => [r.projectId!, Number(r.n)]));
}

/** People and organisations to offer after "@" in the comment box. */
export async function mentionCandidates(query: string): Promise<{ kind: 'user' | 'org'; id: string; label: string; detail: string }[]> {
	const q = query.replace(/[%_\\]/g, '').trim().slice(0, 60);
	if (!q) return [];
	const pattern = `%${q}%`;
	const [people, orgs] = await Promise.all([
		db()
			.select({ id: users.id, name: users.name, organisation: organisations.abbreviation })
			.from(users)
			.innerJoin(organisations, eq(organisations.id, users.organisationId))
			.where(and(eq(users.active, true), sql`${users.passwordHash} is not null`, sql`${users.name} ilike ${pattern}`))
			.orderBy(asc(users.name))
			.limit(6),
		db()
			.select({ id: organisations.id, name: organisations.name, abbreviation: organisations.abbreviation })
			.from(organisations)
			.where(and(eq(organisations.active, true), or(sql`${organisations.name} ilike ${pattern}`, sql`${organisations.abbreviation} ilike ${pattern}`)))
			.orderBy(asc(organisations.name))
			.limit(5)
	]);
	return [
		...people.map((p) => ({ kind: 'user' as const, id: p.id, label: p.name, detail: p.organisation })),
		...orgs.map((o) => ({ kind: 'org' as const, id: o.id, label: o.name, detail: o.abbreviation }))
	];
}
