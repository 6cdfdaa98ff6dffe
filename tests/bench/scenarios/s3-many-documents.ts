/**
 * 3. Many documents: 1,000 documents with one client each (each client makes one
 * small edit); server RSS before and after, and what a loaded document costs.
 */
import { cell, primaryTargets, withTarget, type BenchContext, type ScenarioResult } from '../lib/context.ts';
import { benchDocs, inventoryFor } from '../lib/documents.ts';
import { LoadGenerator } from '../lib/load-generator.ts';
import { cpuSeconds, rssMb, sampleUsage } from '../lib/procs.ts';
import { firstLine, ratio } from '../lib/stats.ts';
import { sleep, type Target } from '../lib/targets.ts';

interface ManyResult {
	target: string;
	documents: number;
	connectS: number;
	/** Server CPU from the first connection until every client was synced, seconds. */
	connectCpuS: number;
	rssBeforeMb: number;
	rssAfterMb: number;
	perDocumentKb: number;
	idleCpuPct: number;
}

/** Light clients (lib/light-client.ts) in load-generator workers: what 1,000 browsers cost the server, not what 1,000 providers cost the bench. */
const WORKERS = 4;
/** Clients each worker connects at once (4 × 20 stays below our 100 upgrades being authenticated at a time). */
const BATCH = 20;

/**
 * RSS once it stopped falling: our server's young generation, grown while it started,
 * shrinks some 15 s later (V8's memory reducer), which made a baseline taken 2 s after the
 * start larger than the figure with 1,000 documents open (a negative kB per document).
 * At least 20 s (past that shrink), at most 56 s: until two readings 3 s apart differ by less than 2 MB.
 */
async function settledRss(pid: number): Promise<number> {
	await sleep(20_000);
	let last = rssMb(pid);
	for (let waited = 0; waited < 38_000; waited += 3_000) {
		await sleep(3_000);
		const now = rssMb(pid);
		if (Math.abs(now - last) < 2) return now;
		last = now;
	}
	return last;
}

async function measure(target: Target, docs: string[]): Promise<ManyResult> {
	const documents = docs.length;
	const pid = target.pids()[0];
	const rssBeforeMb = await settledRss(pid);
	const generator = await LoadGenerator.start(WORKERS);
	try {
		const cpu0 = cpuSeconds(pid);
		const connectS = await generator.connect(target, docs, { mode: 'light', run: Math.floor(Math.random() * 1e6), batch: BATCH, timeoutMs: 180_000 });
		const connectCpuS = cpuSeconds(pid) - cpu0;
		// One edit per document, spread over 2 s.
		await generator.drive('m', 2, { writers: docs.map((_, i) => i), rate: 0.5, writerAwarenessS: 0, readerAwarenessS: 0 }).done;
		if (target.kind === 'ours') await until(async () => (await generator.progress()).durable >= documents, 30_000);
		// Past Hocuspocus' 2 s debounce, so its saves have run too; then a quiet window.
		await sleep(4_000);
		const usage = sampleUsage([pid], 200);
		await sleep(3_000);
		const quiet = usage.stop();
		// Settled as the baseline was: a young generation grown by 1,000 joins is not retained memory.
		const rssAfterMb = await settledRss(pid);
		return {
			target: target.label,
			documents,
			connectS: Math.round(connectS * 10) / 10,
			connectCpuS: Math.round(connectCpuS * 100) / 100,
			rssBeforeMb,
			rssAfterMb,
			perDocumentKb: ((rssAfterMb - rssBeforeMb) * 1024) / documents,
			idleCpuPct: quiet.cpuPct
		};
	} finally {
		await generator.stop();
		await sleep(500);
	}
}

/** Polls an async condition until it holds or the deadline passes. */
async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
	const deadline = performance.now() + timeoutMs;
	while (performance.now() < deadline) {
		if (await condition()) return true;
		await sleep(100);
	}
	return false;
}

