/**
 * 2. Cold load: a new client opens a large document (~1 MB made of many updates);
 * time until its provider reports synced. "Warm": the document is loaded (its writers
 * are still connected). "Cold": every client left and the server unloaded it, so the
 * load comes from the database (ours: compacted state + log tail; Hocuspocus: its
 * stored state). The reference server keeps documents in memory forever, so it has
 * no cold load.
 */
import { cell, primaryTargets, withTarget, type BenchContext, type ScenarioResult } from '../lib/context.ts';
import type { BenchClient } from '../lib/clients.ts';
import { benchDocs, FIRST_DOC } from '../lib/documents.ts';
import { cpuSecondsFine } from '../lib/procs.ts';
import { firstLine, ratio, summarize, type Summary } from '../lib/stats.ts';
import { connectAll, sleep, until, withTimeout, type Target } from '../lib/targets.ts';

/** Each writer stays under our per-connection limit of 60 messages/s. */
const WRITER_RATE = 40;
const TEXT = 'bench-text';

interface LoadResult {
	target: string;
	updates: number;
	updateBytes: number;
	stateBytes: number;
	writeS: number;
	warmMs: Summary;
	coldMs: Summary | null;
	/** Server CPU per load (all its threads, from schedstat): a join of the loaded document, a load from the database. */
	warmCpuMs: Summary;
	coldCpuMs: Summary | null;
	/** Loads the server confirmed came from the database (ours: "room loaded" log lines; Hocuspocus: fetches). */
	coldConfirmed: number | null;
	/** Loads whose reader had the whole text once synced, and the least text any reader got. */
	warmComplete: number;
	coldComplete: number | null;
	leastChars: number;
	expectedChars: number;
}

function chunk(seed: number, bytes: number): string {
	let s = '';
	let x = seed * 2654435761;
	while (s.length < bytes) {
		x = (x * 1103515245 + 12345) >>> 0;
		s += String.fromCharCode(97 + (x % 26));
	}
	return s;
}

/** Time until a new reader is synced, the server CPU that took, and how much of the text the reader then has (checked, not assumed). */
async function timeToSynced(target: Target, docName: string, what: string): Promise<{ ms: number; cpuMs: number; chars: number }> {
	const cpu = () => target.pids().reduce((s, p) => s + cpuSecondsFine(p), 0);
	const cpu0 = cpu();
	const started = performance.now();
	const client = target.connect(docName);
	try {
		await withTimeout(client.synced, 60_000, `${what} of ${docName} to sync`);
		return { ms: performance.now() - started, cpuMs: (cpu() - cpu0) * 1000, chars: client.doc.getText(TEXT).length };
	} finally {
		client.destroy();
	}
}

const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;

