/**
 * 6. The inventory: list, sort, filter, full-text search and grouping over 1,000 and
 * 10,000 projects through our HTTP API (`GET /api/projects?…`, logged in), p50/p95 per
 * query type. Anchor: a plain `SELECT * FROM projects LIMIT 50` on the same database,
 * measured in the same run from the bench process.
 */
import postgres from 'postgres';
import { pgQuery, withTarget, type BenchContext, type ScenarioResult } from '../lib/context.ts';
import { seedProjects } from '../lib/seed.ts';
import { firstLine, ratio, summarize, type Summary } from '../lib/stats.ts';
import { startOurs } from '../lib/targets.ts';

const QUERIES: { name: string; query: string }[] = [
	{ name: 'list (default: newest first, 50)', query: '' },
	{ name: 'list sorted by title, page 5', query: 'sorteer=title&richting=asc&pagina=5' },
	{ name: 'filter province + status', query: 'provincie=NL-NB&status=uitvoering' },
	{ name: 'filter theme + budget', query: 'thema=energie-klimaat&budget_min=1000000' },
	{ name: 'full-text search', query: 'zoek=waterstof' },
	{ name: 'search + province filter', query: 'zoek=waterstof&provincie=NL-ZH' },
	{ name: 'grouped by province', query: 'groepeer=province' }
];

interface QueryResult {
	name: string;
	query: string;
	total: number | null;
	bytes: number;
	ms: Summary;
}

/** One pass over all query types, with the anchor measured right after it. */
interface Pass {
	/** "as seeded": statistics as the bulk insert left them; "after ANALYZE": what autovacuum would give the planner. */
	stats: 'as seeded' | 'after ANALYZE';
	anchorMs: Summary;
	queries: QueryResult[];
}

interface SizeResult {
	projects: number;
	seedS: number;
	analyzedBefore: boolean;
	passes: Pass[];
}

async function timed(repetitions: number, run: () => Promise<void>): Promise<Summary> {
	for (let i = 0; i < 3; i++) await run();
	const samples: number[] = [];
	for (let i = 0; i < repetitions; i++) {
		const started = performance.now();
		await run();
		samples.push(performance.now() - started);
	}
	return summarize(samples);
}

export async function scenarioInventory(ctx: BenchContext): Promise<ScenarioResult> {
	if (!ctx.pg.available) throw new Error('the inventory scenario needs PostgreSQL');
	const sizes = ctx.quick ? [300] : [1000, 10000];
	const repetitions = ctx.quick ? 10 : 40;
	const results: { projects: number; result: SizeResult | null; error?: string }[] = [];
	for (const projects of sizes) {
		ctx.log(`  inventory of ${projects} projects: seeding`);
		try {
			const databaseUrl = await ctx.pg.database(`inv${projects}`);
			const seedS = await seedProjects({ databaseUrl }, projects, 20 * 60_000);
			ctx.log(`    seeded in ${seedS.toFixed(0)} s`);
			const sql = postgres(databaseUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
			try {
				const [{ analyzed }] = await sql<{ analyzed: boolean }[]>`select (last_analyze is not null or last_autoanalyze is not null) as analyzed from pg_stat_user_tables where relname = 'projects'`;
				const passes = await withTarget({ key: 'ours', start: () => startOurs({ database: 'postgres', databaseUrl }) }, async (target) => {
					const base = target.instances[0].url;
					const runPass = async (stats: Pass['stats']): Promise<Pass> => {
						ctx.log(`    statistics ${stats}`);
						const queries: QueryResult[] = [];
						for (const q of QUERIES) {
							let total: number | null = null;
							let bytes = 0;
							const ms = await timed(repetitions, async () => {
								const response = await fetch(`${base}/api/projects${q.query ? '?' + q.query : ''}`, { headers: { cookie: target.cookie!, accept: 'application/json' }, signal: AbortSignal.timeout(30_000) });
								const body = await response.text();
								if (response.status !== 200) throw new Error(`GET /api/projects?${q.query}: ${response.status} ${body.slice(0, 200)}`);
								bytes = body.length;
								total = (JSON.parse(body) as { total?: number }).total ?? null;
							});
							queries.push({ name: q.name, query: q.query, total, bytes, ms });
							ctx.log(`      ${q.name}: p50 ${ms.p50} p95 ${ms.p95} ms (${total} matches)`);
						}
						const anchorMs = await timed(repetitions, async () => void (await sql`select * from projects limit 50`));
						ctx.log(`      anchor SELECT * FROM projects LIMIT 50: p50 ${anchorMs.p50} p95 ${anchorMs.p95} ms`);
						return { stats, anchorMs, queries };
					};
					const seeded = await runPass('as seeded');
					await sql`analyze`;
					return [seeded, await runPass('after ANALYZE')];
				});
				results.push({ projects, result: { projects, seedS, analyzedBefore: analyzed, passes } });
			} finally {
				await sql.end({ timeout: 5 });
			}
		} catch (err) {
			results.push({ projects, result: null, error: firstLine(err) });
			ctx.log(`    failed: ${firstLine(err)}`);
		}
	}
	const rows: (string | number | null)[][] = [];
	for (const r of results) {
		if (!r.result) {
			rows.push([r.projects, null, `failed: ${r.error}`, null, null, null, null, null, null]);
			continue;
		}
		for (const pass of r.result.passes) {
			rows.push([r.projects, pass.stats, 'anchor: SELECT * FROM projects LIMIT 50', null, null, pass.anchorMs.p50, pass.anchorMs.p95, 1, 1]);
			for (const q of pass.queries) rows.push([r.projects, pass.stats, `${q.name} \`${q.query || '–'}\``, q.total, Math.round(q.bytes / 1024), q.ms.p50, q.ms.p95, ratio(q.ms.p50, pass.anchorMs.p50), ratio(q.ms.p95, pass.anchorMs.p95)]);
		}
	}
	const [autovacuum] = await pgQuery<{ autovacuum: string }>(ctx.pg.adminUrl, 'show autovacuum');
	return {
		id: 6,
		title: 'Inventory: list, filter and search through GET /api/projects',
		setup: [
			`${sizes.join(' and ')} projects from the demo generator (seed code, insertProject) in a fresh PostgreSQL database each; our production server on it, logged in as an admin; ${repetitions} sequential requests per query type after 3 warm-ups, time until the whole JSON body is read`,
			'anchor: `SELECT * FROM projects LIMIT 50` over one postgres.js connection from the bench process, same database, same run',
			`two passes: with the planner statistics the bulk insert left (autovacuum is ${autovacuum?.autovacuum ?? '?'} on this PostgreSQL; projects analysed before the first pass: ${results.map((r) => (r.result ? (r.result.analyzedBefore ? 'yes' : 'no') : '?')).join('/')}), then after an explicit ANALYZE`
		],
		tables: [{ caption: 'Measured (ms) and ratios to the anchor', header: ['projects', 'statistics', 'query', 'matches', 'body kB', 'p50 ms', 'p95 ms', 'p50 / anchor', 'p95 / anchor'], rows }],
		notes: [],
		data: results,
		// p95 per query type with the statistics as the seed left them (what a new installation gets), for the targets table.
		figures: Object.fromEntries(results.flatMap((r) => (r.result?.passes[0]?.queries ?? []).map((q) => [`inventory.${r.projects}.${q.name}`, q.ms.p95])))
	};
}
