/**
 * The coordinator's side of the load generator: several worker processes
 * (lib/load-worker.ts), each holding a share of the clients, so no single event loop
 * has to receive what 200 editors receive. Workers are spawned bound to this process
 * and registered with lib/procs.ts, so they die with the bench however it ends.
 */
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { spawnBound } from '../../support/child.ts';
import { ROOT } from '../../support/paths.ts';
import { LAYOUT_PARAM, LAYOUT_VERSION, parseDocumentName } from '../../../src/lib/collab/documents.ts';
import { recordState } from './documents.ts';
import type { WindowReport, WorkerClient, WorkerCommand } from './load-worker.ts';
import { nowUs } from './markers.ts';
import { alive, track } from './procs.ts';
import type { Target } from './targets.ts';

const WORKER = path.join(ROOT, 'tests/bench/lib/load-worker.ts');
/** BENCH_PROFILE_WORKERS=<folder>: each worker writes a CPU profile there (node --cpu-prof), to see what the generator spends its time on. */
const PROFILE = process.env.BENCH_PROFILE_WORKERS ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_WORKERS}`] : [];

interface Pending {
	resolve(data: unknown): void;
	reject(err: Error): void;
	timer: NodeJS.Timeout;
}

class Worker {
	readonly #child: ChildProcess;
	readonly #pending = new Map<number, Pending>();
	#nextId = 1;
	#output = '';
	readonly ready: Promise<void>;

	constructor(readonly n: number) {
		this.#child = track(spawnBound(process.execPath, [...PROFILE, '--import', 'tsx', WORKER], { cwd: ROOT, env: process.env }));
		const keep = (d: Buffer) => (this.#output = (this.#output + d.toString()).slice(-8_000));
		this.#child.stdout!.on('data', keep);
		this.#child.stderr!.on('data', keep);
		let readyResolve: () => void = () => undefined;
		let readyReject: (err: Error) => void = () => undefined;
		this.ready = new Promise<void>((resolve, reject) => ((readyResolve = resolve), (readyReject = reject)));
		this.ready.catch(() => undefined);
		const readyTimer = setTimeout(() => readyReject(new Error(`load worker ${n} did not start within 60 s:\n${this.#output}`)), 60_000);
		this.#child.on('message', (message: { id: number; ok: boolean; data?: unknown; error?: string }) => {
			if (message.id === 0) {
				clearTimeout(readyTimer);
				return readyResolve();
			}
			const pending = this.#pending.get(message.id);
			if (!pending) return;
			this.#pending.delete(message.id);
			clearTimeout(pending.timer);
			if (message.ok) pending.resolve(message.data);
			else pending.reject(new Error(`load worker ${n}: ${message.error}`));
		});
		this.#child.once('exit', (code, signal) => {
			clearTimeout(readyTimer);
			const err = new Error(`load worker ${n} exited (${code ?? signal}):\n${this.#output.slice(-2_000)}`);
			readyReject(err);
			for (const p of this.#pending.values()) {
				clearTimeout(p.timer);
				p.reject(err);
			}
			this.#pending.clear();
		});
	}

	request<T>(command: WorkerCommand, timeoutMs: number): Promise<T> {
		const id = this.#nextId++;
		return new Promise<T>((resolve, reject) => {
			// The timer also keeps this process alive while it waits (the IPC channel is unref'd).
			const timer = setTimeout(() => {
				this.#pending.delete(id);
				reject(new Error(`load worker ${this.n}: no answer to ${command.op} within ${timeoutMs} ms`));
			}, timeoutMs);
			this.#pending.set(id, { resolve: resolve as (data: unknown) => void, reject, timer });
			this.#child.send({ id, command });
		});
	}

	get pid(): number {
		return this.#child.pid!;
	}

	async stop(): Promise<void> {
		if (!alive(this.#child)) return;
		const exited = new Promise<void>((resolve) => this.#child.once('exit', () => resolve()));
		await this.request({ op: 'close' }, 5_000).catch(() => undefined);
		const timer = setTimeout(() => alive(this.#child) && this.#child.kill('SIGKILL'), 3_000);
		await exited;
		clearTimeout(timer);
	}
}

export class LoadGenerator {
	private constructor(readonly workers: Worker[]) {}

	static async start(count: number): Promise<LoadGenerator> {
		const workers = Array.from({ length: count }, (_, n) => new Worker(n));
		const generator = new LoadGenerator(workers);
		try {
			await Promise.all(workers.map((w) => w.ready));
		} catch (err) {
			await generator.stop();
			throw err;
		}
		return generator;
	}

	pids(): number[] {
		return this.workers.map((w) => w.pid);
	}

	/** Client i lives in worker i mod workers (so typists, spread over the clients, spread over the workers too). */
	workerOf(i: number): number {
		return i % this.workers.length;
	}

	/**
	 * Connects one client per document name given (client i to docNames[i], on instance
	 * i mod instances) and waits until all are synced; returns the seconds that took. On an
	 * anchor the first client of each document then sends the record's first state (ours
	 * has it stored; lib/documents.ts). `run` tags this run's markers.
	 */
	async connect(target: Target, docNames: string[], options: { mode: 'light' | 'full'; run: number; batch: number; timeoutMs: number }): Promise<number> {
		const all: WorkerClient[] = docNames.map((docName, i) => {
			const base = target.instances[i % target.instances.length].url;
			// Ours: the session cookie and the Origin of the instance itself, as a browser sends them.
			const headers: Record<string, string> = target.cookie ? { cookie: target.cookie, origin: base } : {};
			return { index: i, base, url: wsUrl(target, base, docName), docName, headers };
		});
		const seeded = new Set<string>();
		const seeds: { index: number; update: string }[] = [];
		if (target.kind !== 'ours') {
			docNames.forEach((name, index) => {
				const state = recordState(name);
				if (state && !seeded.has(name)) seeds.push({ index, update: Buffer.from(state).toString('base64') });
				seeded.add(name);
			});
		}
		const started = performance.now();
		await this.all(
			(n) => ({
				op: 'connect',
				run: options.run,
				mode: options.mode,
				kind: target.kind,
				clients: all.filter((c) => this.workerOf(c.index) === n),
				totalClients: docNames.length,
				cookie: target.cookie,
				batch: options.batch,
				seed: seeds.filter((x) => this.workerOf(x.index) === n)
			}),
			options.timeoutMs
		);
		return (performance.now() - started) / 1000;
	}

	/**
	 * One phase of edits: the given clients type `rate` edits/s each (spread evenly over an
	 * interval), every client moves its cursor on its period. All workers start together a
	 * moment after the command reached them; `done` resolves with each worker's window.
	 */
	drive(phase: 'w' | 'm', seconds: number, options: { writers: number[]; rate: number; writerAwarenessS: number; readerAwarenessS: number }): { startUs: number; endUs: number; done: Promise<WindowReport[]> } {
		const startUs = nowUs() + 300_000;
		const endUs = startUs + seconds * 1e6;
		const intervalUs = 1e6 / options.rate;
		const writers = options.writers.map((index, k) => ({ index, firstUs: startUs + (k * intervalUs) / options.writers.length }));
		const done = this.all<WindowReport>(
			(n) => ({
				op: 'drive',
				phase,
				startUs,
				endUs,
				writers: writers.filter((w) => this.workerOf(w.index) === n),
				intervalUs,
				writerAwarenessUs: options.writerAwarenessS * 1e6,
				readerAwarenessUs: options.readerAwarenessS * 1e6
			}),
			(seconds + 30) * 1000
		);
		return { startUs, endUs, done };
	}

	/** Edits that reached readers, and measured edits acknowledged as stored, so far (all workers). */
	async progress(): Promise<{ delivered: number; durable: number }> {
		const all = await this.all<{ delivered: number; durable: number }>(() => ({ op: 'progress' }), 10_000);
		return { delivered: all.reduce((s, p) => s + p.delivered, 0), durable: all.reduce((s, p) => s + p.durable, 0) };
	}

	/** The same kind of command to every worker (built per worker), answered by all. */
	all<T>(command: (n: number) => WorkerCommand, timeoutMs: number): Promise<T[]> {
		return Promise.all(this.workers.map((w) => w.request<T>(command(w.n), timeoutMs)));
	}

	async stop(): Promise<void> {
		await Promise.all(this.workers.map((w) => w.stop()));
	}
}

/** The websocket URL a light client opens: the path y-websocket's provider builds, with the layout a browser sends (the reference server ignores it); Hocuspocus names the document inside its messages. */
function wsUrl(target: Target, base: string, docName: string): string {
	const ws = base.replace(/^http/, 'ws');
	if (target.kind === 'hocuspocus') return ws;
	const layout = LAYOUT_VERSION[parseDocumentName(docName)?.kind ?? 'werkagenda'];
	return `${ws}/collab/${docName}?${LAYOUT_PARAM}=${layout}`;
}
