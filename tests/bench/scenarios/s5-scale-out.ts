/**
 * 5. Scale-out: the fan-out of scenario 1 with its clients spread round-robin over 3
 * instances joined by Redis, against the same load on one instance; ours and
 * Hocuspocus (@hocuspocus/extension-redis) alike, all on PostgreSQL.
 */
import { cell, withTarget, type BenchContext, type ScenarioResult, type TargetFactory } from '../lib/context.ts';
import { benchDocs, FIRST_DOC } from '../lib/documents.ts';
import { runFanout, type FanoutResult } from '../lib/fanout.ts';
import { firstLine, ratio } from '../lib/stats.ts';
import { startHocuspocus, startOurs } from '../lib/targets.ts';
import { fanoutRate } from './s1-fanout.ts';

export async function scenarioScaleOut(ctx: BenchContext): Promise<ScenarioResult> {
	if (!ctx.pg.available || !ctx.redis.available) throw new Error(`scale-out needs PostgreSQL and Redis (PostgreSQL ${ctx.pg.available ? 'on' : 'off'}, Redis ${ctx.redis.available ? 'on' : 'off'})`);
	const sizes = ctx.quick ? [10] : [50, 200];
	const timing = ctx.quick ? { warmupS: 1, measureS: 4, graceS: 3 } : { warmupS: 2, measureS: 15, graceS: 5 };
	const ours = await ctx.pg.database('scale_ours');
	const hp = await ctx.pg.database('scale_hp');
	const redisUrl = ctx.redis.url;
	const factories: (TargetFactory & { name: string })[] = [
		{ key: 'ours', name: 'ours×1', start: () => startOurs({ database: 'postgres', databaseUrl: ours }) },
		{ key: 'ours', name: 'ours×3', start: () => startOurs({ database: 'postgres', databaseUrl: ours, redisUrl, instances: 3 }) },
		{ key: 'hocuspocus', name: 'hocuspocus×1', start: () => startHocuspocus({ storage: 'postgres', databaseUrl: hp }) },
		{ key: 'hocuspocus', name: 'hocuspocus×3', start: () => startHocuspocus({ storage: 'postgres', databaseUrl: hp, redisUrl, redisPrefix: `tafel-bench-${ctx.runId}`, instances: 3 }) }
	];
	// ours×1 and ours×3 share a database (so do the Hocuspocus pair): a record per server setup and size.
	const docs = benchDocs(FIRST_DOC.scaleOut, 2 * sizes.length);
	const runs: { size: number; name: string; result: FanoutResult | null; error?: string }[] = [];
	for (const [s, size] of sizes.entries()) {
		for (const factory of factories) {
			ctx.log(`  scale-out ${size} clients · ${factory.name}`);
			try {
				const docName = docs[2 * s + (factory.name.endsWith('×3') ? 1 : 0)];
				const result = await withTarget(factory, (target) => runFanout(target, { docName, clients: size, rate: fanoutRate(size), ...timing }));
				runs.push({ size, name: factory.name, result });
				ctx.log(`    p50 ${result.latencyMs.p50} p95 ${result.latencyMs.p95} p99 ${result.latencyMs.p99} ms · delivered ${result.deliveredPct}% · CPU ${result.server.cpuPct.toFixed(0)}% · RSS ${result.server.rssMaxMb.toFixed(0)} MB`);
			} catch (err) {
				runs.push({ size, name: factory.name, result: null, error: firstLine(err) });
				ctx.log(`    failed: ${firstLine(err)}`);
			}
		}
	}
	const find = (size: number, name: string) => runs.find((r) => r.size === size && r.name === name)?.result ?? null;
	const ratioRows: (string | number | null)[][] = [];
	for (const size of sizes) {
		for (const [a, b] of [['ours×3', 'ours×1'], ['hocuspocus×3', 'hocuspocus×1'], ['ours×3', 'hocuspocus×3'], ['ours×1', 'hocuspocus×1']]) {
			const x = find(size, a);
			const y = find(size, b);
			ratioRows.push([size, `${a} / ${b}`, ratio(x?.latencyMs.p50, y?.latencyMs.p50), ratio(x?.latencyMs.p95, y?.latencyMs.p95), ratio(x?.latencyMs.p99, y?.latencyMs.p99), ratio(x?.server.cpuPct, y?.server.cpuPct), ratio(x?.server.rssMaxMb, y?.server.rssMaxMb)]);
		}
	}
	return {
		id: 5,
		title: 'Scale-out: the fan-out over 3 instances joined by Redis',
		setup: [
			`as scenario 1 (${sizes.join(', ')} clients on a project record's document, same edit rates and windows), clients assigned round-robin to the instances; all instances share one PostgreSQL database and one Redis`,
			'CPU and RSS are the sums over the instances (in % of one core and MB); on a 2-core machine 3 instances compete with the clients for the same cores'
		],
		tables: [
			{
				caption: 'Measured',
				header: ['clients', 'servers', 'delivered %', 'p50 ms', 'p95 ms', 'p99 ms', 'server CPU %', 'server RSS MB', 'bench CPU %'],
				rows: runs.map((r) =>
					r.result
						? [r.size, r.result.target, r.result.deliveredPct, r.result.latencyMs.p50, r.result.latencyMs.p95, r.result.latencyMs.p99, cell(r.result.server.cpuPct, 0), cell(r.result.server.rssMaxMb, 0), r.result.bench.cpuPct]
						: [r.size, r.name, `failed: ${r.error}`, null, null, null, null, null, null]
				)
			},
			{ caption: 'Ratios', header: ['clients', 'pair', 'p50', 'p95', 'p99', 'CPU', 'RSS'], rows: ratioRows }
		],
		notes: [],
		data: runs
	};
}
