/**
 * 5. Scale-out: the light fan-out of scenario 1 (200 clients, 20 / 100 / 200 typing,
 * awareness on) with the clients spread round-robin over 3 instances joined by Redis,
 * against the same load on one instance; ours and Hocuspocus
 * (@hocuspocus/extension-redis) alike, all on PostgreSQL.
 */
import { withTarget, type BenchContext, type ScenarioResult, type TargetFactory } from '../lib/context.ts';
import { benchDocs, FIRST_DOC } from '../lib/documents.ts';
import { runFanout } from '../lib/fanout.ts';
import { fanoutFigures, measuredTable, trafficTable, type FanoutRun } from '../lib/fanout-tables.ts';
import { latencyRatio } from '../lib/saturation.ts';
import { firstLine, ratio } from '../lib/stats.ts';
import { startHocuspocus, startOurs } from '../lib/targets.ts';
import { AWARENESS, EDIT_RATE, timing } from './s1-fanout.ts';

export async function scenarioScaleOut(ctx: BenchContext): Promise<ScenarioResult> {
	if (!ctx.pg.available || !ctx.redis.available) throw new Error(`scale-out needs PostgreSQL and Redis (PostgreSQL ${ctx.pg.available ? 'on' : 'off'}, Redis ${ctx.redis.available ? 'on' : 'off'})`);
	const clients = ctx.quick ? 40 : 200;
	const writerLevels = ctx.quick ? [40] : [20, 100, 200];
	const times = timing(ctx.quick);
	const ours = await ctx.pg.database('scale_ours');
	const hp = await ctx.pg.database('scale_hp');
	const redisUrl = ctx.redis.url;
	const factories: (TargetFactory & { name: string })[] = [
		{ key: 'ours', name: 'ours×1', start: () => startOurs({ database: 'postgres', databaseUrl: ours }) },
		{ key: 'ours', name: 'ours×3', start: () => startOurs({ database: 'postgres', databaseUrl: ours, redisUrl, instances: 3, env: { REDIS_PREFIX: `tafel-bench-${ctx.runId}` } }) },
		{ key: 'hocuspocus', name: 'hocuspocus×1', start: () => startHocuspocus({ storage: 'postgres', databaseUrl: hp }) },
		{ key: 'hocuspocus', name: 'hocuspocus×3', start: () => startHocuspocus({ storage: 'postgres', databaseUrl: hp, redisUrl, redisPrefix: `tafel-bench-${ctx.runId}`, instances: 3 }) }
	];
	// ours×1 and ours×3 share a database (so do the Hocuspocus pair): a record per server setup and level.
	const docs = benchDocs(FIRST_DOC.scaleOut, 2 * writerLevels.length);
	const runs: FanoutRun[] = [];
	for (const [l, writers] of writerLevels.entries()) {
		for (const factory of factories) {
			ctx.log(`  scale-out ${clients} clients, ${writers} typing · ${factory.name}`);
			try {
				const docName = docs[2 * l + (factory.name.endsWith('×3') ? 1 : 0)];
				const result = await withTarget(factory, (target) => runFanout(target, { docName, mode: 'light', clients, writers, editRate: EDIT_RATE, ...AWARENESS, ...times }));
				runs.push({ clients, writers, name: factory.name, result });
				ctx.log(`    p50 ${result.latencyMs.p50} p95 ${result.latencyMs.p95} p99 ${result.latencyMs.p99} ms · delivered ${result.deliveredPct}% · server CPU ${result.server.cpuPct.toFixed(0)}% · RSS ${result.server.rssMaxMb.toFixed(0)} MB · generator lag p99 ${result.generator.lagP99Ms} ms${result.generator.saturated ? ' — ' + result.generator.saturated : ''} · load ${result.loadAverage}`);
			} catch (err) {
				runs.push({ clients, writers, name: factory.name, result: null, error: firstLine(err) });
				ctx.log(`    failed: ${firstLine(err)}`);
			}
		}
	}
	const find = (writers: number, name: string) => runs.find((r) => r.writers === writers && r.name === name)?.result ?? null;
	const ratioRows: (string | number | null)[][] = [];
	for (const writers of writerLevels) {
		for (const [a, b] of [['ours×3', 'ours×1'], ['hocuspocus×3', 'hocuspocus×1'], ['ours×3', 'hocuspocus×3'], ['ours×1', 'hocuspocus×1']]) {
			const x = find(writers, a);
			const y = find(writers, b);
			ratioRows.push([clients, writers, `${a} / ${b}`, latencyRatio(x, y, (r) => r.latencyMs.p50), latencyRatio(x, y, (r) => r.latencyMs.p95), latencyRatio(x, y, (r) => r.latencyMs.p99), ratio(x?.cpuPerDeliveryUs, y?.cpuPerDeliveryUs), ratio(x?.server.rssMaxMb, y?.server.rssMaxMb)]);
		}
	}
	const figures: Record<string, number | string | null> = {};
	for (const r of runs) Object.assign(figures, fanoutFigures(`scale.${r.clients}x${r.writers}.${r.name}`, r.result));
	return {
		id: 5,
		title: 'Scale-out: the fan-out over 3 instances joined by Redis',
		setup: [
			`as scenario 1's light runs (${clients} clients on a project record's document, ${writerLevels.join(' / ')} typing at ${EDIT_RATE} edits/s, awareness on, same windows and load generator), clients assigned round-robin to the instances; all instances share one PostgreSQL database and one Redis (a key prefix of this run)`,
			'server CPU and RSS are the sums over the instances (in % of one core and MB); on a 2-core machine 3 instances compete with the load generator for the same cores'
		],
		tables: [measuredTable(runs), trafficTable(runs), { caption: 'Ratios', header: ['clients', 'typing', 'pair', 'p50', 'p95', 'p99', 'CPU / delivered update', 'RSS'], rows: ratioRows }],
		notes: [],
		data: runs,
		figures
	};
}
