/**
 * The embedded database keeps answering after its worker thread dies (a runaway query
 * that exhausts the worker's heap, a bug in PGlite): a new worker opens the same folder
 * and later requests go to it. What the dead worker was asked fails, as a lost
 * connection would on PostgreSQL; the update log retries its commits, so nothing that
 * was acknowledged is lost (committed data is in the folder; Postgres recovers from its
 * WAL on open). A worker that keeps dying is not restarted forever: after
 * `maxRestartsPerMinute` in a minute requests fail until the server restarts.
 */
import type { ResourceLimits } from 'node:worker_threads';
import type { QueryOptions, Results } from '@electric-sql/pglite';
import { PgliteRemote, type RemoteTransaction } from './pglite-remote.ts';
import type { WorkerSettings } from './pglite-protocol.ts';

export interface RestartEvents {
	/** The worker died; `restarting`: a new one is being opened. */
	stopped(err: Error, restarting: boolean): void;
	restarted(): void;
	/** No new worker could be opened: requests fail until the server restarts. */
	gaveUp(err: Error): void;
}

export class RestartingPglite {
	#current: PgliteRemote | null = null;
	#reopening: Promise<PgliteRemote> | null = null;
	#failure: Error | null = null;
	#closed = false;
	readonly #restarts: number[] = [];

	private constructor(
		private readonly settings: WorkerSettings,
		private readonly events: RestartEvents,
		private readonly limits: ResourceLimits | undefined,
		private readonly maxRestartsPerMinute: number
	) {}

	static async open(settings: WorkerSettings, events: RestartEvents, options: { limits?: ResourceLimits; maxRestartsPerMinute?: number } = {}): Promise<RestartingPglite> {
		const pglite = new RestartingPglite(settings, events, options.limits, options.maxRestartsPerMinute ?? 3);
		pglite.#current = await pglite.#start(settings);
		return pglite;
	}

	#start(settings: WorkerSettings): Promise<PgliteRemote> {
		return PgliteRemote.open(settings, (err) => this.#onStopped(err), this.limits);
	}

	#onStopped(err: Error): void {
		this.#current = null;
		if (this.#closed) return;
		const now = Date.now();
		while (this.#restarts.length && now - this.#restarts[0] > 60_000) this.#restarts.shift();
		const restarting = this.#restarts.length < this.maxRestartsPerMinute;
		this.events.stopped(err, restarting);
		if (!restarting) {
			this.#failure = err;
			this.events.gaveUp(err);
			return;
		}
		this.#restarts.push(now);
		// The folder exists now: no template to unpack.
		this.#reopening = this.#start({ ...this.settings, loadDataDir: null });
		this.#reopening.then(
			(remote) => {
				this.#reopening = null;
				if (this.#closed) return void remote.close();
				this.#current = remote;
				this.events.restarted();
			},
			(openErr: Error) => {
				this.#reopening = null;
				this.#failure = openErr;
				this.events.gaveUp(openErr);
			}
		);
	}

	/** The worker that answers now: the running one, the one being opened, or why there is none. */
	#remote(): Promise<PgliteRemote> {
		if (this.#closed) return Promise.reject(new Error('The embedded database is closed'));
		if (this.#current) return Promise.resolve(this.#current);
		if (this.#reopening) return this.#reopening;
		return Promise.reject(this.#failure ?? new Error('The embedded database is not running'));
	}

	query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
		return this.#remote().then((r) => r.query<T>(sql, params, options));
	}

	exec(sql: string, options?: QueryOptions): Promise<Results[]> {
		return this.#remote().then((r) => r.exec(sql, options));
	}

	transaction<T>(callback: (tx: RemoteTransaction) => Promise<T>): Promise<T> {
		return this.#remote().then((r) => r.transaction(callback));
	}

	async close(): Promise<void> {
		this.#closed = true;
		const reopening = this.#reopening;
		await this.#current?.close();
		this.#current = null;
		if (reopening) await reopening.then((r) => r.close()).catch(() => {});
	}
}
