/**
 * The inbox ("Meldingen"). A comment notifies, once per person, for the strongest
 * reason that applies: a mention (of the person or of their organisation), a reply in
 * a thread they took part in, or a comment on a project of their organisation — each
 * only if the person may see the thread and has not switched that reason off.
 */
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { canSeeThread, projectDocument, type Actor, type Resource, type TafelRef, type ThreadRef } from '../../domain/permissions.ts';
import { extractMentions, plainText } from '../../domain/comment-body.ts';
import { parseDocumentName } from '../../collab/documents.ts';
import { db, type Db } from '../db/client.ts';
import { alias } from 'drizzle-orm/pg-core';
import { commentThreads, comments, notificationSettings, notifications, organisations, projects, tafelActions, tafels, users } from '../db/schema.ts';
import { generateId } from '../auth/tokens.ts';
import { events } from '../events.ts';
import type { ResolvedDocument } from './document-access.ts';
import { tafelRefOf } from './tafel-ref.ts';
import type { Role } from '../../domain/roles.ts';

import type { CommentNotificationKind, NotificationKind, NotificationView } from '../../domain/threads.ts';
export type { NotificationKind, NotificationView };
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface NotificationSettings {
	mentions: boolean;
	replies: boolean;
	organisationProjects: boolean;
}
const ALL_ON: NotificationSettings = { mentions: true, replies: true, organisationProjects: true };
const SETTING: Record<CommentNotificationKind, keyof NotificationSettings> = { mention: 'mentions', reply: 'replies', 'project-comment': 'organisationProjects' };

/** Called inside the transaction that stores the comment; events go out after commit. */
export async function notifyComment(
	tx: Tx,
	actor: Actor,
	thread: { id: string; authorId: string; organisationId: string; visibility: 'platform' | 'internal' },
	comment: { id: string; body: string },
	document: ResolvedDocument,
	reason: 'new-thread' | 'reply'
): Promise<string[]> {
	const reasons = new Map<string, CommentNotificationKind>();
	const add = (userId: string, kind: CommentNotificationKind) => {
		if (userId !== actor.userId && !reasons.has(userId)) reasons.set(userId, kind);
	};
	const mentioned = extractMentions(comment.body);
	const byOrganisation = mentioned.organisations.length
		? await tx.select({ id: users.id }).from(users).where(and(inArray(users.organisationId, mentioned.organisations.slice(0, 20)), eq(users.active, true)))
		: [];
	for (const id of mentioned.users.slice(0, 50)) add(id, 'mention');
	for (const { id } of byOrganisation) add(id, 'mention');
	if (reason === 'reply') {
		const earlier = await tx.selectDistinct({ authorId: comments.authorId }).from(comments).where(eq(comments.threadId, thread.id));
		for (const { authorId } of earlier) add(authorId, 'reply');
	}
	if (document.ownerOrganisationId) {
		const owners = await tx.select({ id: users.id }).from(users).where(and(eq(users.organisationId, document.ownerOrganisationId), eq(users.active, true)));
		for (const { id } of owners) add(id, 'project-comment');
	}
	if (!reasons.size) return [];

	const candidates = await tx
		.select({ id: users.id, role: users.role, organisationId: users.organisationId, active: users.active, settings: notificationSettings })
		.from(users)
		.leftJoin(notificationSettings, eq(notificationSettings.userId, users.id))
		.where(inArray(users.id, [...reasons.keys()]));
	const ref: ThreadRef = { authorId: thread.authorId, organisationId: thread.organisationId, visibility: thread.visibility };
	const rows = candidates
		.filter((u) => u.active && canSeeThread({ userId: u.id, role: u.role as Role, organisationId: u.organisationId }, ref, document.resource))
		.filter((u) => (u.settings ?? ALL_ON)[SETTING[reasons.get(u.id)!]])
		.map((u) => ({ id: `n-${generateId()}`, userId: u.id, kind: reasons.get(u.id)!, threadId: thread.id, commentId: comment.id, actorId: actor.userId }));
	if (!rows.length) return [];
	await tx.insert(notifications).values(rows).onConflictDoNothing();
	return rows.map((r) => r.userId);
}

