/**
 * `npm run bench` (QUALITY.md, "Benchmarks"): our collaboration server and HTTP API
 * against anchors measured in the same run on the same machine, reported as ratios.
 *
 *   npm run bench                 all scenarios, full sizes (~26 min on 2 cores)
 *   npm run bench -- --quick      small sizes, a smoke run (~6 min)
 *   npm run bench -- --only=1,3   some scenarios (--only=8: the live tafel)
 *
 * Installs the anchors on first use (npm ci --prefix tests/bench/anchors), builds the
 * app when build/ is missing, creates and drops its own PostgreSQL databases
 * (BENCH_DATABASE_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres
 * as the admin connection) and uses Redis at BENCH_REDIS_URL / REDIS_URL /
 * redis://127.0.0.1:6379. Writes tests/bench/results/<timestamp>.json and .md and
 * prints the Markdown. Every wait is bounded; every child process is killed at the end.
 */
import { spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../support/paths.ts';
import { pgQuery, type BenchContext, type ScenarioResult } from './lib/context.ts';
import { ANCHORS_DIR, killAll } from './lib/procs.ts';
import { markdown, type RunMeta } from './lib/report.ts';
import { withTimeout } from './lib/targets.ts';
import { scenarioFanout } from './scenarios/s1-fanout.ts';
import { scenarioColdLoad } from './scenarios/s2-cold-load.ts';
import { scenarioManyDocuments } from './scenarios/s3-many-documents.ts';
import { scenarioDurability } from './scenarios/s4-durability.ts';
import { scenarioScaleOut } from './scenarios/s5-scale-out.ts';
import { scenarioInventory } from './scenarios/s6-inventory.ts';
import { scenarioVersions } from './scenarios/s7-versions.ts';
import { scenarioTafelLive } from './scenarios/s8-tafel-live.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args.find((a) => a.startsWith('--only='));
const only = onlyArg ? onlyArg.slice('--only='.length).split(',').map(Number).filter((n) => Number.isInteger(n)) : null;
const unknown = args.filter((a) => a !== '--quick' && !a.startsWith('--only='));
if (unknown.length) {
	console.error(`unknown option(s): ${unknown.join(' ')}\nusage: npm run bench [-- --quick] [-- --only=1,3]`);
	process.exit(2);
}

const SCENARIOS: { id: number; name: string; run(ctx: BenchContext): Promise<ScenarioResult>; budgetMin: number }[] = [
	{ id: 1, name: 'fan-out', run: scenarioFanout, budgetMin: 25 },
	{ id: 2, name: 'cold load', run: scenarioColdLoad, budgetMin: 10 },
	{ id: 3, name: 'many documents', run: scenarioManyDocuments, budgetMin: 15 },
	{ id: 4, name: 'durability cost', run: scenarioDurability, budgetMin: 20 },
	{ id: 5, name: 'scale-out', run: scenarioScaleOut, budgetMin: 20 },
	{ id: 6, name: 'inventory', run: scenarioInventory, budgetMin: 40 },
	{ id: 7, name: 'versions', run: scenarioVersions, budgetMin: 10 },
	{ id: 8, name: 'tafel live', run: scenarioTafelLive, budgetMin: 10 }
];

const started = performance.now();
// The machine is shared: its load goes into the report.
const load = { start: round2(os.loadavg()[0]), end: 0, max: round2(os.loadavg()[0]) };
setInterval(() => (load.max = Math.max(load.max, round2(os.loadavg()[0]))), 10_000).unref();
function round2(v: number): number {
	return Math.round(v * 100) / 100;
}
const stamp = new Date().toISOString().replace(/[:.]/g, '-').replace(/-\d\d\dZ$/, 'Z');
const runId = Date.now().toString(36);
const RESULTS = path.join(ROOT, 'tests/bench/results');
const log = (message: string) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

// Every child dies with the runner, however it ends.
process.on('exit', killAll);
// Each y-websocket provider listens to process 'exit'; a scenario holds up to 1,000 of them.
process.setMaxListeners(0);
const databases: string[] = [];
const adminUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		killAll();
		log(`${signal}: children killed, dropping bench databases`);
		void withTimeout(dropDatabases(), 10_000, 'dropping databases')
			.catch(() => undefined)
			.finally(() => process.exit(130));
	});
}
// A hard ceiling for the whole run: nothing waits forever.
const HARD_LIMIT_MIN = quick ? 30 : 150;
setTimeout(() => {
	log(`hard limit of ${HARD_LIMIT_MIN} min reached: killing everything`);
	killAll();
	void withTimeout(dropDatabases(), 10_000, 'dropping databases').finally(() => process.exit(3));
}, HARD_LIMIT_MIN * 60_000).unref();

function urlOf(database: string): string {
	const url = new URL(adminUrl);
	url.pathname = `/${database}`;
	return url.toString();
}

async function dropDatabases(): Promise<void> {
	while (databases.length) {
		const name = databases.pop()!;
		await pgQuery(adminUrl, `drop database if exists ${name} with (force)`).catch((err) => log(`could not drop ${name}: ${String(err)}`));
	}
}

