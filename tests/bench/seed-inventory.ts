/**
 * Child process of the bench (scenario 6): migrates the database named by
 * DATABASE_URL and fills it through the app's own seed code (organisations, demo
 * accounts, then BENCH_PROJECTS projects from the deterministic demo generator via
 * insertProject), before our server starts on it. Prints `SEEDED <n> <ms>`.
 */
import { readConfig } from '../../src/lib/server/config.ts';
import { closeDatabase, initDatabase } from '../../src/lib/server/db/client.ts';
import { seedDemo, seedOrganisations } from '../../src/lib/server/seed/index.ts';
import { demoProjectCount, seedDemoProjects } from '../../src/lib/server/seed/projects.ts';

const total = Number(process.env.BENCH_PROJECTS);
if (!Number.isInteger(total) || total <= 0) throw new Error('BENCH_PROJECTS must be a positive integer');
if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL must name the bench database');
const started = Date.now();
await initDatabase(readConfig({ ...process.env, SEED_DEMO: '1' }));
await seedOrganisations();
await seedDemo();
await seedDemoProjects(total);
const n = await demoProjectCount();
await closeDatabase();
console.log(`SEEDED ${n} ${Date.now() - started}`);