/**
 * A tafel invitation or an action for someone's organisation: one row per recipient
 * (never the person who caused it). Called inside the transaction that stores the cause.
 * These reasons cannot be switched off: they are work handed to the person.
 */
export async function notifyTafel(tx: Tx, actor: Actor, kind: 'tafel-invitation' | 'tafel-action', tafelId: string, actionId: string | null, userIds: string[]): Promise<string[]> {
	const rows = [...new Set(userIds)].filter((id) => id !== actor.userId).map((userId) => ({ id: `n-${generateId()}`, userId, kind, tafelId, actionId, actorId: actor.userId }));
	if (rows.length) await tx.insert(notifications).values(rows);
	return rows.map((r) => r.userId);
}

/** Tells the recipients' open pages; called after the commit so a refetch finds the rows. */
export function announce(userIds: string[]): void {
	for (const userId of userIds) events.publish({ type: 'notification', userId });
}


/** The document a thread belongs to, as a resource, from the joined project or tafel row. */
function resourceOf(documentName: string, project: { ownerOrganisationId: string; visibility: 'concept' | 'platform'; archivedAt: Date | null } | null, tafel: TafelRef | null): Resource | null {
	const ref = parseDocumentName(documentName);
	if (!ref) return null;
	if (ref.kind === 'project') return project ? projectDocument({ ...project, archived: project.archivedAt !== null }) : null;
	if (ref.kind === 'tafel-notes') return tafel ? { kind: 'document', docKind: 'tafel-notes', tafel } : null;
	return { kind: 'document', docKind: ref.kind };
}

function hrefOf(documentName: string, threadId: string): string {
	const ref = parseDocumentName(documentName);
	if (ref?.kind === 'project') return `/projecten/${ref.id}#thread-${threadId}`;
	if (ref?.kind === 'tafel-notes') return `/tafels/${ref.id}#thread-${threadId}`;
	return `/werkagenda#thread-${threadId}`;
}

const excerptOf = (text: string) => ([...text].length > 200 ? [...text].slice(0, 199).join('') + '…' : text);

