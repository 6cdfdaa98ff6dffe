/**
 * Demo projects into a bench database before our server starts on it, by the child
 * tests/bench/seed-inventory.ts: PostgreSQL by URL, or a PGlite folder (one opener:
 * the server must not have it open yet).
 */
import { spawnBound } from '../../support/child.ts';
import { ROOT, TEMPLATE } from '../../support/paths.ts';
import { alive, track } from './procs.ts';

export type SeedTarget = { databaseUrl: string } | { dataDir: string };

/** Makes the first `projects` demo projects exist (adding the missing ones); returns the seconds it took. */
export async function seedProjects(target: SeedTarget, projects: number, timeoutMs: number): Promise<number> {
	const database = 'databaseUrl' in target ? { DATABASE_URL: target.databaseUrl } : { DATABASE_URL: '', DATA_DIR: target.dataDir, PGLITE_TEMPLATE: TEMPLATE };
	const env = { ...process.env, ...database, BENCH_PROJECTS: String(projects), LOG_LEVEL: 'warn', REDIS_URL: '' };
	const child = track(spawnBound(process.execPath, ['--import', 'tsx', 'tests/bench/seed-inventory.ts'], { cwd: ROOT, env }));
	let output = '';
	child.stdout!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
	child.stderr!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
	const timer = setTimeout(() => alive(child) && child.kill('SIGKILL'), timeoutMs);
	const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
	clearTimeout(timer);
	const match = /SEEDED (\d+) (\d+)/.exec(output);
	if (code !== 0 || !match) {
		const reasons = output.split('\n').filter((line) => /Error|code: /.test(line)).map((line) => line.trim().slice(0, 120));
		throw new Error(`seeding ${projects} projects failed (exit ${code}): ${reasons.slice(0, 4).join(' · ') || output.slice(-300)}`);
	}
	if (Number(match[1]) !== projects) throw new Error(`seeded ${match[1]} projects, expected ${projects}`);
	return Number(match[2]) / 1000;
}
