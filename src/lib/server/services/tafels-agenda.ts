/**
 * The agenda of a brede tafel: items added by the facilitator, proposed by invitees and
 * accepted or declined, ordered by keyboard steps or a dragged new order, each bound to
 * the projects it is about (and the coupling between them, when there is one).
 */
import { and, asc, eq, inArray, max, or } from 'drizzle-orm';
import { can, canSeeReference, type Actor } from '../../domain/permissions.ts';
import { isSameSet, moveInOrder, parseProjectCodes, validateAgendaItem, type TafelProblem } from '../../domain/tafel.ts';
import { db } from '../db/client.ts';
import { projectLinks, projects, tafelAgendaItems, tafelAgendaProjects } from '../db/schema.ts';
import { generateId } from '../auth/tokens.ts';
import { loadTafel, tafelResource } from './tafel-ref.ts';
import { asResource } from './projects.ts';

export type AgendaResult =
	| { ok: true; id: string }
	| { ok: false; reason: 'not-found' | 'forbidden' | 'cannot-move' }
	| { ok: false; reason: 'invalid'; errors: Record<string, TafelProblem | 'unknown-project'>; unknownCodes?: string[] };

/** Projects by code that this actor may see; codes of others, or of nothing, come back as unknown. */
async function projectsByCode(actor: Actor, codes: string[]) {
	if (!codes.length) return { found: [] as { id: string; code: string }[], unknown: [] as string[] };
	const rows = await db().select({ id: projects.id, code: projects.code, ownerOrganisationId: projects.ownerOrganisationId, visibility: projects.visibility, archivedAt: projects.archivedAt }).from(projects).where(inArray(projects.code, codes));
	const found = rows.filter((r) => canSeeReference(actor, asResource(r)));
	return { found: found.map((r) => ({ id: r.id, code: r.code })), unknown: codes.filter((c) => !found.some((f) => f.code === c)) };
}

/** When an item is about exactly two projects that are coupled, the coupling is what it is about. */
async function couplingOf(projectIds: string[]): Promise<string | null> {
	if (projectIds.length !== 2) return null;
	const [a, b] = projectIds;
	const [link] = await db()
		.select({ id: projectLinks.id })
		.from(projectLinks)
		.where(or(and(eq(projectLinks.fromProjectId, a), eq(projectLinks.toProjectId, b)), and(eq(projectLinks.fromProjectId, b), eq(projectLinks.toProjectId, a))))
		.limit(1);
	return link?.id ?? null;
}

/**
 * Facilitators and admins add items to the agenda; invitees propose them (status
 * 'proposed' until the facilitator decides). Both bind projects by code.
 */
export async function addAgendaItem(actor: Actor, tafelId: string, input: { title: string; minutes: string; note: string; projects: string }): Promise<AgendaResult> {
	const tafel = await loadTafel(tafelId);
	if (!tafel) return { ok: false, reason: 'not-found' };
	const resource = tafelResource(tafel.ref);
	const manages = can(actor, 'manage', resource) && tafel.ref.status === 'planned';
	if (!manages && !can(actor, 'comment', resource)) return { ok: false, reason: 'forbidden' };
	const checked = validateAgendaItem(input);
	const { found, unknown } = await projectsByCode(actor, parseProjectCodes(input.projects.slice(0, 2000)));
	const errors: Record<string, TafelProblem | 'unknown-project'> = checked.ok ? {} : { ...checked.errors };
	if (unknown.length) errors.projects = 'unknown-project';
	if (!checked.ok || unknown.length) return { ok: false, reason: 'invalid', errors, unknownCodes: unknown };
	const id = `ai-${generateId()}`;
	const linkId = await couplingOf(found.map((p) => p.id));
	await db().transaction(async (tx) => {
		const [{ last }] = await tx.select({ last: max(tafelAgendaItems.position) }).from(tafelAgendaItems).where(eq(tafelAgendaItems.tafelId, tafelId));
		await tx.insert(tafelAgendaItems).values({ id, tafelId, position: (last ?? 0) + 1, ...checked.value, status: manages ? 'accepted' : 'proposed', proposedBy: actor.userId });
		if (found.length) await tx.insert(tafelAgendaProjects).values(found.map((p) => ({ agendaItemId: id, projectId: p.id, linkId })));
	});
	return { ok: true, id };
}