/** Newest first; every row is checked against the policy again when read. */
export async function listNotifications(actor: Actor, limit = 100): Promise<NotificationView[]> {
	const actorOrg = organisations;
	const actionOrg = alias(organisations, 'action_org');
	const threadTafel = alias(tafels, 'thread_tafel');
	const rows = await db()
		.select({
			n: notifications,
			thread: { documentName: commentThreads.documentName, authorId: commentThreads.authorId, organisationId: commentThreads.organisationId, visibility: commentThreads.visibility },
			project: { code: projects.code, title: projects.title, ownerOrganisationId: projects.ownerOrganisationId, visibility: projects.visibility, archivedAt: projects.archivedAt },
			body: comments.body,
			deletedAt: comments.deletedAt,
			tafel: { title: tafels.title, status: tafels.status },
			threadTafel: { title: threadTafel.title },
			action: { text: tafelActions.text },
			actionOrganisation: actionOrg.name,
			actorName: users.name,
			actorOrganisation: actorOrg.abbreviation
		})
		.from(notifications)
		.leftJoin(commentThreads, eq(commentThreads.id, notifications.threadId))
		.leftJoin(comments, eq(comments.id, notifications.commentId))
		.leftJoin(tafels, eq(tafels.id, notifications.tafelId))
		.leftJoin(tafelActions, eq(tafelActions.id, notifications.actionId))
		.leftJoin(actionOrg, eq(actionOrg.id, tafelActions.ownerOrganisationId))
		.innerJoin(users, eq(users.id, notifications.actorId))
		.innerJoin(actorOrg, eq(actorOrg.id, users.organisationId))
		.leftJoin(projects, eq(projects.id, commentThreads.projectId))
		.leftJoin(threadTafel, sql`${commentThreads.documentName} = 'tafel:' || ${threadTafel.id} || ':notes'`)
		.where(eq(notifications.userId, actor.userId))
		.orderBy(desc(notifications.createdAt))
		.limit(limit);
	const tafelIds = [...new Set(rows.flatMap((r) => (r.thread?.documentName ? [parseDocumentName(r.thread.documentName)] : [])).filter((ref) => ref?.kind === 'tafel-notes').map((ref) => ref!.id))];
	const tafelRefs = new Map(await Promise.all(tafelIds.map(async (id) => [id, (await tafelRefOf(id))] as const)));
	return rows.flatMap((r): NotificationView[] => {
		const base = { id: r.n.id, kind: r.n.kind, actorName: r.actorName, actorOrganisation: r.actorOrganisation, createdAt: r.n.createdAt.toISOString(), read: r.n.readAt !== null };
		if (r.n.kind === 'tafel-invitation' || r.n.kind === 'tafel-action') {
			// Every platform user may read every tafel (permissions.ts); a tafel or action that is gone is not shown.
			if (!r.tafel?.title || (r.n.kind === 'tafel-action' && !r.action?.text)) return [];
			const subject = r.n.kind === 'tafel-invitation' ? r.tafel.title : (r.actionOrganisation ?? '');
			const href = `/tafels/${r.n.tafelId}${r.n.kind === 'tafel-action' ? `#action-${r.n.actionId}` : ''}`;
			return [{ ...base, subject, excerpt: r.n.kind === 'tafel-action' ? excerptOf(r.action!.text) : '', where: r.tafel.title, href }];
		}
		if (!r.thread?.documentName || !r.n.threadId) return [];
		const ref = parseDocumentName(r.thread.documentName);
		const resource = resourceOf(r.thread.documentName, r.project?.code ? r.project : null, ref?.kind === 'tafel-notes' ? (tafelRefs.get(ref.id) ?? null) : null);
		if (resource === null || !canSeeThread(actor, r.thread, resource)) return [];
		const text = r.deletedAt ? '' : plainText(r.body ?? '');
		const where = r.project?.code ? `${r.project.code} · ${r.project.title}` : (r.threadTafel?.title ?? 'Werkagenda');
		return [{ ...base, subject: '', excerpt: excerptOf(text), where, href: hrefOf(r.thread.documentName, r.n.threadId) }];
	});
}

export async function unreadCount(userId: string): Promise<number> {
	const [row] = await db()
		.select({ n: sql<number>`count(*)::int` })
		.from(notifications)
		.where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
	return Number(row?.n ?? 0);
}

/** Marks the given notifications (or all) of this person read; others' rows are untouched. */
export async function markRead(actor: Actor, ids: string[] | 'all'): Promise<number> {
	const mine = and(eq(notifications.userId, actor.userId), isNull(notifications.readAt));
	const where = ids === 'all' ? mine : and(mine, inArray(notifications.id, ids.slice(0, 500).map((id) => String(id).slice(0, 80))));
	const changed = await db().update(notifications).set({ readAt: new Date() }).where(where).returning({ id: notifications.id });
	if (changed.length) events.publish({ type: 'notification', userId: actor.userId });
	return changed.length;
}

export async function getSettings(userId: string): Promise<NotificationSettings> {
	const [row] = await db().select().from(notificationSettings).where(eq(notificationSettings.userId, userId));
	return row ? { mentions: row.mentions, replies: row.replies, organisationProjects: row.organisationProjects } : { ...ALL_ON };
}

export async function saveSettings(userId: string, settings: NotificationSettings): Promise<void> {
	const values = { mentions: settings.mentions, replies: settings.replies, organisationProjects: settings.organisationProjects, updatedAt: new Date() };
	await db().insert(notificationSettings).values({ userId, ...values }).onConflictDoUpdate({ target: notificationSettings.userId, set: values });
}