async function measure(ctx: BenchContext, target: Target, config: { writers: number; updates: number; bytes: number; warm: number; cold: number }): Promise<LoadResult> {
	const [docName] = benchDocs(FIRST_DOC.coldLoad, 1);
	const writers: BenchClient[] = await connectAll(target, () => docName, config.writers);
	let written = 0;
	const writeStarted = performance.now();
	const total = config.updates * config.bytes;
	let stateBytes: number;
	try {
		const persisted = writers.map(() => 0);
		writers.forEach((w, i) => w.onPersisted((vector) => (persisted[i] = vector.get(w.doc.clientID) ?? 0)));
		// Paced writers: `updates` appends of `bytes` characters, interleaved.
		await new Promise<void>((resolve) => {
			const interval = 1000 / WRITER_RATE;
			const start = performance.now();
			const next = writers.map((_, i) => start + (i * interval) / writers.length);
			const timer = setInterval(() => {
				const now = performance.now();
				for (let i = 0; i < writers.length && written < config.updates; i++) {
					if (next[i] > now) continue;
					next[i] += interval;
					const text = writers[i].doc.getText(TEXT);
					text.insert(text.length, chunk(written++, config.bytes));
				}
				if (written >= config.updates) {
					clearInterval(timer);
					resolve();
				}
			}, 2);
		});
		if (!(await until(() => writers.every((w) => w.doc.getText(TEXT).length === total), 60_000, 50))) throw new Error('writers did not converge');
		if (target.kind === 'ours' && !(await until(() => writers.every((w, i) => persisted[i] >= w.ownClock()), 30_000, 50))) throw new Error('writes not persisted');
		stateBytes = writers[0].encodedState().length;
	} catch (err) {
		for (const w of writers) w.destroy();
		throw err;
	}
	const writeS = (performance.now() - writeStarted) / 1000;
	const warm: number[] = [];
	const warmCpu: number[] = [];
	const chars: number[] = [];
	let warmComplete = 0;
	let unloadsAtLeave: number;
	try {
		for (let k = 0; k < config.warm; k++) {
			const load = await timeToSynced(target, docName, `warm reader ${k + 1}`);
			warm.push(load.ms);
			warmCpu.push(load.cpuMs);
			chars.push(load.chars);
			if (load.chars === total) warmComplete++;
			await sleep(200);
		}
	} finally {
		unloadsAtLeave = count(target.instances[0].output(), /ANCHOR_UNLOAD/g);
		for (const w of writers) w.destroy();
	}
	const common = { target: target.label, updates: config.updates, updateBytes: config.bytes, stateBytes, writeS, warmMs: summarize(warm), warmCpuMs: summarize(warmCpu), warmComplete, expectedChars: total };
	if (target.kind === 'y-websocket') return { ...common, coldMs: null, coldCpuMs: null, coldConfirmed: null, coldComplete: null, leastChars: Math.min(...chars) };

	const output = () => target.instances[0].output();
	// Wait until the server has let go of the document: ours unloads an idle room after
	// COLLAB_IDLE_UNLOAD_MS plus a flush and compaction (not logged: a fixed pause);
	// Hocuspocus stores and unloads when the last client leaves (ANCHOR_UNLOAD).
	const unloaded = async (unloadsBefore: number) => {
		if (target.kind === 'hocuspocus' && !(await until(() => count(output(), /ANCHOR_UNLOAD/g) > unloadsBefore, 20_000, 50))) throw new Error('document not unloaded');
		await sleep(target.kind === 'ours' ? 3_000 : 200);
	};
	const loadsBefore = target.kind === 'ours' ? count(output(), /room loaded/g) : count(output(), /ANCHOR_FETCH /g);
	await unloaded(unloadsAtLeave);
	const cold: number[] = [];
	const coldCpu: number[] = [];
	let coldComplete = 0;
	for (let k = 0; k < config.cold; k++) {
		const unloads = count(output(), /ANCHOR_UNLOAD/g);
		const load = await timeToSynced(target, docName, `cold reader ${k + 1}`);
		cold.push(load.ms);
		coldCpu.push(load.cpuMs);
		chars.push(load.chars);
		if (load.chars === total) coldComplete++;
		await unloaded(unloads);
	}
	const loadsAfter = target.kind === 'ours' ? count(output(), /room loaded/g) : count(output(), /ANCHOR_FETCH /g);
	return { ...common, coldMs: summarize(cold), coldCpuMs: summarize(coldCpu), coldConfirmed: loadsAfter - loadsBefore, coldComplete, leastChars: Math.min(...chars) };
}

