/**
 * The fan-out measurement shared by scenarios 1 and 5: N clients on one document,
 * each setting a new key of a Y.Map at a steady rate; every other client notes when
 * the key arrives. All clients live in this process, so send and arrival times come
 * from one clock (performance.now()).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { resetTraffic, traffic, type Traffic } from './clients.ts';
import { sampleUsage, type Usage } from './procs.ts';
import { summarize, type Summary } from './stats.ts';
import { connectAll, sleep, until, type Target } from './targets.ts';

/** The loop-delay histogram times a timer of this period: its samples include the period itself. */
const LOOP_RESOLUTION_MS = 10;

export interface FanoutOptions {
	docName: string;
	clients: number;
	/** Edits per second of each client. */
	rate: number;
	warmupS: number;
	measureS: number;
	/** After the window, how long undelivered edits may still arrive. */
	graceS: number;
}

export interface FanoutResult {
	target: string;
	instances: number;
	clients: number;
	editsPerSecond: number;
	connectS: number;
	edits: number;
	expected: number;
	delivered: number;
	deliveredPct: number;
	latencyMs: Summary;
	server: Usage;
	/** The bench process itself (all clients): when it is saturated, latencies grow for every server alike. */
	bench: { cpuPct: number; eventLoopDelayP99Ms: number };
	/** What one client received per second during the window, in all and by message type. */
	perClient: { messagesPerS: number; kBPerS: number; byType: Record<string, { messagesPerS: number; kBPerS: number }> };
}

function perClientRates(t: Traffic, clients: number, seconds: number): FanoutResult['perClient'] {
	const rate = (v: number, digits: number) => Math.round((v / clients / seconds) * 10 ** digits) / 10 ** digits;
	return {
		messagesPerS: rate(t.messages, 1),
		kBPerS: rate(t.bytes / 1024, 2),
		byType: Object.fromEntries(Object.entries(t.byType).map(([type, v]) => [type, { messagesPerS: rate(v.messages, 1), kBPerS: rate(v.bytes / 1024, 2) }]))
	};
}

export async function runFanout(target: Target, options: FanoutOptions): Promise<FanoutResult> {
	const connectStarted = performance.now();
	const clients = await connectAll(target, () => options.docName, options.clients, { batch: 20, timeoutMs: 90_000 });
	const connectS = (performance.now() - connectStarted) / 1000;
	try {
		const sent = new Map<string, number>();
		const samples: number[] = [];
		let delivered = 0;
		clients.forEach((client, i) => {
			const own = `m.${i}.`;
			client.doc.getMap('bench').observe((event) => {
				const now = performance.now();
				for (const key of event.keysChanged) {
					if (key.startsWith(own)) continue;
					const at = sent.get(key);
					if (at !== undefined) {
						samples.push(now - at);
						delivered++;
					}
				}
			});
		});
		let seq = 0;
		let edits = 0;
		const interval = 1000 / options.rate;
		const drive = (prefix: 'w' | 'm', durationMs: number) =>
			new Promise<void>((resolve) => {
				const start = performance.now();
				// Spread the clients evenly over one interval: a steady stream, not bursts.
				const next = clients.map((_, i) => start + (i * interval) / clients.length);
				const timer = setInterval(() => {
					const now = performance.now();
					if (now - start >= durationMs) {
						clearInterval(timer);
						return resolve();
					}
					for (let i = 0; i < clients.length; i++) {
						for (let burst = 0; next[i] <= now && burst < 5; burst++) {
							next[i] += interval;
							const key = `${prefix}.${i}.${seq++}`;
							if (prefix === 'm') {
								sent.set(key, performance.now());
								edits++;
							}
							clients[i].doc.getMap('bench').set(key, seq);
						}
					}
				}, 2);
			});
		await drive('w', options.warmupS * 1000);
		const usage = sampleUsage(target.pids());
		const cpu0 = process.cpuUsage();
		const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
		loop.enable();
		resetTraffic();
		const windowStart = performance.now();
		await drive('m', options.measureS * 1000);
		const received = { ...traffic, byType: { ...traffic.byType } };
		const server = usage.stop();
		const benchCpu = process.cpuUsage(cpu0);
		const windowS = (performance.now() - windowStart) / 1000;
		loop.disable();
		const expected = edits * (clients.length - 1);
		await until(() => delivered >= expected, options.graceS * 1000, 50);
		return {
			target: target.label,
			instances: target.instances.length,
			clients: clients.length,
			editsPerSecond: Math.round(options.rate * clients.length * 10) / 10,
			connectS: Math.round(connectS * 10) / 10,
			edits,
			expected,
			delivered,
			deliveredPct: expected ? Math.round((10000 * delivered) / expected) / 100 : 100,
			latencyMs: summarize(samples),
			server,
			perClient: perClientRates(received, clients.length, windowS),
			bench: { cpuPct: Math.round((benchCpu.user + benchCpu.system) / 10_000 / windowS), eventLoopDelayP99Ms: Math.max(0, Math.round((loop.percentile(99) / 1e6 - LOOP_RESOLUTION_MS) * 100) / 100) }
		};
	} finally {
		for (const client of clients) client.destroy();
		await sleep(300);
	}
}
