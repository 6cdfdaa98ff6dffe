/**
 * 4. Durability cost: our per-batch commit (every accepted update goes into the
 * update log in a group commit every COLLAB_COMMIT_INTERVAL_MS = 25 ms, and clients
 * hear a Persisted state vector once it is committed) against Hocuspocus' debounced
 * save (the whole document state upserted at most every 2 s after a change, at the
 * latest every 10 s; nothing is acknowledged to clients), on PostgreSQL and on PGlite.
 * The reference server without persistence is the no-durability floor.
 *
 * Load: D documents, each with one writer and one observer; the writers together
 * offer rising levels of updates per second. A level is sustained when ≥ 99 % of its
 * updates reach the observers within the drain time with p95 ≤ 500 ms (ours: and
 * ≥ 99 % are acknowledged as persisted).
 */
import { cell, pgQuery, withTarget, type BenchContext, type ScenarioResult, type TargetFactory } from '../lib/context.ts';
import type { BenchClient } from '../lib/clients.ts';
import { benchDocs, FIRST_DOC } from '../lib/documents.ts';
import { startLoopLag } from '../lib/loop-lag.ts';
import { sampleUsage } from '../lib/procs.ts';
import { firstLine, ratio, summarize, type Summary } from '../lib/stats.ts';
import { connectAll, sleep, startHocuspocus, startOurs, startYWebsocket, until, type Target } from '../lib/targets.ts';

const DELIVERY_P95_LIMIT_MS = 500;
/** Ours: idle rooms unload after 1 s (not 30 s) for the reload check; debug logs name every room load. */
const OURS = { env: { COLLAB_IDLE_UNLOAD_MS: '1000' }, logLevel: 'debug' };

interface Level {
	offered: number;
	sent: number;
	delivered: number;
	deliveredPerS: number;
	deliveryMs: Summary;
	/** Ours: send → Persisted covering the update, at the writer. */
	durableMs: Summary | null;
	durablePct: number | null;
	cpuPct: number;
	/** PostgreSQL transactions committed in the target's database per second (pg_stat_database; lags up to ~1 s). */
	commitsPerS: number | null;
	/** Hocuspocus: saves (whole-state upserts) per second and bytes per second they wrote. */
	savesPerS: number | null;
	savedKBPerS: number | null;
	sustained: boolean;
	/** The bench process' own event-loop lag p99 over the level (its clients live in it): what it may add to the delivery and acknowledgement times. */
	benchLagP99Ms: number;
}

interface DurabilityRun {
	key: string;
	label: string;
	storage: 'PostgreSQL' | 'PGlite' | 'memory';
	levels: Level[];
	totals: Totals | null;
	integrity: Integrity | null;
	sustainedPerS: number;
	error?: string;
}

async function commitsOf(url: string | null): Promise<number | null> {
	if (!url) return null;
	const name = new URL(url).pathname.slice(1);
	const [row] = await pgQuery<{ n: string }>(url, `select xact_commit::text as n from pg_stat_database where datname = '${name}'`);
	return row ? Number(row.n) : null;
}

/** Over the whole run of one server: saves are debounced across level boundaries, so per-level counts alone mislead. */
interface Totals {
	seconds: number;
	updates: number;
	commits: number | null;
	saves: number | null;
	savedKB: number | null;
}

/** After the load: every client left, the server unloaded the documents, and a new reader per document counts what came back. */
interface Integrity {
	documents: number;
	intact: number;
	missingUpdates: number;
	/** Documents the server confirmed it loaded again from the database (ours: "room loaded" at debug level; Hocuspocus: fetches). */
	reloaded: number;
}

const countOf = (target: Target, pattern: RegExp) => (target.instances[0].output().match(pattern) ?? []).length;