export async function scenarioColdLoad(ctx: BenchContext): Promise<ScenarioResult> {
	const config = ctx.quick ? { writers: 3, updates: 150, bytes: 1024, warm: 3, cold: 2 } : { writers: 5, updates: 1000, bytes: 1024, warm: 7, cold: 5 };
	// Ours: unload an idle room after 1 s instead of 30 s, and log loads (debug) to confirm each cold load.
	const factories = await primaryTargets(ctx, { env: { COLLAB_IDLE_UNLOAD_MS: '1000' }, logLevel: 'debug' });
	const runs: { key: string; result: LoadResult | null; error?: string }[] = [];
	for (const factory of factories) {
		ctx.log(`  cold load · ${factory.key}`);
		try {
			const result = await withTarget(factory, (target) => measure(ctx, target, config));
			runs.push({ key: factory.key, result });
			ctx.log(`    state ${(result.stateBytes / 1e6).toFixed(2)} MB · warm p50 ${result.warmMs.p50} ms (server CPU ${result.warmCpuMs.p50} ms) · cold p50 ${result.coldMs?.p50 ?? '–'} ms (server CPU ${result.coldCpuMs?.p50 ?? '–'} ms, ${result.coldConfirmed ?? '–'} confirmed) · complete: warm ${result.warmComplete}/${config.warm}, cold ${result.coldComplete ?? '–'}/${config.cold} (least ${result.leastChars} of ${result.expectedChars} characters)`);
		} catch (err) {
			runs.push({ key: factory.key, result: null, error: firstLine(err) });
			ctx.log(`    failed: ${firstLine(err)}`);
		}
	}
	const get = (key: string) => runs.find((r) => r.key === key)?.result ?? null;
	const ours = get('ours');
	return {
		id: 2,
		title: 'Cold load of a large document: time to synced',
		setup: [
			`one project record's document (the anchors: the same name, given the record's first state, ~2.5 kB); ${config.writers} writers append ${config.updates} text updates of ${config.bytes} characters to a Y.Text of the bench's own (≈ ${((config.updates * config.bytes) / 1e6).toFixed(1)} MB), ${WRITER_RATE}/s each; then a new client connects and waits for its provider's synced event (content checked)`,
			'server CPU of a load: user+system time of all the server\'s threads (/proc schedstat) from connecting to synced (PostgreSQL\'s own processes not included; PGlite runs inside ours)',
			`warm: ${config.warm}× while the writers are connected; cold: ${config.cold}× after every client left and the server unloaded the document (ours with COLLAB_IDLE_UNLOAD_MS=1000), each confirmed by the server (ours: "room loaded" log line; Hocuspocus: a database fetch)`
		],
		tables: [
			{
				caption: 'Measured (ms)',
				header: ['server', 'state MB', 'warm p50', 'warm max', 'warm server CPU p50', 'cold p50', 'cold max', 'cold server CPU p50', 'cold loads confirmed', 'readers with the whole text (warm · cold)', 'least text a reader got'],
				rows: runs.map((r) =>
					r.result
						? [
								r.result.target,
								cell(r.result.stateBytes / 1e6, 2),
								r.result.warmMs.p50,
								r.result.warmMs.max,
								r.result.warmCpuMs.p50,
								r.result.coldMs?.p50 ?? 'n/a (in memory only)',
								r.result.coldMs?.max ?? null,
								r.result.coldCpuMs?.p50 ?? null,
								r.result.coldConfirmed === null ? null : `${r.result.coldConfirmed} of ${config.cold}`,
								`${r.result.warmComplete}/${config.warm} · ${r.result.coldComplete === null ? '–' : `${r.result.coldComplete}/${config.cold}`}`,
								`${Math.round(r.result.leastChars / 1024)} of ${Math.round(r.result.expectedChars / 1024)} kB`
							]
						: [r.key, `failed: ${r.error}`, null, null, null, null, null, null, null, null, null]
				)
			},
			{
				caption: 'Ratios (ours / anchor)',
				header: ['pair', 'warm p50', 'warm max', 'warm server CPU p50', 'cold p50', 'cold max', 'cold server CPU p50'],
				rows: ['y-websocket', 'hocuspocus'].map((key) => {
					const other = get(key);
					// A cold load of a document that lost content loads less: its time is no comparison.
					const coldComparable = ours?.coldComplete === config.cold && other?.coldComplete === config.cold;
					const lost = 'n/c (content lost)';
					return [
						`ours / ${key}`,
						ratio(ours?.warmMs.p50, other?.warmMs.p50),
						ratio(ours?.warmMs.max, other?.warmMs.max),
						ratio(ours?.warmCpuMs.p50, other?.warmCpuMs.p50),
						coldComparable ? ratio(ours?.coldMs?.p50, other?.coldMs?.p50) : other?.coldMs ? lost : null,
						coldComparable ? ratio(ours?.coldMs?.max, other?.coldMs?.max) : other?.coldMs ? lost : null,
						coldComparable ? ratio(ours?.coldCpuMs?.p50, other?.coldCpuMs?.p50) : other?.coldMs ? lost : null
					];
				})
			}
		],
		notes: runs
			.filter((r) => r.result && (r.result.warmComplete < config.warm || (r.result.coldComplete ?? config.cold) < config.cold))
			.map((r) => `${r.result!.target}: after the writers were acknowledged as persisted and left, a reader of the reloaded document got only ${Math.round(r.result!.leastChars / 1024)} of ${Math.round(r.result!.expectedChars / 1024)} kB of the text — updates were lost between the acknowledgement and the reload.`),
		data: runs,
		figures: Object.fromEntries(
			runs.flatMap((r) => {
				const x = r.result;
				if (!x) return [];
				const intact = x.warmComplete === config.warm && (x.coldComplete === null || x.coldComplete === config.cold);
				return [
					[`load.${r.key}.warmP50`, x.warmMs.p50],
					[`load.${r.key}.warmCpuP50`, x.warmCpuMs.p50],
					[`load.${r.key}.coldP50`, intact ? x.coldMs?.p50 ?? null : 'content lost'],
					[`load.${r.key}.coldCpuP50`, intact ? x.coldCpuMs?.p50 ?? null : 'content lost'],
					[`load.${r.key}.stateMb`, Math.round(x.stateBytes / 1e4) / 100]
				];
			})
		)
	};
}
