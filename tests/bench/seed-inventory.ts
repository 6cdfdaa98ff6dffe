/**
 * Child process of the bench: fills a database with demo projects before our server
 * starts on it (scenario 6's inventory; scenario 3's many documents). The database is
 * DATABASE_URL, or else the PGlite folder DATA_DIR (from PGLITE_TEMPLATE) — a PGlite
 * folder has one opener, so this runs before the server, never beside it. Migrates it,
 * seeds organisations and demo accounts, then inserts those of the first BENCH_PROJECTS
 * projects of the deterministic demo generator (demoProjects) that are not there yet
 * (a database our server or the template already filled with the demo's 150 is topped
 * up) through insertProject with the same timeline and provenance rows as
 * seedDemoProjects, and the links that touch a new project. Prints
 * `SEEDED <demo projects> <ms> <links inserted>`.
 *
 * Not seedDemoProjects(n) itself: it inserts all links in one statement, which passes
 * postgres.js' 65,534-parameter limit somewhere below 10,000 projects
 * (MAX_PARAMETERS_EXCEEDED); here they go in chunks.
 */
import { sql } from 'drizzle-orm';
import { readConfig } from '../../src/lib/server/config.ts';
import { closeDatabase, db, initDatabase, type Db } from '../../src/lib/server/db/client.ts';
import { projectEvents, projectFieldProvenance, projectLinks, projects, users } from '../../src/lib/server/db/schema.ts';
import { generateId } from '../../src/lib/server/auth/tokens.ts';
import { FIELD_KEYS } from '../../src/lib/domain/project.ts';
import { insertProject } from '../../src/lib/server/services/projects.ts';
import { seedDemo, seedOrganisations } from '../../src/lib/server/seed/index.ts';
import { demoProjects } from '../../src/lib/server/seed/demo-projects.ts';
import { demoProjectCount } from '../../src/lib/server/seed/projects.ts';

const SOURCE = 'Inventarisatie (demo)';
const LINKS_PER_STATEMENT = 1_000;

const total = Number(process.env.BENCH_PROJECTS);
if (!Number.isInteger(total) || total <= 0) throw new Error('BENCH_PROJECTS must be a positive integer');
if (!process.env.DATABASE_URL && !process.env.DATA_DIR) throw new Error('DATABASE_URL or DATA_DIR must name the bench database');
const started = Date.now();
await initDatabase(readConfig({ ...process.env, SEED_DEMO: '1' }));
await seedOrganisations();
await seedDemo();
const existing = new Set((await db().select({ id: projects.id }).from(projects)).map((r) => r.id));
const all = demoProjects(total);
const list = all.projects.filter((p) => !existing.has(p.id));
const links = all.links.filter((l) => !existing.has(l.from) || !existing.has(l.to));
const [facilitator] = await db().select({ id: users.id, name: users.name, organisationId: users.organisationId }).from(users).where(sql`lower(${users.email}) = 'facilitator@demo.tafel'`);
await db().transaction(async (transaction) => {
	const tx = transaction as unknown as Db;
	for (const p of list) {
		const actor = { userId: null, name: SOURCE, organisationId: p.ownerOrganisationId };
		const updatedAt = new Date(p.updatedAt);
		await insertProject(tx, actor, { id: p.id, code: p.code, fields: p.fields, description: p.description, ownerOrganisationId: p.ownerOrganisationId, visibility: p.visibility, demo: true, createdAt: new Date(p.createdAt), updatedAt });
		for (let i = 1; i < p.statusHistory.length; i++) {
			await tx.insert(projectEvents).values({ projectId: p.id, kind: 'status', fromValue: p.statusHistory[i - 1].status, toValue: p.statusHistory[i].status, userName: SOURCE, organisationId: p.ownerOrganisationId, at: new Date(p.statusHistory[i].date) });
		}
		await tx.insert(projectFieldProvenance).values(FIELD_KEYS.map((field) => ({ projectId: p.id, field, userId: null, userName: SOURCE, organisationId: p.ownerOrganisationId, changedAt: updatedAt })));
	}
	for (let i = 0; i < links.length; i += LINKS_PER_STATEMENT) {
		await tx.insert(projectLinks).values(
			links.slice(i, i + LINKS_PER_STATEMENT).map((l) => ({ id: generateId(), fromProjectId: l.from, toProjectId: l.to, type: l.type, note: l.note, proposedBy: facilitator?.id ?? null, proposedByName: facilitator?.name ?? SOURCE, organisationId: facilitator?.organisationId ?? 'ipo' }))
		);
	}
});
const n = await demoProjectCount();
await closeDatabase();
console.log(`SEEDED ${n} ${Date.now() - started} ${links.length}`);
