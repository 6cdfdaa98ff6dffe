/**
 * Child process of the bench: fills a database with demo projects before our server
 * starts on it (scenario 6's inventory; scenario 3's many documents). The database is
 * DATABASE_URL, or else the PGlite folder DATA_DIR (from PGLITE_TEMPLATE) — a PGlite
 * folder has one opener, so this runs before the server, never beside it. Migrates it,
 * seeds organisations and demo accounts, then inserts those of the first BENCH_PROJECTS
 * projects of the deterministic demo generator (demoProjects) that are not there yet
 * (a database our server or the template already filled with the demo's 150 is topped
 * up) with the same rows as seedDemoProjects (insertDemoInventory, in bounded
 * statements), and the links that touch a new project; then VACUUM ANALYZE. Prints
 * `SEEDED <demo projects> <ms> <links inserted>`.
 */
import { readConfig } from '../../src/lib/server/config.ts';
import { closeDatabase, db, initDatabase, type Db } from '../../src/lib/server/db/client.ts';
import { projects } from '../../src/lib/server/db/schema.ts';
import { refreshAfterBulkInsert } from '../../src/lib/server/db/bulk.ts';
import { seedDemo, seedOrganisations } from '../../src/lib/server/seed/index.ts';
import { demoProjects } from '../../src/lib/server/seed/demo-projects.ts';
import { demoProjectCount, demoProposer, insertDemoInventory, SEEDED_TABLES } from '../../src/lib/server/seed/projects.ts';
import { onParentGone } from '../../server/parent.ts';

// Started by the bench with an IPC channel: a killed bench leaves no seeding behind.
onParentGone(() => process.exit(1));
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
const proposer = await demoProposer();
await db().transaction((tx) => insertDemoInventory(tx as unknown as Db, list, links, proposer));
await refreshAfterBulkInsert(db(), SEEDED_TABLES);
const n = await demoProjectCount();
await closeDatabase();
console.log(`SEEDED ${n} ${Date.now() - started} ${links.length}`);
