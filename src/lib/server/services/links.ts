import { and, eq, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { can, canRemoveLink, canSeeReference, type Actor } from '../../domain/permissions.ts';
import { LINK_TYPES, type LinkType } from '../../domain/reference.ts';
import { validateName } from '../../domain/account.ts';
import { db } from '../db/client.ts';
import { organisations, projectEvents, projectLinks, projects } from '../db/schema.ts';
import { generateId } from '../auth/tokens.ts';
import { events } from '../events.ts';
import { asResource, getProject } from './projects.ts';

export interface LinkView {
	id: string;
	type: LinkType;
	note: string;
	/** The project at the other end, as seen from the project asked about. */
	other: { id: string; code: string; title: string };
	direction: 'outgoing' | 'incoming';
	proposedByName: string;
	organisationName: string;
	createdAt: Date;
	canRemove: boolean;
}

/** Links of a project, shown on both sides; a link to a project the actor cannot see does not exist for them. */
export async function listLinks(actor: Actor, projectId: string): Promise<LinkView[] | null> {
	if (!(await getProject(actor, projectId))) return null;
	const other = alias(projects, 'other');
	const rows = await db()
		.select({ link: projectLinks, other, organisationName: organisations.name })
		.from(projectLinks)
		.innerJoin(other, or(and(eq(projectLinks.fromProjectId, projectId), eq(other.id, projectLinks.toProjectId)), and(eq(projectLinks.toProjectId, projectId), eq(other.id, projectLinks.fromProjectId))))
		.leftJoin(organisations, eq(organisations.id, projectLinks.organisationId))
		.where(or(eq(projectLinks.fromProjectId, projectId), eq(projectLinks.toProjectId, projectId)));
	return rows
		.filter((r) => canSeeReference(actor, asResource(r.other)))
		.map((r) => ({
			id: r.link.id,
			type: r.link.type as LinkType,
			note: r.link.note,
			other: { id: r.other.id, code: r.other.code, title: r.other.title },
			direction: r.link.fromProjectId === projectId ? 'outgoing' : 'incoming',
			proposedByName: r.link.proposedByName,
			organisationName: r.organisationName ?? '',
			createdAt: r.link.createdAt,
			canRemove: canRemoveLink(actor, r.link)
		}));
}

export type LinkResult = { ok: true; id: string } | { ok: false; reason: 'not-found' | 'forbidden' | 'self' | 'type' | 'note' | 'exists' };

/** People type the code they see ("RIP-2026-0012"); integrations may send the id. */
async function resolveProjectId(ref: string): Promise<string> {
	const trimmed = ref.trim();
	if (!/^rip-/i.test(trimmed)) return trimmed.toLowerCase();
	const [row] = await db().select({ id: projects.id }).from(projects).where(eq(projects.code, trimmed.toUpperCase()));
	return row?.id ?? '';
}

export async function addLink(actor: Actor & { name: string }, fromId: string, toRef: string, type: string, note: string): Promise<LinkResult> {
	if (!(LINK_TYPES as readonly string[]).includes(type)) return { ok: false, reason: 'type' };
	const toId = await resolveProjectId(toRef.slice(0, 100));
	const checkedNote = note.trim() ? validateName(note, 500) : { ok: true as const, value: '' };
	if (!checkedNote.ok) return { ok: false, reason: 'note' };
	if (fromId === toId) return { ok: false, reason: 'self' };
	const [from, to] = await Promise.all([getProject(actor, fromId), getProject(actor, toId)]);
	if (!from || !to) return { ok: false, reason: 'not-found' };
	// Proposing a link is a contribution to the discussion: whoever may comment on both may propose.
	if (!can(actor, 'comment', asResource(from)) || !can(actor, 'comment', asResource(to))) return { ok: false, reason: 'forbidden' };
	const existing = await db().select({ id: projectLinks.id }).from(projectLinks).where(or(and(eq(projectLinks.fromProjectId, fromId), eq(projectLinks.toProjectId, toId), eq(projectLinks.type, type)), and(eq(projectLinks.fromProjectId, toId), eq(projectLinks.toProjectId, fromId), eq(projectLinks.type, type))));
	if (existing.length) return { ok: false, reason: 'exists' };
	const id = generateId();
	await db().transaction(async (tx) => {
		await tx.insert(projectLinks).values({ id, fromProjectId: fromId, toProjectId: toId, type, note: checkedNote.value, proposedBy: actor.userId, proposedByName: actor.name, organisationId: actor.organisationId });
		for (const [projectId, otherCode] of [[fromId, to.code], [toId, from.code]]) {
			await tx.insert(projectEvents).values({ projectId, kind: 'link-added', toValue: `${type}:${otherCode}`, note: checkedNote.value || null, userId: actor.userId, userName: actor.name, organisationId: actor.organisationId });
		}
	});
	for (const p of [from, to]) events.publish({ type: 'project-changed', projectId: p.id, ownerOrganisationId: p.ownerOrganisationId, visibility: p.visibility });
	return { ok: true, id };
}

export async function removeLink(actor: Actor & { name: string }, linkId: string): Promise<{ ok: true } | { ok: false; reason: 'not-found' | 'forbidden' }> {
	const [link] = await db().select().from(projectLinks).where(eq(projectLinks.id, linkId));
	const ends = link ? await Promise.all([getProject(actor, link.fromProjectId), getProject(actor, link.toProjectId)]) : [];
	if (!link || !ends[0] || !ends[1]) return { ok: false, reason: 'not-found' };
	if (!canRemoveLink(actor, link)) return { ok: false, reason: 'forbidden' };
	await db().transaction(async (tx) => {
		await tx.delete(projectLinks).where(eq(projectLinks.id, linkId));
		// fromValue names the project at the other end, so the event is shown only to those who may see it.
		for (const [projectId, otherCode] of [[link.fromProjectId, ends[1]!.code], [link.toProjectId, ends[0]!.code]]) {
			await tx.insert(projectEvents).values({ projectId, kind: 'link-removed', fromValue: otherCode, toValue: link.type, userId: actor.userId, userName: actor.name, organisationId: actor.organisationId });
		}
	});
	for (const p of ends) if (p) events.publish({ type: 'project-changed', projectId: p.id, ownerOrganisationId: p.ownerOrganisationId, visibility: p.visibility });
	return { ok: true };
}
