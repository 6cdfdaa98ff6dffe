/**
 * One process of the load generator (lib/load-generator.ts starts several): holds some
 * of a scenario's clients, light (lib/light-client.ts) or full (the stock providers of
 * lib/clients.ts), drives their edits and awareness on a schedule the coordinator
 * gives in monotonic time, and reports what its clients saw, its own event-loop lag
 * and CPU. Commands and answers go over the IPC channel, one command at a time.
 *
 * It never outlives the coordinator: it leaves when the IPC channel disconnects (which
 * happens however the coordinator ends, kill -9 included) and, should that be missed,
 * when its parent process is gone (checked every second).
 */
import { LightClient } from './light-client.ts';
import { Sink } from './load-sink.ts';
import { startLoopLag, type LoopLag } from './loop-lag.ts';
import { marker, nowUs, parseMarker, type Phase } from './markers.ts';
import type { BenchClient } from './clients.ts';
import type { TrafficCounts } from './load-sink.ts';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';

export interface WorkerClient {
	index: number;
	/** The instance's http(s) base URL. */
	base: string;
	/** The websocket URL a light client opens. */
	url: string;
	docName: string;
	/** Headers of the upgrade request (ours: the session cookie and the instance's own Origin, as a browser sends). */
	headers: Record<string, string>;
}

export type WorkerCommand =
	| {
			op: 'connect';
			/** Tags this run's markers (lib/markers.ts). */
			run: number;
			mode: 'light' | 'full';
			kind: 'ours' | 'y-websocket' | 'hocuspocus';
			clients: WorkerClient[];
			totalClients: number;
			cookie?: string;
			batch: number;
			/** An anchor's copy of the record's first state, sent by these clients once synced (one per document). */
			seed: { index: number; update: string }[];
	  }
	| {
			op: 'drive';
			phase: Phase;
			startUs: number;
			endUs: number;
			/** This worker's writers with the time of their first edit after startUs. */
			writers: { index: number; firstUs: number }[];
			intervalUs: number;
			/** Typists and everyone else move their cursor this often (0: never). */
			writerAwarenessUs: number;
			readerAwarenessUs: number;
	  }
	| { op: 'progress' }
	| { op: 'collect' }
	| { op: 'close' };

export interface WindowReport {
	edits: number;
	traffic: TrafficCounts;
	lag: LoopLag;
	/** Share of the window the event loop was busy (event-loop utilisation, %): high = this worker was saturated, low with a high lag = the machine kept it waiting. */
	busyPct: number;
	cpuPct: number;
	seconds: number;
}

export interface CollectReport {
	delivered: number;
	duplicates: number;
	latency: string;
	durable: string;
	closed: number[];
	open: number;
}

type Reply = { id: number; ok: true; data?: unknown } | { id: number; ok: false; error: string };

/** What a worker does with one client, light or full. */
interface Driven {
	index: number;
	synced: Promise<void>;
	edit(phase: Phase, seq: number): void;
	moveCursor(): void;
	sendUpdate(update: Uint8Array): void;
	open(): boolean;
	close(): void;
}

let sink = new Sink(0, 0);
let clients: Driven[] = [];
let fullTraffic: (() => TrafficCounts) | null = null;
let resetFullTraffic: (() => void) | null = null;

function lightClient(c: WorkerClient, command: Extract<WorkerCommand, { op: 'connect' }>): Driven {
	const client = new LightClient({ index: c.index, url: c.url, headers: c.headers, hocuspocusName: command.kind === 'hocuspocus' ? c.docName : null, ours: command.kind === 'ours' }, sink);
	return { index: c.index, synced: client.synced, edit: (p, s) => client.edit(p, s), moveCursor: () => client.moveCursor(), sendUpdate: (u) => client.sendUpdate(u), open: () => client.open, close: () => client.close() };
}

async function fullClient(c: WorkerClient, command: Extract<WorkerCommand, { op: 'connect' }>): Promise<Driven> {
	const lib = await import('./clients.ts');
	fullTraffic = () => structuredClone(lib.traffic);
	resetFullTraffic = lib.resetTraffic;
	const client: BenchClient = command.kind === 'hocuspocus' ? lib.hocuspocusClient(await lib.loadHocuspocusClient(), c.base, c.docName) : lib.ywsClient(c.base, c.docName, { cookie: command.cookie, ours: command.kind === 'ours' });
	const map = client.doc.getMap('bench');
	map.observe((event) => {
		const receivedUs = nowUs();
		for (const key of event.keysChanged) {
			const found = parseMarker(map.get(key));
			if (found) sink.marker(c.index, found, receivedUs);
		}
	});
	const pending: { clock: number; sentUs: number }[] = [];
	client.onPersisted((vector) => {
		const stored = vector.get(client.doc.clientID) ?? 0;
		const now = nowUs();
		let k = 0;
		while (k < pending.length && pending[k].clock <= stored) sink.durable.push((now - pending[k++].sentUs) / 1000);
		if (k) pending.splice(0, k);
	});
	let closed = false;
	const cursor = () => {
		const clock = client.ownClock();
		const position = clock > 0 ? { item: { client: client.doc.clientID, clock: clock - 1 }, assoc: 0 } : { tname: 'description', assoc: 0 };
		client.setAwareness('cursor', { anchor: position, head: position });
	};
	return {
		index: c.index,
		synced: client.synced,
		edit(phase, seq) {
			const sentUs = nowUs();
			map.set(`k${sink.run}.${c.index}.${seq}`, marker(phase, sink.run, c.index, seq, sentUs));
			if (command.kind === 'ours' && phase === 'm') pending.push({ clock: client.ownClock(), sentUs });
		},
		moveCursor: cursor,
		sendUpdate: (update) => client.applyUpdate(update),
		open: () => !closed,
		close() {
			closed = true;
			client.destroy();
		}
	};
}

