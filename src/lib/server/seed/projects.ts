import { count, eq, sql } from 'drizzle-orm';
import { db, type Db } from '../db/client.ts';
import { docStates, projectEvents, projectFieldProvenance, projectLinks, projects, users } from '../db/schema.ts';
import { refreshAfterBulkInsert, inChunks, insertInChunks } from '../db/bulk.ts';
import { generateId } from '../auth/tokens.ts';
import { log } from '../log.ts';
import { FIELD_KEYS } from '../../domain/project.ts';
import { insertProjects } from '../services/projects.ts';
import { demoProjects, type DemoLink, type DemoProject } from './demo-projects.ts';
import { demoEvents } from './demo-events.ts';

const SOURCE = 'Inventarisatie (demo)';
/** Projects whose rows are built in memory at once: bounds memory at 50,000 projects. */
const PROJECTS_PER_BATCH = 1_000;
/** Every table the demo seed fills, for VACUUM ANALYZE afterwards (db/bulk.ts). */
export const SEEDED_TABLES = [projects, docStates, projectEvents, projectFieldProvenance, projectLinks];

export interface Proposer {
	id: string | null;
	name: string;
	organisationId: string;
}

/** Projects, their Y.Docs and "created" events, one insertProjects call per owner (the events name the owner). */
async function insertBatch(tx: Db, batch: DemoProject[]): Promise<void> {
	const byOwner = new Map<string, DemoProject[]>();
	for (const p of batch) byOwner.set(p.ownerOrganisationId, [...(byOwner.get(p.ownerOrganisationId) ?? []), p]);
	for (const [organisationId, owned] of byOwner) {
		const actor = { userId: null, name: SOURCE, organisationId };
		await insertProjects(
			tx,
			actor,
			// Created with the first status of its history, as the timeline then walks on from there.
			owned.map((p) => ({ id: p.id, code: p.code, fields: p.fields, description: p.description, ownerOrganisationId: p.ownerOrganisationId, visibility: p.visibility, demo: true, createdAt: new Date(p.createdAt), updatedAt: new Date(p.updatedAt), createdStatus: demoEvents(p)[0].toValue }))
		);
	}
	// The pipeline so far, as the timeline shows it.
	const changes = batch.flatMap((p) =>
		demoEvents(p).flatMap((e) => (e.kind === 'status' ? [{ projectId: p.id, kind: 'status', fromValue: e.fromValue, toValue: e.toValue, userName: SOURCE, organisationId: p.ownerOrganisationId, at: e.at }] : []))
	);
	await insertInChunks(tx, projectEvents, changes);
	// Every field was last set by the region's inventory, on the last change date.
	const provenance = batch.flatMap((p) => FIELD_KEYS.map((field) => ({ projectId: p.id, field, userId: null, userName: SOURCE, organisationId: p.ownerOrganisationId, changedAt: new Date(p.updatedAt) })));
	await insertInChunks(tx, projectFieldProvenance, provenance);
}

/**
 * Demo projects with their timeline, provenance and links, in bounded statements (any
 * number of projects; the links once all their projects exist). Used by the demo seed and
 * by the bench's larger inventories (tests/bench/seed-inventory.ts).
 */
export async function insertDemoInventory(tx: Db, list: DemoProject[], links: DemoLink[], proposer: Proposer): Promise<void> {
	for (const batch of inChunks(list, PROJECTS_PER_BATCH)) await insertBatch(tx, batch);
	await insertInChunks(
		tx,
		projectLinks,
		links.map((l) => ({ id: generateId(), fromProjectId: l.from, toProjectId: l.to, type: l.type, note: l.note, proposedBy: proposer.id, proposedByName: proposer.name, organisationId: proposer.organisationId }))
	);
}

/** Who proposed the demo links: the demo facilitator when there is one. */
export async function demoProposer(): Promise<Proposer> {
	const [facilitator] = await db().select({ id: users.id, name: users.name, organisationId: users.organisationId }).from(users).where(sql`lower(${users.email}) = 'facilitator@demo.tafel'`);
	return facilitator ?? { id: null, name: SOURCE, organisationId: 'ipo' };
}

/** About 150 fictitious projects with links (or `total`, up to tens of thousands), on an empty inventory in demo mode. */
export async function seedDemoProjects(total = 150): Promise<void> {
	const [{ n }] = await db().select({ n: count() }).from(projects);
	if (n > 0) return;
	const started = Date.now();
	const { projects: list, links } = demoProjects(total);
	const proposer = await demoProposer();
	await db().transaction((tx) => insertDemoInventory(tx as unknown as Db, list, links, proposer));
	await refreshAfterBulkInsert(db(), SEEDED_TABLES);
	log.info({ projects: list.length, links: links.length, ms: Date.now() - started }, 'demo projects seeded');
}

export async function demoProjectCount(): Promise<number> {
	const [{ n }] = await db().select({ n: count() }).from(projects).where(eq(projects.demo, true));
	return n;
}