async function itemWithTafel(itemId: string) {
	if (typeof itemId !== 'string' || itemId.length > 80) return null;
	const [item] = await db().select().from(tafelAgendaItems).where(eq(tafelAgendaItems.id, itemId));
	if (!item) return null;
	const tafel = await loadTafel(item.tafelId);
	return tafel ? { item, tafel } : null;
}

/** Accepting puts a proposal at the end of the agenda; declining keeps it, marked, for the record. */
export async function decideProposal(actor: Actor, itemId: string, decision: 'accept' | 'decline'): Promise<AgendaResult> {
	const found = await itemWithTafel(itemId);
	if (!found) return { ok: false, reason: 'not-found' };
	if (!can(actor, 'manage', tafelResource(found.tafel.ref)) || found.tafel.ref.status !== 'planned') return { ok: false, reason: 'forbidden' };
	if (found.item.status === 'accepted' && decision === 'accept') return { ok: true, id: itemId };
	await db().transaction(async (tx) => {
		const [{ last }] = await tx.select({ last: max(tafelAgendaItems.position) }).from(tafelAgendaItems).where(eq(tafelAgendaItems.tafelId, found.item.tafelId));
		await tx
			.update(tafelAgendaItems)
			.set(decision === 'accept' ? { status: 'accepted', position: (last ?? 0) + 1 } : { status: 'declined' })
			.where(eq(tafelAgendaItems.id, itemId));
	});
	return { ok: true, id: itemId };
}

async function acceptedOrder(tafelId: string): Promise<string[]> {
	const rows = await db()
		.select({ id: tafelAgendaItems.id })
		.from(tafelAgendaItems)
		.where(and(eq(tafelAgendaItems.tafelId, tafelId), eq(tafelAgendaItems.status, 'accepted')))
		.orderBy(asc(tafelAgendaItems.position), asc(tafelAgendaItems.createdAt));
	return rows.map((r) => r.id);
}

async function writeOrder(order: string[]): Promise<void> {
	await db().transaction(async (tx) => {
		for (const [index, id] of order.entries()) await tx.update(tafelAgendaItems).set({ position: index + 1 }).where(eq(tafelAgendaItems.id, id));
	});
}

/** One step up or down (the keyboard's way); the new position comes back for the announcement. */
export async function moveAgendaItem(actor: Actor, itemId: string, direction: 'up' | 'down'): Promise<{ ok: true; position: number; count: number } | { ok: false; reason: 'not-found' | 'forbidden' | 'cannot-move' }> {
	const found = await itemWithTafel(itemId);
	if (!found || found.item.status !== 'accepted') return { ok: false, reason: 'not-found' };
	if (!can(actor, 'manage', tafelResource(found.tafel.ref)) || found.tafel.ref.status !== 'planned') return { ok: false, reason: 'forbidden' };
	const next = moveInOrder(await acceptedOrder(found.item.tafelId), itemId, direction);
	if (!next) return { ok: false, reason: 'cannot-move' };
	await writeOrder(next);
	return { ok: true, position: next.indexOf(itemId) + 1, count: next.length };
}

/** A whole new order (a drag and drop); only the same items in another order are accepted. */
export async function reorderAgenda(actor: Actor, tafelId: string, order: string[]): Promise<AgendaResult> {
	const tafel = await loadTafel(tafelId);
	if (!tafel) return { ok: false, reason: 'not-found' };
	if (!can(actor, 'manage', tafelResource(tafel.ref)) || tafel.ref.status !== 'planned') return { ok: false, reason: 'forbidden' };
	if (!isSameSet(await acceptedOrder(tafelId), order)) return { ok: false, reason: 'cannot-move' };
	await writeOrder(order);
	return { ok: true, id: tafelId };
}