async function checkIntegrity(target: Target, doc: (i: number) => string, expected: number[]): Promise<Integrity> {
	const loads = target.kind === 'ours' ? /room loaded/g : /ANCHOR_FETCH /g;
	const before = countOf(target, loads);
	const readers = await connectAll(target, doc, expected.length, { batch: 50 });
	try {
		const got = readers.map((r) => r.doc.getMap('bench').size);
		return {
			documents: expected.length,
			intact: got.filter((n, i) => n === expected[i]).length,
			missingUpdates: got.reduce((s, n, i) => s + Math.max(0, expected[i] - n), 0),
			reloaded: countOf(target, loads) - before
		};
	} finally {
		for (const r of readers) r.destroy();
	}
}

const storeLines = (target: Target) => target.instances[0].output().match(/ANCHOR_STORE \d+/g) ?? [];

async function runLevels(ctx: BenchContext, target: Target, databaseUrl: string | null, config: { documents: number; levels: number[]; levelS: number; drainS: number }): Promise<{ levels: Level[]; totals: Totals; integrity: Integrity | null }> {
	// Each server has a database of its own: the same records for all.
	const docs = benchDocs(FIRST_DOC.durability, config.documents);
	const doc = (i: number) => docs[i];
	const writers: BenchClient[] = await connectAll(target, doc, config.documents, { batch: 50 });
	const observers: BenchClient[] = [];
	const perDocument = writers.map(() => 0);
	let closed = false;
	try {
		observers.push(...(await connectAll(target, doc, config.documents, { batch: 50 })));
		const sent = new Map<string, number>();
		let delivery: number[] = [];
		let durable: number[] = [];
		let delivered = 0;
		observers.forEach((o) =>
			o.doc.getMap('bench').observe((event) => {
				const now = performance.now();
				for (const key of event.keysChanged) {
					const at = sent.get(key);
					if (at !== undefined) {
						delivery.push(now - at);
						delivered++;
					}
				}
			})
		);
		const pending: { clock: number; at: number }[][] = writers.map(() => []);
		writers.forEach((w, i) =>
			w.onPersisted((vector) => {
				const stored = vector.get(w.doc.clientID) ?? 0;
				const now = performance.now();
				const queue = pending[i];
				let k = 0;
				while (k < queue.length && queue[k].clock <= stored) durable.push(now - queue[k++].at);
				if (k) queue.splice(0, k);
			})
		);
		const levels: Level[] = [];
		let seq = 0;
		const runStarted = performance.now();
		const runCommits = await commitsOf(databaseUrl);
		const runStores = storeLines(target);
		for (const offered of config.levels) {
			ctx.log(`    ${offered} updates/s offered`);
			delivery = [];
			durable = [];
			delivered = 0;
			sent.clear();
			const storesBefore = storeLines(target).length;
			const storeBytes = () => storeLines(target).reduce((s, m) => s + Number(m.slice(13)), 0);
			const bytesBefore = storeBytes();
			const commits0 = await commitsOf(databaseUrl);
			const usage = sampleUsage(target.pids());
			const lag = startLoopLag();
			const started = performance.now();
			const interval = (1000 * config.documents) / offered;
			let count = 0;
			await new Promise<void>((resolve) => {
				const next = writers.map((_, i) => started + (i * interval) / writers.length);
				const timer = setInterval(() => {
					const now = performance.now();
					if (now - started >= config.levelS * 1000) {
						clearInterval(timer);
						return resolve();
					}
					for (let i = 0; i < writers.length; i++) {
						for (let burst = 0; next[i] <= now && burst < 5; burst++) {
							next[i] += interval;
							const key = `${offered}.${seq++}`;
							sent.set(key, performance.now());
							writers[i].doc.getMap('bench').set(key, count++);
							perDocument[i]++;
							if (target.kind === 'ours') pending[i].push({ clock: writers[i].ownClock(), at: performance.now() });
						}
					}
				}, 2);
			});
			const cpu = usage.stop();
			const benchLagP99Ms = lag.stop().p99Ms;
			const ackDone = () => target.kind !== 'ours' || pending.every((q) => q.length === 0);
			await until(() => delivered >= count && ackDone(), config.drainS * 1000, 50);
			const windowS = (performance.now() - started) / 1000;
			const commits1 = await commitsOf(databaseUrl);
			const stores = storeLines(target).length - storesBefore;
			const deliveryMs = summarize(delivery);
			const durableMs = target.kind === 'ours' ? summarize(durable) : null;
			const durablePct = target.kind === 'ours' ? Math.round((10000 * durable.length) / Math.max(1, count)) / 100 : null;
			const sustained = delivered >= 0.99 * count && (deliveryMs.p95 ?? Infinity) <= DELIVERY_P95_LIMIT_MS && (durablePct === null || durablePct >= 99);
			levels.push({
				offered,
				sent: count,
				delivered,
				deliveredPerS: Math.round(delivered / config.levelS),
				deliveryMs,
				durableMs,
				durablePct,
				cpuPct: cpu.cpuPct,
				commitsPerS: commits0 !== null && commits1 !== null ? Math.round((commits1 - commits0) / windowS) : null,
				savesPerS: target.kind === 'hocuspocus' ? Math.round((stores / windowS) * 10) / 10 : null,
				savedKBPerS: target.kind === 'hocuspocus' ? Math.round((storeBytes() - bytesBefore) / 1024 / windowS) : null,
				sustained,
				benchLagP99Ms
			});
			const l = levels[levels.length - 1];
			ctx.log(`      delivered ${l.delivered}/${l.sent} · p95 ${l.deliveryMs.p95} ms${l.durableMs ? ` · durable p95 ${l.durableMs.p95} ms (${l.durablePct}%)` : ''} · CPU ${l.cpuPct.toFixed(0)}%${l.commitsPerS !== null ? ` · ${l.commitsPerS} commits/s` : ''}${l.savesPerS !== null ? ` · ${l.savesPerS} saves/s` : ''}`);
			// Pending acknowledgements of an unsustained level are not carried into the next.
			for (const q of pending) q.length = 0;
			await sleep(1_000);
		}
		const runEnd = await commitsOf(databaseUrl);
		const stores = storeLines(target).slice(runStores.length);
		const totals: Totals = {
			seconds: Math.round((performance.now() - runStarted) / 100) / 10,
			updates: levels.reduce((s, l) => s + l.sent, 0),
			commits: runCommits !== null && runEnd !== null ? runEnd - runCommits : null,
			saves: target.kind === 'hocuspocus' ? stores.length : null,
			savedKB: target.kind === 'hocuspocus' ? Math.round(stores.reduce((s, m) => s + Number(m.slice(13)), 0) / 1024) : null
		};
		let integrity: Integrity | null = null;
		if (target.kind !== 'y-websocket') {
			ctx.log('    every client leaves; reloading each document');
			const unloads = countOf(target, /ANCHOR_UNLOAD/g);
			for (const c of [...writers, ...observers]) c.destroy();
			closed = true;
			// Ours unloads idle rooms after COLLAB_IDLE_UNLOAD_MS (1 s here) plus flush and compaction; Hocuspocus on the last leave.
			if (target.kind === 'hocuspocus') await until(() => countOf(target, /ANCHOR_UNLOAD/g) >= unloads + config.documents, 30_000, 100);
			await sleep(target.kind === 'ours' ? 6_000 : 1_000);
			integrity = await checkIntegrity(target, doc, perDocument);
			ctx.log(`      ${integrity.intact}/${integrity.documents} documents intact, ${integrity.missingUpdates} updates missing, ${integrity.reloaded} reloaded from the database`);
		}
		return { levels, totals, integrity };
	} finally {
		if (!closed) for (const c of [...writers, ...observers]) c.destroy();
		await sleep(500);
	}
}

