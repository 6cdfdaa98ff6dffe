/**
 * 1. Fan-out: 10, 50 and 200 clients on one document, each editing at a steady rate;
 * latency from an edit to its arrival at every other client (p50/p95/p99), server CPU
 * and RSS. Each server starts fresh for each size.
 */
import { cell, primaryTargets, withTarget, type BenchContext, type ScenarioResult } from '../lib/context.ts';
import { benchDocs, FIRST_DOC } from '../lib/documents.ts';
import { runFanout, type FanoutResult } from '../lib/fanout.ts';
import { firstLine, ratio } from '../lib/stats.ts';

/** Edits per second over the whole document are capped, so 200 clients stay within what this machine can deliver (≈ 50 × 199 arrivals/s). */
const MAX_DOC_EDITS_PER_SECOND = 50;

export function fanoutRate(clients: number): number {
	return Math.min(1, MAX_DOC_EDITS_PER_SECOND / clients);
}

export async function scenarioFanout(ctx: BenchContext): Promise<ScenarioResult> {
	const sizes = ctx.quick ? [5, 20] : [10, 50, 200];
	const timing = ctx.quick ? { warmupS: 1, measureS: 4, graceS: 3 } : { warmupS: 2, measureS: 15, graceS: 5 };
	const factories = await primaryTargets(ctx);
	// One record per size: our database outlives each server start within the run.
	const docs = benchDocs(FIRST_DOC.fanout, sizes.length);
	const runs: { size: number; key: string; result: FanoutResult | null; error?: string }[] = [];
	for (const [s, size] of sizes.entries()) {
		for (const factory of factories) {
			ctx.log(`  fan-out ${size} clients · ${factory.key}`);
			try {
				const result = await withTarget(factory, (target) => runFanout(target, { docName: docs[s], clients: size, rate: fanoutRate(size), ...timing }));
				runs.push({ size, key: factory.key, result });
				ctx.log(`    p50 ${result.latencyMs.p50} p95 ${result.latencyMs.p95} p99 ${result.latencyMs.p99} ms · delivered ${result.deliveredPct}% · CPU ${result.server.cpuPct.toFixed(0)}% · RSS ${result.server.rssMaxMb.toFixed(0)} MB`);
			} catch (err) {
				runs.push({ size, key: factory.key, result: null, error: firstLine(err) });
				ctx.log(`    failed: ${String(err).slice(0, 300)}`);
			}
		}
	}
	const find = (size: number, key: string) => runs.find((r) => r.size === size && r.key === key)?.result ?? null;
	const ratioRows: (string | number | null)[][] = [];
	for (const size of sizes) {
		const ours = find(size, 'ours');
		for (const anchor of ['y-websocket', 'hocuspocus']) {
			const other = find(size, anchor);
			ratioRows.push([
				size,
				`ours / ${anchor}`,
				ratio(ours?.latencyMs.p50, other?.latencyMs.p50),
				ratio(ours?.latencyMs.p95, other?.latencyMs.p95),
				ratio(ours?.latencyMs.p99, other?.latencyMs.p99),
				ratio(ours?.server.cpuPct, other?.server.cpuPct),
				ratio(ours?.server.rssMaxMb, other?.server.rssMaxMb),
				ratio(ours?.perClient.messagesPerS, other?.perClient.messagesPerS),
				ratio(ours?.perClient.kBPerS, other?.perClient.kBPerS)
			]);
		}
	}
	return {
		id: 1,
		title: 'Fan-out: edit → arrival at every other client',
		setup: [
			`sizes ${sizes.join(', ')} clients on one project record's document (the anchors: the same name, given the record's first state); each client sets a new key of a Y.Map of the bench's own (ours projects the record after each persisted batch: a row read, no write) every ${sizes.map((s) => (1 / fanoutRate(s)).toFixed(0) + ' s').join(' / ')} (document total ≤ ${MAX_DOC_EDITS_PER_SECOND} edits/s), spread evenly`,
			`${timing.warmupS} s warm-up, ${timing.measureS} s measured, up to ${timing.graceS} s for late arrivals; server CPU = user+system of the server process(es) over the window in % of one core (database processes not included)`
		],
		tables: [
			{
				caption: 'Measured',
				header: ['clients', 'server', 'edits/s', 'delivered %', 'p50 ms', 'p95 ms', 'p99 ms', 'server CPU %', 'server RSS MB', 'connect s', 'bench CPU %', 'bench loop p99 ms'],
				rows: runs.map((r) =>
					r.result
						? [r.size, r.result.target, r.result.editsPerSecond, r.result.deliveredPct, r.result.latencyMs.p50, r.result.latencyMs.p95, r.result.latencyMs.p99, cell(r.result.server.cpuPct, 0), cell(r.result.server.rssMaxMb, 0), r.result.connectS, r.result.bench.cpuPct, r.result.bench.eventLoopDelayP99Ms]
						: [r.size, r.key, `failed: ${r.error}`, null, null, null, null, null, null, null, null, null]
				)
			},
			{
				caption: 'What each client received during the window (per client per second)',
				header: ['clients', 'server', 'messages/s', 'kB/s', 'by type: messages/s (kB/s)'],
				rows: runs
					.filter((r) => r.result)
					.map((r) => [
						r.size,
						r.result!.target,
						r.result!.perClient.messagesPerS,
						r.result!.perClient.kBPerS,
						Object.entries(r.result!.perClient.byType)
							.sort((a, b) => b[1].messagesPerS - a[1].messagesPerS)
							.map(([type, v]) => `${type} ${v.messagesPerS} (${v.kBPerS})`)
							.join(' · ')
					])
			},
			{ caption: 'Ratios (ours / anchor; below 1 = ours lower)', header: ['clients', 'pair', 'p50', 'p95', 'p99', 'CPU', 'RSS', 'messages/client', 'kB/client'], rows: ratioRows }
		],
		notes: [],
		data: runs
	};
}