export async function scenarioManyDocuments(ctx: BenchContext): Promise<ScenarioResult> {
	const documents = ctx.quick ? 100 : 1000;
	// Records of their own past the demo's 150, seeded into our database before our server starts.
	const docs = benchDocs(0, documents, inventoryFor(documents));
	const factories = await primaryTargets(ctx, { projects: inventoryFor(documents) });
	const runs: { key: string; result: ManyResult | null; error?: string }[] = [];
	for (const factory of factories) {
		ctx.log(`  ${documents} documents · ${factory.key}`);
		try {
			const result = await withTarget(factory, (target) => measure(target, docs));
			runs.push({ key: factory.key, result });
			ctx.log(`    RSS ${result.rssBeforeMb.toFixed(0)} → ${result.rssAfterMb.toFixed(0)} MB (${result.perDocumentKb.toFixed(0)} kB/document) · connect ${result.connectS} s (${Math.round(documents / result.connectS)}/s, server CPU ${result.connectCpuS} s) · idle CPU ${result.idleCpuPct.toFixed(1)} %`);
		} catch (err) {
			runs.push({ key: factory.key, result: null, error: firstLine(err) });
			ctx.log(`    failed: ${firstLine(err)}`);
		}
	}
	const get = (key: string) => runs.find((r) => r.key === key)?.result ?? null;
	const ours = get('ours');
	return {
		id: 3,
		title: `Many documents: ${documents.toLocaleString('en')} documents, one client each`,
		setup: [
			`${documents} project records' documents (ours: ${inventoryFor(documents)} demo projects seeded before the server starts; the anchors: the same names, each given its record's first state, ~2.5 kB of fields and description), one light client each (lib/light-client.ts: the protocol by hand, no Y.Doc of the room) in ${WORKERS} load-generator processes, ${BATCH} at a time per process, each waiting for synced; then one edit per document (a new map key, ≈ 60 bytes), ours until acknowledged as stored; RSS of the server process 2 s after start ("before") and after a 3 s quiet window once everything is saved ("after")`
		],
		tables: [
			{
				caption: 'Measured',
				header: ['server', 'RSS before MB', 'RSS after MB', 'kB per document', 'connect all s', 'connections/s', 'server CPU to connect all s', 'idle CPU % after'],
				rows: runs.map((r) =>
					r.result
						? [r.result.target, cell(r.result.rssBeforeMb, 0), cell(r.result.rssAfterMb, 0), cell(r.result.perDocumentKb, 0), r.result.connectS, Math.round(r.result.documents / r.result.connectS), r.result.connectCpuS, cell(r.result.idleCpuPct, 1)]
						: [r.key, `failed: ${r.error}`, null, null, null, null, null, null]
				)
			},
			{
				caption: 'Ratios (ours / anchor)',
				header: ['pair', 'RSS after', 'kB per document', 'connect all (time)', 'server CPU to connect all', 'idle CPU'],
				rows: ['y-websocket', 'hocuspocus'].map((key) => {
					const other = get(key);
					return [`ours / ${key}`, ratio(ours?.rssAfterMb, other?.rssAfterMb), ratio(ours?.perDocumentKb, other?.perDocumentKb), ratio(ours?.connectS, other?.connectS), ratio(ours?.connectCpuS, other?.connectCpuS), ratio(ours?.idleCpuPct, other?.idleCpuPct)];
				})
			}
		],
		notes: [],
		data: runs,
		figures: Object.fromEntries(
			runs.flatMap((r) =>
				r.result
					? [
							[`many.${r.key}.connectionsPerS`, Math.round(r.result.documents / r.result.connectS)],
							[`many.${r.key}.kBPerDocument`, Math.round(r.result.perDocumentKb)],
							[`many.${r.key}.connectCpuS`, r.result.connectCpuS],
							[`many.${r.key}.idleCpuPct`, Math.round(r.result.idleCpuPct * 10) / 10]
						]
					: []
			)
		)
	};
}