async function connect(command: Extract<WorkerCommand, { op: 'connect' }>): Promise<{ ms: number }> {
	const started = performance.now();
	sink = new Sink(command.totalClients, command.run);
	for (let i = 0; i < command.clients.length; i += command.batch) {
		const group: Driven[] = [];
		for (const c of command.clients.slice(i, i + command.batch)) group.push(command.mode === 'light' ? lightClient(c, command) : await fullClient(c, command));
		clients.push(...group);
		await Promise.all(group.map((c) => c.synced));
		for (const client of group) for (const s of command.seed.filter((x) => x.index === client.index)) client.sendUpdate(Buffer.from(s.update, 'base64'));
	}
	return { ms: performance.now() - started };
}

const sleepUntilUs = (us: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, (us - nowUs()) / 1000)));

let seq = 0;

/** Runs one phase: edits (and cursor moves) on schedule from startUs to endUs; the measured phase also counts traffic, lag and CPU. */
async function drive(command: Extract<WorkerCommand, { op: 'drive' }>): Promise<WindowReport> {
	const byIndex = new Map(clients.map((c) => [c.index, c]));
	const writers = command.writers.map((w) => ({ client: byIndex.get(w.index)!, next: w.firstUs })).filter((w) => w.client);
	const writing = new Set(writers.map((w) => w.client.index));
	// Every client moves its cursor on its own period (a typist's or a reader's), the clients spread evenly over it.
	const cursors = clients.map((client, i) => {
		const periodUs = writing.has(client.index) ? command.writerAwarenessUs : command.readerAwarenessUs;
		return { client, periodUs, next: command.startUs + (periodUs * (i + 0.5)) / clients.length };
	}).filter((c) => c.periodUs > 0);
	await sleepUntilUs(command.startUs);
	const measured = command.phase === 'm';
	let lag: { stop(): LoopLag } | null = null;
	let cpu0: NodeJS.CpuUsage | null = null;
	let elu0: EventLoopUtilization | null = null;
	if (measured) {
		sink.resetTraffic();
		resetFullTraffic?.();
		sink.counting = true;
		lag = startLoopLag();
		cpu0 = process.cpuUsage();
		elu0 = performance.eventLoopUtilization();
	}
	const startedUs = nowUs();
	let edits = 0;
	await new Promise<void>((resolve) => {
		const tick = () => {
			const now = nowUs();
			if (now >= command.endUs) return resolve();
			let soonest = command.endUs;
			for (const w of writers) {
				// A generator that fell behind catches up by at most a few edits, not a burst.
				for (let burst = 0; w.next <= now && burst < 3; burst++) {
					w.next += command.intervalUs;
					if (w.client.open()) {
						w.client.edit(command.phase, seq++);
						if (measured) edits++;
					}
				}
				if (w.next <= now) w.next = now + command.intervalUs;
				soonest = Math.min(soonest, w.next);
			}
			for (const c of cursors) {
				if (c.next <= now) {
					c.next = Math.max(c.next + c.periodUs, now);
					if (c.client.open()) c.client.moveCursor();
				}
				soonest = Math.min(soonest, c.next);
			}
			setTimeout(tick, Math.max(0, (soonest - nowUs()) / 1000));
		};
		tick();
	});
	const seconds = (nowUs() - startedUs) / 1e6;
	if (!measured) return { edits: 0, traffic: { messages: 0, bytes: 0, byType: {} }, lag: { p50Ms: 0, p99Ms: 0, maxMs: 0 }, busyPct: 0, cpuPct: 0, seconds };
	sink.counting = false;
	const used = process.cpuUsage(cpu0!);
	const busyPct = Math.round(performance.eventLoopUtilization(elu0!).utilization * 100);
	return { edits, traffic: fullTraffic ? fullTraffic() : sink.traffic, lag: lag!.stop(), busyPct, cpuPct: Math.round((used.user + used.system) / 1e4 / seconds), seconds };
}

function collect(): CollectReport {
	return { delivered: sink.delivered, duplicates: sink.duplicates, latency: sink.latency.toBase64(), durable: sink.durable.toBase64(), closed: sink.closed, open: clients.filter((c) => c.open()).length };
}

async function handle(command: WorkerCommand): Promise<unknown> {
	switch (command.op) {
		case 'connect':
			return connect(command);
		case 'drive':
			return drive(command);
		case 'progress':
			return { delivered: sink.delivered, durable: sink.durable.length };
		case 'collect':
			return collect();
		case 'close':
			for (const c of clients) c.close();
			clients = [];
			// Let the close frames go out, then leave.
			setTimeout(() => process.exit(0), 200);
			return {};
	}
}

if (!process.send) {
	console.error('load-worker.ts runs as a child of the bench (an IPC channel is needed)');
	process.exit(2);
}
// Dies with the coordinator: the channel disconnects however it ends; the parent check covers the rest.
process.on('disconnect', () => process.exit(0));
const parent = process.ppid;
setInterval(() => {
	if (process.ppid !== parent) process.exit(0);
	try {
		process.kill(parent, 0);
	} catch {
		process.exit(0);
	}
}, 1000).unref();
process.on('message', (message: { id: number; command: WorkerCommand }) => {
	handle(message.command).then(
		(data) => process.send!({ id: message.id, ok: true, data } satisfies Reply),
		(err) => process.send!({ id: message.id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies Reply)
	);
});
process.send({ id: 0, ok: true, data: 'ready' } satisfies Reply);
