/**
 * The fan-out measurement shared by scenarios 1 and 5: N clients on one document, W of
 * them typing (each edit a new key of a Y.Map carrying a latency marker, at a steady
 * rate), awareness on; every other client notes when each measured edit arrives. The
 * clients live in several worker processes (lib/load-generator.ts); send and arrival
 * times come from the machine's monotonic clock (lib/markers.ts). Every worker and
 * this coordinator measure their own event-loop lag, so a run says when the generator
 * rather than the server set the latencies (lib/saturation.ts).
 */
import os from 'node:os';
import { LoadGenerator } from './load-generator.ts';
import { Samples, type TrafficCounts } from './load-sink.ts';
import type { CollectReport } from './load-worker.ts';
import { startLoopLag, type LoopLag } from './loop-lag.ts';
import { nowUs } from './markers.ts';
import { rssMb, sampleUsage, type Usage } from './procs.ts';
import { generatorVerdict } from './saturation.ts';
import { summarize, type Summary } from './stats.ts';
import { sleep, type Target } from './targets.ts';

export interface FanoutOptions {
	docName: string;
	clients: number;
	/** How many of the clients type; the others read (and move their cursor now and then). */
	writers: number;
	/** light: hand-rolled protocol, markers found by a byte search; full: the stock provider with a Y.Doc. */
	mode: 'light' | 'full';
	/** Edits per second of each writer. */
	editRate: number;
	/** A typist / a reader moves its awareness cursor every this many seconds (0: never). */
	writerAwarenessS: number;
	readerAwarenessS: number;
	workers: number;
	warmupS: number;
	measureS: number;
	/** After the window, how long undelivered edits may still arrive. */
	graceS: number;
}

export interface GeneratorLoad {
	workers: number;
	/** CPU of all workers together over the window, % of one core. */
	cpuPct: number;
	/** The highest p99 / max loop lag of any worker, and the coordinator's. */
	lagP99Ms: number;
	/** The highest share of the window any worker's event loop was busy, %. */
	busyPct: number;
	lagMaxMs: number;
	coordinatorLagP99Ms: number;
	/** Set when the generator was the bottleneck: the reason, as the report prints it. */
	saturated: string | null;
}

export interface FanoutResult {
	target: string;
	mode: 'light' | 'full';
	instances: number;
	clients: number;
	writers: number;
	editsPerSecond: number;
	connectS: number;
	edits: number;
	expected: number;
	delivered: number;
	deliveredPct: number;
	duplicates: number;
	latencyMs: Summary;
	/** Ours: edit → Persisted acknowledgement covering it, at the writer. */
	durableMs: Summary | null;
	server: Usage & { rssStartMb: number };
	/** Server CPU (all instances) over the window divided by the edits delivered to readers, µs. */
	cpuPerDeliveryUs: number | null;
	generator: GeneratorLoad;
	/** What one client received per second during the window, in all and by message type. */
	perClient: { messagesPerS: number; kBPerS: number; byType: Record<string, { messagesPerS: number; kBPerS: number }> };
	/** Connections the server closed during the run, by close code. */
	closed: Record<string, number>;
	/** 1-minute load average of the machine when the window ended. */
	loadAverage: number;
}

function mergeTraffic(list: TrafficCounts[]): TrafficCounts {
	const out: TrafficCounts = { messages: 0, bytes: 0, byType: {} };
	for (const t of list) {
		out.messages += t.messages;
		out.bytes += t.bytes;
		for (const [type, v] of Object.entries(t.byType)) {
			const entry = (out.byType[type] ??= { messages: 0, bytes: 0 });
			entry.messages += v.messages;
			entry.bytes += v.bytes;
		}
	}
	return out;
}

function perClientRates(t: TrafficCounts, clients: number, seconds: number): FanoutResult['perClient'] {
	const rate = (v: number, digits: number) => Math.round((v / clients / seconds) * 10 ** digits) / 10 ** digits;
	return {
		messagesPerS: rate(t.messages, 1),
		kBPerS: rate(t.bytes / 1024, 2),
		byType: Object.fromEntries(Object.entries(t.byType).map(([type, v]) => [type, { messagesPerS: rate(v.messages, 1), kBPerS: rate(v.bytes / 1024, 2) }]))
	};
}

