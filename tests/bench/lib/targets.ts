/**
 * The servers under test, each started as a child process on a free loopback port:
 * ours (the production build via server/index.ts), the reference y-websocket server
 * and Hocuspocus. A Target hands out clients for its instance(s) and stops them all.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loginCookie } from '../../support/http.ts';
import { TEMPLATE } from '../../support/paths.ts';
import { ourServerEnv, spawnOurServer, TAFEL_LISTENING, untilListening } from '../../support/child-server.ts';
import { hocuspocusClient, loadHocuspocusClient, ywsClient, type BenchClient } from './clients.ts';
import { recordState } from './documents.ts';
import { alive, OUTPUT_KEPT, spawnAnchor, stopChild, track } from './procs.ts';
import { seedProjects } from './seed.ts';

export type TargetKind = 'ours' | 'y-websocket' | 'hocuspocus';

export interface Instance {
	url: string;
	pid: number;
	output(): string;
}

export interface Target {
	kind: TargetKind;
	label: string;
	instances: Instance[];
	/** Ours: the session cookie of BENCH_USER. */
	cookie?: string;
	pids(): number[];
	/** A client on `docName`, connected to instance `i % instances.length`. */
	connect(docName: string, i?: number): BenchClient;
	stop(): Promise<void>;
}

/** The demo account the bench logs in as (an admin: may edit platform project documents). */
export const BENCH_USER = 'beheerder@demo.tafel';

/** Raised for the bench only: one user holds every connection of a scenario. */
const OURS_BENCH_ENV = { COLLAB_MAX_CONNECTIONS_PER_USER: '5000' };

export interface OursOptions {
	database: 'postgres' | 'pglite';
	databaseUrl?: string;
	redisUrl?: string;
	instances?: number;
	env?: Record<string, string>;
	logLevel?: string;
	/** At least this many demo projects (records whose documents the bench may open) before the server starts; else the demo's own 150. */
	projects?: number;
}

/** PostgreSQL databases already holding so many demo projects: each is seeded once, not per start. */
const seededUpTo = new Map<string, number>();

async function ensureProjects(options: OursOptions, dataDir: string): Promise<void> {
	const projects = options.projects;
	if (!projects) return;
	if (options.database === 'pglite') return void (await seedProjects({ dataDir }, projects, 10 * 60_000));
	const url = options.databaseUrl!;
	if ((seededUpTo.get(url) ?? 0) >= projects) return;
	await seedProjects({ databaseUrl: url }, projects, 10 * 60_000);
	seededUpTo.set(url, projects);
}

async function spawnOurs(options: OursOptions): Promise<Instance & { stop(): Promise<void> }> {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tafel-bench-'));
	try {
		// The migrated, seeded PGlite folder every start copies (built once, cached by its stamp).
		if (options.database === 'pglite') await (await import('../../support/template.ts')).buildTemplate();
		await ensureProjects(options, dataDir);
	} catch (err) {
		fs.rmSync(dataDir, { recursive: true, force: true });
		throw err;
	}
	const env = ourServerEnv(
		{
			dataDir,
			pgliteTemplate: options.database === 'pglite' ? TEMPLATE : '',
			databaseUrl: options.database === 'postgres' ? options.databaseUrl! : null,
			redisUrl: options.redisUrl,
			logLevel: options.logLevel ?? 'warn'
		},
		{ ...OURS_BENCH_ENV, ...options.env }
	);
	// Our server derives its origin from the Host header; adapter-node refuses an empty ORIGIN.
	delete env.ORIGIN;
	// BENCH_PROFILE_SERVER=<folder>: our server writes a CPU profile there when it stops (node --cpu-prof).
	const profile = process.env.BENCH_PROFILE_SERVER ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_SERVER}`] : [];
	const child = track(spawnOurServer(env, profile));
	try {
		const { port, output } = await untilListening(child, { marker: TAFEL_LISTENING, name: 'our server', timeoutMs: 120_000, keepChars: OUTPUT_KEPT });
		return {
			url: `http://127.0.0.1:${port}`,
			pid: child.pid!,
			output,
			async stop() {
				await stopChild(child, 15_000);
				fs.rmSync(dataDir, { recursive: true, force: true });
			}
		};
	} catch (err) {
		if (alive(child)) child.kill('SIGKILL');
		fs.rmSync(dataDir, { recursive: true, force: true });
		throw err;
	}
}