export async function scenarioDurability(ctx: BenchContext): Promise<ScenarioResult> {
	const config = ctx.quick ? { documents: 10, levels: [100, 300], levelS: 3, drainS: 4 } : { documents: 50, levels: [250, 500, 1000, 2000], levelS: 6, drainS: 5 };
	const { buildTemplate } = await import('../../support/template.ts');
	await buildTemplate();
	const plan: { factory: TargetFactory; storage: DurabilityRun['storage']; databaseUrl: string | null }[] = [];
	if (ctx.pg.available) {
		const ours = await ctx.pg.database('dur_ours');
		const hp = await ctx.pg.database('dur_hp');
		plan.push({ factory: { key: 'ours', start: () => startOurs({ database: 'postgres', databaseUrl: ours, ...OURS }) }, storage: 'PostgreSQL', databaseUrl: ours });
		plan.push({ factory: { key: 'hocuspocus', start: () => startHocuspocus({ storage: 'postgres', databaseUrl: hp }) }, storage: 'PostgreSQL', databaseUrl: hp });
	}
	plan.push({ factory: { key: 'ours', start: () => startOurs({ database: 'pglite', ...OURS }) }, storage: 'PGlite', databaseUrl: null });
	plan.push({ factory: { key: 'hocuspocus', start: () => startHocuspocus({ storage: 'pglite' }) }, storage: 'PGlite', databaseUrl: null });
	plan.push({ factory: { key: 'y-websocket', start: () => startYWebsocket() }, storage: 'memory', databaseUrl: null });

	const runs: DurabilityRun[] = [];
	for (const { factory, storage, databaseUrl } of plan) {
		ctx.log(`  durability · ${factory.key} on ${storage}`);
		try {
			const run = await withTarget(factory, async (target) => ({ label: target.label, ...(await runLevels(ctx, target, databaseUrl, config)) }));
			const sustainedPerS = Math.max(0, ...run.levels.filter((l) => l.sustained).map((l) => l.deliveredPerS));
			runs.push({ key: factory.key, label: run.label, storage, levels: run.levels, totals: run.totals, integrity: run.integrity, sustainedPerS });
		} catch (err) {
			runs.push({ key: factory.key, label: factory.key, storage, levels: [], totals: null, integrity: null, sustainedPerS: 0, error: firstLine(err) });
			ctx.log(`    failed: ${firstLine(err)}`);
		}
	}
	const find = (key: string, storage: string) => runs.find((r) => r.key === key && r.storage === storage && !r.error) ?? null;
	const pairs: [DurabilityRun | null, DurabilityRun | null, string][] = [];
	for (const storage of ['PostgreSQL', 'PGlite'] as const) {
		pairs.push([find('ours', storage), find('hocuspocus', storage), `ours / hocuspocus (${storage})`]);
		pairs.push([find('ours', storage), find('y-websocket', 'memory'), `ours (${storage}) / y-websocket (memory)`]);
	}
	const ratioRows: (string | number | null)[][] = [];
	for (const [ours, other, name] of pairs) {
		if (!ours || !other) continue;
		ratioRows.push([name, 'sustained updates/s', ratio(ours.sustainedPerS, other.sustainedPerS)]);
		for (const level of config.levels) {
			const a = ours.levels.find((l) => l.offered === level);
			const b = other.levels.find((l) => l.offered === level);
			if (!a || !b) continue;
			ratioRows.push([name, `at ${level}/s: CPU · delivery p95 · delivered`, `${ratio(a.cpuPct, b.cpuPct) ?? '–'} · ${ratio(a.deliveryMs.p95, b.deliveryMs.p95) ?? '–'} · ${ratio(a.delivered, b.delivered) ?? '–'}`]);
		}
	}
	return {
		id: 4,
		title: 'Durability cost: per-batch commit vs. debounced save',
		setup: [
			`${config.documents} project records' documents (the anchors: the same names, given each record's first state), each with one writer and one observer; the writers together offer ${config.levels.join(' → ')} updates/s (≈ 40-byte sets of a Y.Map of the bench's own; ours projects each record after its persisted batches, debounced 200 ms: a row read, no write), ${config.levelS} s per level, up to ${config.drainS} s to drain`,
			`ours: every update appended to doc_updates in a group commit every 25 ms, Persisted acknowledgement to clients after each commit, compaction after 400 rows; Hocuspocus: @hocuspocus/extension-database store = upsert of the whole Y.encodeStateAsUpdate state, debounce 2 s / max 10 s, no acknowledgement; y-websocket-server: memory only (the floor)`,
			'afterwards every client leaves, the server unloads the documents (ours: COLLAB_IDLE_UNLOAD_MS=1000), and one new reader per document counts the updates that came back from the database',
			`sustained = highest level with ≥ 99 % delivered to the observers, delivery p95 ≤ ${DELIVERY_P95_LIMIT_MS} ms and (ours) ≥ 99 % acknowledged as persisted; CPU = the server process only (PostgreSQL's own processes not counted; PGlite runs inside the server process)`
		],
		tables: [
			{
				caption: 'Measured per level',
				header: ['server', 'offered/s', 'delivered/s', 'delivery p50 ms', 'delivery p95 ms', 'durable ack p50 ms', 'durable ack p95 ms', 'acked %', 'server CPU %', 'PG commits/s', 'saves/s', 'saved kB/s', 'sustained', 'bench loop lag p99 ms'],
				rows: runs.flatMap((r) =>
					r.error
						? [[`${r.label} (${r.storage})`, `failed: ${r.error}`, null, null, null, null, null, null, null, null, null, null, null, null]]
						: r.levels.map((l) => [r.label, l.offered, l.deliveredPerS, l.deliveryMs.p50, l.deliveryMs.p95, l.durableMs?.p50 ?? null, l.durableMs?.p95 ?? null, l.durablePct, cell(l.cpuPct, 0), l.commitsPerS, l.savesPerS, l.savedKBPerS, l.sustained ? 'yes' : 'no', l.benchLagP99Ms])
				)
			},
			{
				caption: 'Whole run per server: sustained rate and what reached the database',
				header: ['server', 'sustained updates/s', 'updates sent', 'seconds', 'PG commits', 'saves', 'saved kB', 'documents intact after reload', 'updates missing after reload'],
				rows: runs.map((r) => [
					r.label,
					r.error ? null : r.sustainedPerS,
					r.totals?.updates ?? null,
					r.totals?.seconds ?? null,
					r.totals?.commits ?? null,
					r.totals?.saves ?? null,
					r.totals?.savedKB ?? null,
					r.integrity ? `${r.integrity.intact} of ${r.integrity.documents} (${r.integrity.reloaded} reloaded)` : r.key === 'y-websocket' ? 'n/a (memory)' : null,
					r.integrity?.missingUpdates ?? null
				])
			},
			{ caption: 'Ratios (ours / anchor)', header: ['pair', 'figure', 'ratio'], rows: ratioRows }
		],
		notes: [
			...runs
				.filter((r) => r.integrity && r.integrity.missingUpdates > 0)
				.map((r) => `${r.label}: ${r.integrity!.missingUpdates} acknowledged updates were missing after the reload (${r.integrity!.documents - r.integrity!.intact} of ${r.integrity!.documents} documents incomplete).`),
			'PG commits come from pg_stat_database, which server backends report about once a second: per-level figures may shift by up to a second, the whole-run totals do not.',
			'Hocuspocus acknowledges nothing: an update it has fanned out can be lost for up to its debounce (2–10 s) if the process dies. Ours acknowledges each update only once committed; the "durable ack" columns are that delay.'
		],
		data: { config, runs },
		// The durable acknowledgement at each offered level (ours), for the targets table.
		figures: Object.fromEntries(runs.filter((r) => r.key === 'ours').flatMap((r) => r.levels.map((l) => [`durability.${r.storage}.${l.offered}.ackP95`, l.durablePct !== null && l.durablePct < 99 ? `${l.durablePct} % acknowledged` : (l.durableMs?.p95 ?? null)])))
	};
}
