/**
 * What a room owes its peers since its last fan-out, and when it sends it: at the end of
 * this turn, or, when the room sent something less than the interval ago, once that
 * interval is over. A room where everyone types so writes to each peer once per interval
 * instead of once per keystroke and cursor move (measured: at 200 typists the writes were
 * most of the server's time, and their queue its latency tail).
 */
import { measured, metrics } from '#lib/server/metrics.ts';

export interface Outgoing {
	update: Uint8Array;
	origin: unknown;
}

export class Outbox {
	#updates: Outgoing[] = [];
	/** Awareness clients whose state changed: sent together, as they are when sent. */
	readonly #awarenessChanged = new Set<number>();
	#scheduled = false;
	#lastSent = 0;

	constructor(
		private readonly intervalMs: number,
		private readonly send: () => void
	) {}

	addUpdate(update: Uint8Array, origin: unknown): void {
		this.#updates.push({ update, origin });
		this.#schedule();
	}

	addAwareness(clients: Iterable<number>): void {
		for (const id of clients) this.#awarenessChanged.add(id);
		this.#schedule();
	}

	/** Everything owed, emptied; called by the room's send. */
	take(): { updates: Outgoing[]; awarenessClients: number[] } {
		this.#scheduled = false;
		this.#lastSent = performance.now();
		const updates = this.#updates;
		this.#updates = [];
		const awarenessClients = [...this.#awarenessChanged];
		this.#awarenessChanged.clear();
		return { updates, awarenessClients };
	}

	#schedule(): void {
		if (this.#scheduled) return;
		this.#scheduled = true;
		const run = measured(metrics().fanoutSeconds, this.send);
		const wait = this.#lastSent + this.intervalMs - performance.now();
		if (wait >= 1) setTimeout(run, wait);
		else setImmediate(run);
	}
}
