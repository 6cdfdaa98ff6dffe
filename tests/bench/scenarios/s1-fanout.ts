/**
 * 1. Fan-out: clients on one document, some of them typing (2 edits/s each), awareness
 * on; latency from an edit to its arrival at every other client (p50/p95/p99), server
 * CPU per delivered update, bytes each client receives, server RSS. Two client kinds:
 *
 * - full: the stock providers with a Y.Doc each (WebsocketProvider, @hocuspocus/provider),
 *   50 clients all typing;
 * - light: the protocol by hand, remote updates only searched for markers
 *   (lib/light-client.ts), 200 clients with 20, 100 and 200 typing.
 *
 * Clients live in worker processes (lib/load-generator.ts); a run whose generator lagged
 * gets no latency ratio (lib/saturation.ts). Servers: ours on PostgreSQL and on PGlite,
 * the reference server, Hocuspocus; each starts fresh for each run, the servers
 * alternating, so a drift in the machine's load touches them alike.
 */
import { cell, type BenchContext, type ScenarioResult, type TargetFactory, withTarget } from '../lib/context.ts';
import { measureEmbeddedStarts, type StartMemory } from '../lib/embedded-start.ts';
import { benchDocs, FIRST_DOC } from '../lib/documents.ts';
import { runFanout, type FanoutOptions } from '../lib/fanout.ts';
import { fanoutFigures, measuredTable, trafficTable, type FanoutRun } from '../lib/fanout-tables.ts';
import { deliveryRatio, latencyRatio } from '../lib/saturation.ts';
import { firstLine, ratio } from '../lib/stats.ts';
import { startHocuspocus, startOurs, startYWebsocket } from '../lib/targets.ts';

/** Edits per second of each typist: a steady typist's pace. */
export const EDIT_RATE = 2;
/**
 * Awareness: y-tiptap sends a cursor only when its relative position changes, which
 * typing does not do (the position is anchored to the character after the caret), and
 * y-protocols renews an unchanged state every 15 s. So a typist's cursor moves when it
 * navigates (every 5 s here) and a reader's every 15 s.
 */
export const AWARENESS = { writerAwarenessS: 5, readerAwarenessS: 15 };

export interface Level {
	mode: 'light' | 'full';
	clients: number;
	writers: number;
}

/** BENCH_FANOUT_LEVELS=4 or 1,4: only those levels (1-based), to profile one case without the whole scenario. */
function chosen<T>(all: T[], variable: string): T[] {
	const wanted = (process.env[variable] ?? '').split(',').filter(Boolean);
	return wanted.length ? all.filter((x, i) => wanted.includes(String(i + 1)) || wanted.includes((x as { name?: string }).name ?? '')) : all;
}

export function levels(quick: boolean): Level[] {
	return chosen(allLevels(quick), 'BENCH_FANOUT_LEVELS');
}

function allLevels(quick: boolean): Level[] {
	if (quick)
		return [
			{ mode: 'full', clients: 10, writers: 10 },
			{ mode: 'light', clients: 40, writers: 8 },
			{ mode: 'light', clients: 40, writers: 40 }
		];
	return [
		{ mode: 'full', clients: 50, writers: 50 },
		{ mode: 'light', clients: 200, writers: 20 },
		{ mode: 'light', clients: 200, writers: 100 },
		{ mode: 'light', clients: 200, writers: 200 }
	];
}

export function timing(quick: boolean): Pick<FanoutOptions, 'warmupS' | 'measureS' | 'graceS' | 'workers'> {
	return quick ? { warmupS: 1, measureS: 3, graceS: 3, workers: 2 } : { warmupS: 3, measureS: 15, graceS: 5, workers: 4 };
}

/** Figure keys: `fanout.<mode>.<clients>x<writers>.<server>.<figure>` (lib/fanout-tables.ts). */
export const levelKey = (l: Pick<Level, 'mode' | 'clients' | 'writers'>) => `${l.mode}.${l.clients}x${l.writers}`;

type Server = 'ours-pg' | 'ours-pglite' | 'y-websocket' | 'hocuspocus';

