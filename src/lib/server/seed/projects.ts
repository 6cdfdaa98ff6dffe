import { and, count, eq, sql } from 'drizzle-orm';
import { db, type Db } from '../db/client.ts';
import { projectEvents, projectFieldProvenance, projectLinks, projects, users } from '../db/schema.ts';
import { generateId } from '../auth/tokens.ts';
import { log } from '../log.ts';
import { FIELD_KEYS } from '../../domain/project.ts';
import { insertProject } from '../services/projects.ts';
import { demoProjects, type DemoProject } from './demo-projects.ts';
import { demoEvents } from './demo-events.ts';

const SOURCE = 'Inventarisatie (demo)';

async function insertDemoProject(tx: Db, p: DemoProject): Promise<void> {
	const actor = { userId: null, name: SOURCE, organisationId: p.ownerOrganisationId };
	const createdAt = new Date(p.createdAt);
	const updatedAt = new Date(p.updatedAt);
	await insertProject(tx, actor, { id: p.id, code: p.code, fields: p.fields, description: p.description, ownerOrganisationId: p.ownerOrganisationId, visibility: p.visibility, demo: true, createdAt, updatedAt });
	// The pipeline so far, as the timeline shows it. insertProject wrote "created" with the
	// current status; the project was created with the first status of its history.
	const [created, ...changes] = demoEvents(p);
	await tx.update(projectEvents).set({ toValue: created.toValue }).where(and(eq(projectEvents.projectId, p.id), eq(projectEvents.kind, 'created')));
	for (const change of changes) {
		if (change.kind !== 'status') continue;
		await tx.insert(projectEvents).values({ projectId: p.id, kind: 'status', fromValue: change.fromValue, toValue: change.toValue, userName: SOURCE, organisationId: p.ownerOrganisationId, at: change.at });
	}
	// Every field was last set by the region's inventory, on the last change date.
	await tx.insert(projectFieldProvenance).values(FIELD_KEYS.map((field) => ({ projectId: p.id, field, userId: null, userName: SOURCE, organisationId: p.ownerOrganisationId, changedAt: updatedAt })));
}

/** About 150 fictitious projects with links, on an empty inventory in demo mode. */
export async function seedDemoProjects(total = 150): Promise<void> {
	const [{ n }] = await db().select({ n: count() }).from(projects);
	if (n > 0) return;
	const started = Date.now();
	const { projects: list, links } = demoProjects(total);
	const [facilitator] = await db().select({ id: users.id, name: users.name, organisationId: users.organisationId }).from(users).where(sql`lower(${users.email}) = 'facilitator@demo.tafel'`);
	await db().transaction(async (tx) => {
		for (const p of list) await insertDemoProject(tx as unknown as Db, p);
		if (links.length) {
			await tx.insert(projectLinks).values(
				links.map((l) => ({ id: generateId(), fromProjectId: l.from, toProjectId: l.to, type: l.type, note: l.note, proposedBy: facilitator?.id ?? null, proposedByName: facilitator?.name ?? SOURCE, organisationId: facilitator?.organisationId ?? 'ipo' }))
			);
		}
	});
	log.info({ projects: list.length, links: links.length, ms: Date.now() - started }, 'demo projects seeded');
}

export async function demoProjectCount(): Promise<number> {
	const [{ n }] = await db().select({ n: count() }).from(projects).where(eq(projects.demo, true));
	return n;
}