/** W writers spread evenly over N clients (and so over the workers). */
export function writerIndices(clients: number, writers: number): number[] {
	return Array.from({ length: writers }, (_, k) => Math.floor((k * clients) / writers));
}

export async function runFanout(target: Target, options: FanoutOptions): Promise<FanoutResult> {
	// The server as it is after start (with the demo data), before any client.
	await sleep(1_000);
	const rssStartMb = target.pids().reduce((s, p) => s + rssMb(p), 0);
	const generator = await LoadGenerator.start(options.workers);
	try {
		const connectS = await generator.connect(target, Array(options.clients).fill(options.docName), { mode: options.mode, run: Math.floor(Math.random() * 1e6), batch: 10, timeoutMs: 120_000 });
		const drive = { writers: writerIndices(options.clients, options.writers), rate: options.editRate, writerAwarenessS: options.writerAwarenessS, readerAwarenessS: options.readerAwarenessS };
		await generator.drive('w', options.warmupS, drive).done;
		const window = generator.drive('m', options.measureS, drive);
		await sleep((window.startUs - nowUs()) / 1000);
		const usage = sampleUsage(target.pids());
		const lag = startLoopLag();
		await sleep((window.endUs - nowUs()) / 1000);
		const server = usage.stop();
		const coordinatorLag: LoopLag = lag.stop();
		const loadAverage = os.loadavg()[0];
		const reports = await window.done;
		const edits = reports.reduce((s, r) => s + r.edits, 0);
		const expected = edits * (options.clients - 1);
		const deadline = performance.now() + options.graceS * 1000;
		while (performance.now() < deadline && (await generator.progress()).delivered < expected) await sleep(100);
		const collected = await generator.all<CollectReport>(() => ({ op: 'collect' }), 60_000);
		const latencies: number[] = [];
		const durable: number[] = [];
		for (const c of collected) {
			for (const v of Samples.fromBase64(c.latency)) latencies.push(v);
			for (const v of Samples.fromBase64(c.durable)) durable.push(v);
		}
		const delivered = collected.reduce((s, c) => s + c.delivered, 0);
		const closed: Record<string, number> = {};
		for (const c of collected) for (const code of c.closed) closed[code] = (closed[code] ?? 0) + 1;
		const seconds = reports.reduce((s, r) => Math.max(s, r.seconds), 0) || options.measureS;
		const latencyMs = summarize(latencies);
		const lagP99Ms = Math.max(...reports.map((r) => r.lag.p99Ms));
		const busyPct = Math.max(...reports.map((r) => r.busyPct));
		return {
			target: target.label,
			mode: options.mode,
			instances: target.instances.length,
			clients: options.clients,
			writers: options.writers,
			editsPerSecond: Math.round(options.editRate * options.writers * 10) / 10,
			connectS: Math.round(connectS * 10) / 10,
			edits,
			expected,
			delivered,
			deliveredPct: expected ? Math.round((10000 * delivered) / expected) / 100 : 100,
			duplicates: collected.reduce((s, c) => s + c.duplicates, 0),
			latencyMs,
			durableMs: target.kind === 'ours' ? summarize(durable) : null,
			server: { ...server, rssStartMb },
			cpuPerDeliveryUs: delivered ? Math.round(((server.cpuPct / 100) * server.seconds * 1e6 * 100) / delivered) / 100 : null,
			generator: {
				workers: options.workers,
				cpuPct: reports.reduce((s, r) => s + r.cpuPct, 0),
				lagP99Ms,
				busyPct,
				lagMaxMs: Math.max(...reports.map((r) => r.lag.maxMs)),
				coordinatorLagP99Ms: coordinatorLag.p99Ms,
				saturated: generatorVerdict(lagP99Ms, busyPct, latencyMs.p99)
			},
			perClient: perClientRates(mergeTraffic(reports.map((r) => r.traffic)), options.clients, seconds),
			closed,
			loadAverage: Math.round(loadAverage * 100) / 100
		};
	} finally {
		await generator.stop();
	}
}
