/**
 * The server's side of fold-worker.js: one worker thread, started when a compaction needs
 * it and stopped after a quiet spell (it holds ~10 MB that an idle server need not), so a
 * compaction never stalls websocket fan-out. If the worker dies, the folds it was doing
 * fail (the compaction keeps every row and is tried again) and the next fold starts a new one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const IDLE_MS = 10_000;

/** A script beside this module; in SvelteKit's bundle there is none, and the source file is used (see pglite-remote.ts). */
function script(file: string): URL {
	const beside = new URL(file, import.meta.url);
	return fs.existsSync(beside) ? beside : pathToFileURL(path.resolve('src/lib/server/documents', file));
}

interface Pending {
	resolve(state: string | null): void;
	reject(err: Error): void;
	/** The worker doing it: a worker that stops fails only its own folds, not those of its successor. */
	worker: Worker;
}

let worker: Worker | null = null;
let idleTimer: NodeJS.Timeout | null = null;
let lastId = 0;
const pending = new Map<number, Pending>();

function failAll(of: Worker, err: Error): void {
	for (const [id, p] of pending) {
		if (p.worker !== of) continue;
		pending.delete(id);
		p.reject(err);
	}
}

function start(): Worker {
	// execArgv: not the server's `--import tsx`; the worker is plain JavaScript.
	const w = new Worker(script('fold-worker.js'), { execArgv: [] });
	w.on('message', (reply: { id: number; state?: string | null; error?: string }) => {
		const p = pending.get(reply.id);
		pending.delete(reply.id);
		if (reply.error !== undefined) p?.reject(new Error(`fold failed: ${reply.error}`));
		else p?.resolve(reply.state ?? null);
		if (pending.size === 0) idle();
	});
	const gone = (err: Error) => {
		if (worker === w) worker = null;
		failAll(w, err);
	};
	w.on('error', (err) => gone(new Error(`fold worker crashed: ${err.message}`, { cause: err })));
	w.on('exit', (code) => gone(new Error(`fold worker stopped (exit code ${code})`)));
	w.unref();
	return w;
}

function idle(): void {
	if (idleTimer) clearTimeout(idleTimer);
	idleTimer = setTimeout(() => {
		idleTimer = null;
		if (pending.size || !worker) return;
		const w = worker;
		worker = null;
		void w.terminate();
	}, IDLE_MS).unref();
}

/**
 * The parts (hex, as the database gives them), applied in order to one document and
 * encoded again, as hex; null when some part's dependencies are missing.
 */
export function foldHexInWorker(parts: string[]): Promise<string | null> {
	if (idleTimer) clearTimeout(idleTimer);
	idleTimer = null;
	const w = (worker ??= start());
	const id = ++lastId;
	return new Promise((resolve, reject) => {
		pending.set(id, { resolve, reject, worker: w });
		w.postMessage({ id, parts });
	});
}

/** For tests and shutdown: stop the worker now (its pending folds fail). */
export async function stopFoldWorker(): Promise<void> {
	if (idleTimer) clearTimeout(idleTimer);
	idleTimer = null;
	const w = worker;
	worker = null;
	await w?.terminate();
}
