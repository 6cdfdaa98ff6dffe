/**
 * 3. Many documents: 1,000 documents with one client each (each client makes one
 * small edit); server RSS before and after, and what a loaded document costs.
 */
import { cell, primaryTargets, withTarget, type BenchContext, type ScenarioResult } from '../lib/context.ts';
import { benchDocs, inventoryFor } from '../lib/documents.ts';
import { rssMb, sampleUsage } from '../lib/procs.ts';
import { firstLine, ratio } from '../lib/stats.ts';
import { connectAll, sleep, until, type Target } from '../lib/targets.ts';

interface ManyResult {
	target: string;
	documents: number;
	connectS: number;
	rssBeforeMb: number;
	rssAfterMb: number;
	perDocumentKb: number;
	idleCpuPct: number;
}

async function measure(target: Target, docs: string[]): Promise<ManyResult> {
	const documents = docs.length;
	const pid = target.pids()[0];
	await sleep(2_000);
	const rssBeforeMb = rssMb(pid);
	const started = performance.now();
	const clients = await connectAll(target, (i) => docs[i], documents, { batch: 50, timeoutMs: 120_000 });
	const connectS = (performance.now() - started) / 1000;
	try {
		clients.forEach((c, i) => c.doc.getMap('bench').set('edit', `document ${i}: one small edit of about a hundred bytes, as a first keystroke would make`));
		if (target.kind === 'ours') {
			const persisted = clients.map(() => false);
			clients.forEach((c, i) => c.onPersisted((v) => (persisted[i] ||= (v.get(c.doc.clientID) ?? 0) >= c.ownClock())));
			await until(() => persisted.every(Boolean), 30_000, 50);
		}
		// Past Hocuspocus' 2 s debounce, so its saves have run too; then a quiet window.
		await sleep(4_000);
		const usage = sampleUsage([pid], 200);
		await sleep(3_000);
		const quiet = usage.stop();
		return { target: target.label, documents, connectS: Math.round(connectS * 10) / 10, rssBeforeMb, rssAfterMb: quiet.rssEndMb, perDocumentKb: ((quiet.rssEndMb - rssBeforeMb) * 1024) / documents, idleCpuPct: quiet.cpuPct };
	} finally {
		for (const c of clients) c.destroy();
		await sleep(500);
	}
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
			ctx.log(`    RSS ${result.rssBeforeMb.toFixed(0)} → ${result.rssAfterMb.toFixed(0)} MB (${result.perDocumentKb.toFixed(0)} kB/document) · connect ${result.connectS} s`);
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
			`${documents} project records' documents (ours: ${inventoryFor(documents)} demo projects seeded before the server starts; the anchors: the same names, each given its record's first state, ~2.5 kB of fields and description), one client each (connected 50 at a time, each waits for synced), one ~100-byte edit per document; RSS of the server process 2 s after start ("before") and after a 3 s quiet window once everything is saved ("after")`
		],
		tables: [
			{
				caption: 'Measured',
				header: ['server', 'RSS before MB', 'RSS after MB', 'kB per document', 'connect all s', 'idle CPU % after'],
				rows: runs.map((r) => (r.result ? [r.result.target, cell(r.result.rssBeforeMb, 0), cell(r.result.rssAfterMb, 0), cell(r.result.perDocumentKb, 0), r.result.connectS, cell(r.result.idleCpuPct, 1)] : [r.key, `failed: ${r.error}`, null, null, null, null]))
			},
			{
				caption: 'Ratios (ours / anchor)',
				header: ['pair', 'RSS after', 'kB per document', 'connect all'],
				rows: ['y-websocket', 'hocuspocus'].map((key) => {
					const other = get(key);
					return [`ours / ${key}`, ratio(ours?.rssAfterMb, other?.rssAfterMb), ratio(ours?.perDocumentKb, other?.perDocumentKb), ratio(ours?.connectS, other?.connectS)];
				})
			}
		],
		notes: [],
		data: runs
	};
}