export async function scenarioFanout(ctx: BenchContext): Promise<ScenarioResult> {
	const plan = levels(ctx.quick);
	const times = timing(ctx.quick);
	const factories: (TargetFactory & { name: Server })[] = [];
	if (ctx.pg.available) {
		const ours = await ctx.pg.database('ours');
		const hp = await ctx.pg.database('hp');
		factories.push({ key: 'ours', name: 'ours-pg', start: () => startOurs({ database: 'postgres', databaseUrl: ours }) });
		factories.push({ key: 'ours', name: 'ours-pglite', start: () => startOurs({ database: 'pglite' }) });
		factories.push({ key: 'y-websocket', name: 'y-websocket', start: () => startYWebsocket() });
		factories.push({ key: 'hocuspocus', name: 'hocuspocus', start: () => startHocuspocus({ storage: 'postgres', databaseUrl: hp }) });
	} else {
		factories.push({ key: 'ours', name: 'ours-pglite', start: () => startOurs({ database: 'pglite' }) });
		factories.push({ key: 'y-websocket', name: 'y-websocket', start: () => startYWebsocket() });
		factories.push({ key: 'hocuspocus', name: 'hocuspocus', start: () => startHocuspocus({ storage: 'pglite' }) });
	}
	// BENCH_FANOUT_SERVERS=ours-pg,hocuspocus: only those servers.
	if (process.env.BENCH_FANOUT_SERVERS) factories.splice(0, factories.length, ...chosen(factories, 'BENCH_FANOUT_SERVERS'));
	// One record per level: our PostgreSQL database outlives each server start within the run.
	const docs = benchDocs(FIRST_DOC.fanout, plan.length);
	const runs: (FanoutRun & { level: Level; server: string })[] = [];
	for (const [l, level] of plan.entries()) {
		for (const factory of factories) {
			ctx.log(`  ${level.mode} · ${level.clients} clients, ${level.writers} typing · ${factory.name}`);
			const base = { clients: level.clients, writers: level.writers, name: factory.name, level, server: factory.name };
			try {
				const result = await withTarget(factory, (target) => runFanout(target, { docName: docs[l], ...level, editRate: EDIT_RATE, ...AWARENESS, ...times }));
				runs.push({ ...base, result });
				ctx.log(`    p50 ${result.latencyMs.p50} p95 ${result.latencyMs.p95} p99 ${result.latencyMs.p99} ms · delivered ${result.deliveredPct}% · server CPU ${result.server.cpuPct.toFixed(0)}% (${result.cpuPerDeliveryUs} µs/delivery) · ${result.perClient.kBPerS} kB/s per client · RSS ${result.server.rssMaxMb.toFixed(0)} MB · generator lag p99 ${result.generator.lagP99Ms} ms, CPU ${result.generator.cpuPct}%${result.generator.saturated ? ' — ' + result.generator.saturated : ''} · load ${result.loadAverage}`);
			} catch (err) {
				runs.push({ ...base, result: null, error: firstLine(err) });
				ctx.log(`    failed: ${String(err).slice(0, 400)}`);
			}
		}
	}
	const find = (level: Level, server: string) => runs.find((r) => r.level === level && r.server === server)?.result ?? null;
	const ratioRows: (string | number | null)[][] = [];
	const pairs = [
		['ours-pg', 'y-websocket'],
		['ours-pg', 'hocuspocus'],
		['ours-pglite', 'y-websocket'],
		['ours-pglite', 'hocuspocus'],
		['ours-pglite', 'ours-pg']
	];
	for (const level of plan) {
		for (const [a, b] of pairs) {
			const x = find(level, a);
			const y = find(level, b);
			if (!x && !y) continue;
			ratioRows.push([
				level.clients,
				level.mode,
				level.writers,
				`${a} / ${b}`,
				latencyRatio(x, y, (r) => r.latencyMs.p50),
				latencyRatio(x, y, (r) => r.latencyMs.p95),
				latencyRatio(x, y, (r) => r.latencyMs.p99),
				ratio(x?.cpuPerDeliveryUs, y?.cpuPerDeliveryUs),
				deliveryRatio(x, y, (r) => r.perClient.kBPerS),
				ratio(x?.server.rssMaxMb, y?.server.rssMaxMb)
			]);
		}
	}
	const figures: Record<string, number | string | null> = {};
	for (const r of runs) Object.assign(figures, fanoutFigures(`fanout.${levelKey(r.level)}.${r.server}`, r.result));
	// The embedded database started as a new user starts it, then again (not with --quick or a narrowed plan).
	const starts: { what: string; memory: StartMemory | null; error?: string }[] = [];
	if (!ctx.quick && factories.some((f) => f.name === 'ours-pglite') && !process.env.BENCH_FANOUT_LEVELS) {
		ctx.log('  embedded database: a first start on an empty folder, then a restart');
		try {
			const { first, restart } = await measureEmbeddedStarts();
			starts.push({ what: 'first start (initdb, migrations, demo data)', memory: first }, { what: 'restart on that folder', memory: restart });
			figures['embedded.first.peakMb'] = Math.round(first.peakMb);
			figures['embedded.first.settledMb'] = Math.round(first.settledMb);
			figures['embedded.restart.peakMb'] = Math.round(restart.peakMb);
			figures['embedded.restart.settledMb'] = Math.round(restart.settledMb);
			ctx.log(`    first start ${first.startS.toFixed(1)} s: RSS peak ${first.peakMb.toFixed(0)} MB, after 30 s ${first.settledMb.toFixed(0)} MB · restart ${restart.startS.toFixed(1)} s: peak ${restart.peakMb.toFixed(0)} MB, after 30 s ${restart.settledMb.toFixed(0)} MB`);
		} catch (err) {
			starts.push({ what: 'embedded starts', memory: null, error: firstLine(err) });
			ctx.log(`    failed: ${firstLine(err)}`);
		}
	}
	return {
		id: 1,
		title: 'Fan-out: edit → arrival at every other client',
		setup: [
			`each client on one project record's document (the anchors: the same name, given the record's first state); a typist sets a new key of a Y.Map of the bench's own ${EDIT_RATE}×/s (a ≈ 40-byte marker value: writer, sequence number, send time), the typists spread evenly over each interval; awareness on: every client sends a state (name, colour, cursor as two relative positions) on joining, a typist moves its cursor every ${AWARENESS.writerAwarenessS} s and a reader every ${AWARENESS.readerAwarenessS} s (y-tiptap sends a cursor only when its relative position changes, which typing does not; y-protocols renews a state every 15 s)`,
			`levels: ${plan.map((l) => `${l.clients} ${l.mode} clients with ${l.writers} typing`).join('; ')}. full = the stock provider with a Y.Doc (the arrival is the Y.Map observer); light = the protocol by hand, the arrival is the frame's receipt (lib/light-client.ts)`,
			`clients spread over ${times.workers} load-generator processes; send and arrival times from the machine's monotonic clock (process.hrtime, the same in every process); ${times.warmupS} s warm-up, ${times.measureS} s measured, up to ${times.graceS} s for late arrivals`,
			'server CPU = user+system of the server process over the window (database processes not included; PGlite runs inside ours), per delivered update = that CPU over the (edit, reader) arrivals; received bytes = websocket payloads of every message type; RSS at start = 1 s after the server listens (ours: with the demo data), before any client',
			'generator lag = the highest event-loop lag p99 of any load-generator worker over the window; a latency ratio is replaced by "generator saturated" when it exceeds 20 ms or max(2 ms, 25 % of the run\'s p99) (lib/saturation.ts), and by "n/c" when under 99 % of the arrivals came'
		],
		tables: [
			measuredTable(runs),
			trafficTable(runs),
			{ caption: 'Ratios (first / second; below 1 = first lower)', header: ['clients', 'kind', 'typing', 'pair', 'p50', 'p95', 'p99', 'CPU / delivered update', 'kB / client', 'RSS'], rows: ratioRows },
			...(starts.length
				? [
						{
							caption: 'Ours on the embedded database, started as `npm start` starts it (no clients): RSS in the 30 s after it listens',
							header: ['start', 'seconds to listening', 'RSS peak MB', 'RSS after 30 s MB'],
							rows: starts.map((s) => (s.memory ? [s.what, cell(s.memory.startS, 1), Math.round(s.memory.peakMb), Math.round(s.memory.settledMb)] : [s.what, `failed: ${s.error}`, null, null]))
						}
					]
				: [])
		],
		notes: runs.filter((r) => r.result && r.result.duplicates > 0).map((r) => `${r.result!.target} (${r.clients} clients, ${r.writers} typing): ${r.result!.duplicates} edits reached a reader twice or out of order (counted once).`),
		data: runs.map(({ level, server, ...rest }) => ({ ...rest, mode: level.mode, server })),
		figures
	};
}