export async function startOurs(options: OursOptions): Promise<Target> {
	const started: Awaited<ReturnType<typeof spawnOurs>>[] = [];
	try {
		// One after the other: each instance migrates the shared database on start.
		for (let i = 0; i < (options.instances ?? 1); i++) started.push(await spawnOurs(options));
		const cookie = await loginCookie(started[0].url, BENCH_USER);
		const db = options.database === 'postgres' ? 'PostgreSQL' : 'PGlite';
		return {
			kind: 'ours',
			label: `ours (${db}${started.length > 1 ? `, ${started.length} instances + Redis` : ''})`,
			instances: started,
			cookie,
			pids: () => started.map((s) => s.pid),
			connect: (docName, i = 0) => ywsClient(started[i % started.length].url, docName, { cookie, ours: true }),
			stop: async () => void (await Promise.all(started.map((s) => s.stop())))
		};
	} catch (err) {
		await Promise.all(started.map((s) => s.stop()));
		throw err;
	}
}

export async function startYWebsocket(): Promise<Target> {
	const anchor = await spawnAnchor('y-websocket-server.mjs', { YPERSISTENCE: undefined, CALLBACK_URL: undefined });
	const instance = { url: `http://127.0.0.1:${anchor.port}`, pid: anchor.child.pid!, output: anchor.output };
	return {
		kind: 'y-websocket',
		label: 'y-websocket-server (in memory)',
		instances: [instance],
		pids: () => [instance.pid],
		connect: (docName) => ywsClient(instance.url, docName, { ours: false }),
		stop: anchor.stop
	};
}

export interface HocuspocusOptions {
	storage: 'none' | 'postgres' | 'pglite';
	databaseUrl?: string;
	redisUrl?: string;
	redisPrefix?: string;
	instances?: number;
}

export async function startHocuspocus(options: HocuspocusOptions): Promise<Target> {
	const module = await loadHocuspocusClient();
	const anchors: Awaited<ReturnType<typeof spawnAnchor>>[] = [];
	const dirs: string[] = [];
	try {
		for (let i = 0; i < (options.instances ?? 1); i++) {
			const env: Record<string, string> = { HP_STORAGE: options.storage, REDIS_URL: options.redisUrl ?? '', REDIS_PREFIX: options.redisPrefix ?? '' };
			if (options.storage === 'postgres') env.DATABASE_URL = options.databaseUrl!;
			if (options.storage === 'pglite') {
				const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tafel-bench-hp-'));
				dirs.push(dir);
				env.PGLITE_DIR = dir;
			}
			anchors.push(await spawnAnchor('hocuspocus-server.mjs', env));
		}
	} catch (err) {
		await Promise.all(anchors.map((a) => a.stop()));
		for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
		throw err;
	}
	const instances = anchors.map((a) => ({ url: `http://127.0.0.1:${a.port}`, pid: a.child.pid!, output: a.output }));
	const storage = { none: 'in memory', postgres: 'PostgreSQL', pglite: 'PGlite' }[options.storage];
	return {
		kind: 'hocuspocus',
		label: `hocuspocus (${storage}${options.storage === 'none' ? '' : ', debounced save'}${instances.length > 1 ? `, ${instances.length} instances + Redis` : ''})`,
		instances,
		pids: () => instances.map((s) => s.pid),
		connect: (docName, i = 0) => hocuspocusClient(module, instances[i % instances.length].url, docName),
		async stop() {
			await Promise.all(anchors.map((a) => a.stop()));
			for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
		}
	};
}

/**
 * Connects `count` clients in bounded batches and waits for each to sync. On an anchor
 * each client then merges its record's first state (lib/documents.ts): ours has it from
 * the database; the same bytes every time, so only the first client changes anything.
 */
export async function connectAll(target: Target, names: (i: number) => string, count: number, options: { batch?: number; timeoutMs?: number } = {}): Promise<BenchClient[]> {
	const clients: BenchClient[] = [];
	const batch = options.batch ?? 25;
	try {
		for (let i = 0; i < count; i += batch) {
			const group = Array.from({ length: Math.min(batch, count - i) }, (_, j) => target.connect(names(i + j), i + j));
			clients.push(...group);
			await withTimeout(Promise.all(group.map((c) => c.synced)), options.timeoutMs ?? 60_000, `clients ${i}–${i + group.length - 1} of ${target.label} to sync`);
			if (target.kind === 'ours') continue;
			group.forEach((client, j) => {
				const state = recordState(names(i + j));
				if (state) client.applyUpdate(state);
			});
		}
	} catch (err) {
		for (const c of clients) c.destroy();
		throw err;
	}
	return clients;
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	try {
		return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms)))]);
	} finally {
		clearTimeout(timer);
	}
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls a condition until it holds or the deadline passes; true when it held. */
export async function until(condition: () => boolean, timeoutMs: number, everyMs = 20): Promise<boolean> {
	const deadline = performance.now() + timeoutMs;
	while (performance.now() < deadline) {
		if (condition()) return true;
		await sleep(everyMs);
	}
	return condition();
}