function ensureAnchors(): void {
	if (fs.existsSync(path.join(ANCHORS_DIR, 'node_modules/.package-lock.json'))) return;
	log('installing the anchors: npm ci --prefix tests/bench/anchors');
	const result = spawnSync('npm', ['ci', '--prefix', ANCHORS_DIR, '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit', timeout: 10 * 60_000 });
	if (result.status !== 0) throw new Error(`npm ci --prefix tests/bench/anchors failed (${result.status ?? result.signal})`);
}

function ensureBuild(): void {
	if (fs.existsSync(path.join(ROOT, 'build/handler.js'))) return;
	log('build/ is missing: npm run build');
	const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', timeout: 15 * 60_000 });
	if (result.status !== 0) throw new Error(`npm run build failed (${result.status ?? result.signal})`);
}

async function postgresAvailable(): Promise<boolean> {
	try {
		await withTimeout(pgQuery(adminUrl, 'select 1'), 10_000, 'PostgreSQL');
		return true;
	} catch (err) {
		log(`PostgreSQL not reachable at ${adminUrl.replace(/:[^:@/]*@/, ':***@')}: ${String(err).slice(0, 200)}`);
		return false;
	}
}

async function redisAvailable(url: string): Promise<boolean> {
	const { Redis } = await import('ioredis');
	const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null, connectTimeout: 3_000 });
	client.on('error', () => undefined);
	try {
		await withTimeout(client.connect().then(() => client.ping()), 5_000, 'Redis');
		return true;
	} catch (err) {
		log(`Redis not reachable at ${url}: ${String(err).slice(0, 200)}`);
		return false;
	} finally {
		client.disconnect();
	}
}

function anchorVersions(): Record<string, string> {
	const versions: Record<string, string> = {};
	for (const name of ['@y/websocket-server', '@hocuspocus/server', '@hocuspocus/extension-database', '@hocuspocus/extension-redis', 'yjs']) {
		try {
			versions[name] = JSON.parse(fs.readFileSync(path.join(ANCHORS_DIR, 'node_modules', name, 'package.json'), 'utf8')).version;
		} catch {
			versions[name] = '?';
		}
	}
	return versions;
}

/** Scenarios measured on our server only (no anchor to install for them). */
const OURS_ONLY = [7, 8];

async function main(): Promise<number> {
	if (!only || only.some((id) => !OURS_ONLY.includes(id))) ensureAnchors();
	ensureBuild();
	const redisUrl = process.env.BENCH_REDIS_URL || process.env.REDIS_URL || 'redis://127.0.0.1:6379';
	const ctx: BenchContext = {
		quick,
		runId,
		pg: {
			available: await postgresAvailable(),
			adminUrl,
			async database(suffix: string) {
				const name = `tafel_bench_${runId}_${suffix}`;
				if (!databases.includes(name)) {
					await pgQuery(adminUrl, `create database ${name}`);
					databases.push(name);
				}
				return urlOf(name);
			},
			query: pgQuery
		},
		redis: { available: await redisAvailable(redisUrl), url: redisUrl },
		log
	};
	let commit = '?';
	try {
		commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
	} catch {
		// not a checkout
	}
	const meta: RunMeta = {
		date: new Date().toISOString(),
		commit,
		node: process.version,
		cpus: os.cpus().length,
		cpuModel: os.cpus()[0]?.model ?? '?',
		memoryGb: Math.round(os.totalmem() / 2 ** 30),
		quick,
		only,
		anchors: anchorVersions()
	};
	log(`run ${runId}${quick ? ' (quick)' : ''} · PostgreSQL ${ctx.pg.available ? 'on' : 'off'} · Redis ${ctx.redis.available ? 'on' : 'off'}`);
	const results: ScenarioResult[] = [];
	const failures: { id: number; error: string }[] = [];
	try {
		for (const scenario of SCENARIOS) {
			if (only && !only.includes(scenario.id)) continue;
			log(`scenario ${scenario.id}: ${scenario.name}`);
			const budget = (quick ? Math.min(8, scenario.budgetMin) : scenario.budgetMin) * 60_000;
			const running = scenario.run(ctx);
			running.catch(() => undefined);
			try {
				results.push(await withTimeout(running, budget, `scenario ${scenario.id}`));
			} catch (err) {
				const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
				failures.push({ id: scenario.id, error });
				log(`scenario ${scenario.id} failed: ${error.slice(0, 500)}`);
				// Whatever it left running goes now; the next scenario starts clean.
				killAll();
			}
		}
	} finally {
		killAll();
		await dropDatabases();
	}
	meta.durationS = (performance.now() - started) / 1000;
	load.end = round2(os.loadavg()[0]);
	load.max = Math.max(load.max, load.end);
	meta.load = load;
	fs.mkdirSync(RESULTS, { recursive: true });
	const md = markdown(meta, results, failures);
	fs.writeFileSync(path.join(RESULTS, `${stamp}.json`), JSON.stringify({ meta, results, failures }, null, '\t'));
	fs.writeFileSync(path.join(RESULTS, `${stamp}.md`), md);
	console.log('\n' + md);
	log(`results: tests/bench/results/${stamp}.json and .md`);
	return failures.length ? 1 : 0;
}

main()
	.then((code) => process.exit(code))
	.catch((err) => {
		console.error(err);
		killAll();
		void withTimeout(dropDatabases(), 10_000, 'dropping databases').finally(() => process.exit(1));
	});
