/**
 * What a room owes its peers about storage: per Yjs client the clock that is durably
 * stored, who sent that client's updates (and so waits to hear they are stored), and
 * what advanced since the last acknowledgement (for other instances). Kept apart from
 * the room's fan-out so the rule behind "Opgeslagen" reads in one place: a peer is told
 * only the stored clocks of the clients it sent, O(1) per author per commit.
 */
import * as encoding from 'lib0/encoding';
import { frame, MessageType } from '#lib/collab/messages.ts';
import { encodeVector, mergeVectors } from './state-vectors.ts';

export const persistedFrame = (vector: Map<number, number>) => frame(MessageType.Persisted, (e) => encoding.writeVarUint8Array(e, encodeVector(vector)));

export class Acknowledgements<P> {
	/** Everything durably stored, per Yjs client: what "Opgeslagen" is measured against. */
	persisted = new Map<number, number>();
	#persistedFrame: Uint8Array | null = null;
	/** Per Yjs client, the peers that sent its updates. */
	readonly #claimants = new Map<number, Set<P>>();
	/** Per peer, the clients whose stored clocks it will be told at the next acknowledgement. */
	#owed = new Map<P, Map<number, number>>();
	/** Clients whose stored clock advanced since the last acknowledgement. */
	#advanced = new Map<number, number>();

	/** The whole document as loaded counts as stored. */
	reset(persisted: Map<number, number>): void {
		this.persisted = persisted;
		this.#persistedFrame = null;
	}

	/** Everything stored, for a peer that joins; encoded once per commit that advanced it. */
	message(): Uint8Array {
		return (this.#persistedFrame ??= persistedFrame(this.persisted));
	}

	/**
	 * The peer waits to hear that these clients' updates are stored. What is stored already
	 * (content the server had, resent after a reconnect) is owed at once, since no commit
	 * will announce it again. Returns whether something is owed now.
	 */
	claim(peer: P, vector: Map<number, number>): boolean {
		for (const [client, clock] of vector) {
			let peers = this.#claimants.get(client);
			if (!peers) this.#claimants.set(client, (peers = new Set()));
			peers.add(peer);
			const stored = this.persisted.get(client) ?? 0;
			if (stored >= clock) this.#oweTo(peer, client, stored);
		}
		return this.#owed.size > 0;
	}

	/** This instance committed an update with these clocks. */
	committed(vector: Map<number, number>): void {
		for (const [client, clock] of vector) {
			if ((this.persisted.get(client) ?? 0) >= clock) continue;
			this.persisted.set(client, clock);
			this.#persistedFrame = null;
			this.#advanced.set(client, clock);
			this.#owe(client, clock);
		}
	}

	/** Another instance committed these clocks: a peer here that sent the same updates may count them as saved. */
	mergeRemote(vector: Map<number, number>): void {
		this.persisted = mergeVectors(this.persisted, vector);
		this.#persistedFrame = null;
		for (const [client, clock] of vector) this.#owe(client, clock);
	}

	forget(peer: P): void {
		for (const [client, peers] of this.#claimants) if (peers.delete(peer) && peers.size === 0) this.#claimants.delete(client);
		this.#owed.delete(peer);
	}

	/** What each peer is owed and what advanced, handed out once. */
	take(): { owed: Map<P, Map<number, number>>; advanced: Map<number, number> } {
		const taken = { owed: this.#owed, advanced: this.#advanced };
		this.#owed = new Map();
		this.#advanced = new Map();
		return taken;
	}

	#owe(client: number, clock: number) {
		for (const peer of this.#claimants.get(client) ?? []) this.#oweTo(peer, client, clock);
	}

	#oweTo(peer: P, client: number, clock: number) {
		let owed = this.#owed.get(peer);
		if (!owed) this.#owed.set(peer, (owed = new Map()));
		if ((owed.get(client) ?? 0) < clock) owed.set(client, clock);
	}
}
