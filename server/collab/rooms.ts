/**
 * A room is one loaded document with its connected peers. It fans updates out in one
 * frame per event-loop turn (and, with Redis, to the rooms of other instances:
 * fanout.ts), keeps its encoded state for joiners until it changes, and hands every
 * accepted update to the update log; room-registry.ts loads and unloads rooms. What a
 * room needs from outside comes in a `RoomContext`, so the logic here runs in unit
 * tests without sockets or a database.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import { frame, MessageType, syncFrame, SyncStep } from '#lib/collab/messages.ts';
import type { DocumentRef } from '#lib/collab/documents.ts';
import { log } from '#lib/server/log.ts';
import { metrics } from '#lib/server/metrics.ts';
import type { Identity } from './awareness-identity.ts';
import { sweepAwareness } from './awareness-sweep.ts';
import { encodeVector, vectorOfUpdate } from './state-vectors.ts';
import { Acknowledgements, persistedFrame } from './acknowledgements.ts';
import { REMOTE_ORIGIN, type FanoutRoom } from './fanout.ts';
import type { UpdateLog } from './persistence.ts';
import { Broadcast } from './wire.ts';
import { Outbox } from './outbox.ts';

/** What a room needs of a connection. */
export interface Peer {
	readonly clientIds: Set<number>;
	/** Who is behind the connection, as the session says. */
	readonly identity: Identity;
	send(message: Uint8Array): void;
	/** The same messages as every other peer, prepared once (wire.ts); without it, `send` each. */
	broadcast?(batch: Broadcast): void;
}

/** Document-kind specific work: passed to the collaboration server, never registered by import. */
export interface RoomHooks {
	attach?(room: Room): void;
	/** Awaited before the first peer joins (e.g. a layout migration that peers should receive in their first sync). */
	afterLoad?(room: Room): Promise<void>;
	afterPersist?(room: Room): void;
	/** Awaited before an idle room is unloaded (its updates are stored by then). */
	beforeUnload?(room: Room): Promise<void>;
}

/** How a room reaches other instances (fanout.ts; a no-op without Redis). */
export interface Fanout {
	attachRoom(room: FanoutRoom): void;
	detachRoom(room: FanoutRoom): void;
	publishUpdate(room: FanoutRoom, update: Uint8Array): void;
	publishPersisted(room: FanoutRoom, vector: Uint8Array): void;
	publishAwareness(room: FanoutRoom, update: Uint8Array): void;
}

export interface RoomContext {
	hooks: readonly RoomHooks[];
	log: Pick<UpdateLog, 'enqueue' | 'needsCompaction' | 'compact'>;
	fanout: Fanout;
	/** fanoutIntervalMs: 0 (unit tests) sends every turn's changes at the end of that turn. */
	limits: { maxDocumentBytes: number; maxPendingBytes: number; fanoutIntervalMs?: number };
}

/** Origin of changes the server makes itself (a migration); they are stored and fanned out like any other. */
export const SERVER_ORIGIN = 'server';

/** Origin of a change the server writes on a person's behalf (a restored version): counted as theirs. */
export class ChangeOnBehalf {
	constructor(readonly author: Pick<Identity, 'userId' | 'name' | 'organisationId'>) {}
}
const LOAD_ORIGIN = 'load';

/** Bytes of received updates waiting in a document for dependencies that have not arrived. */
export function pendingBytes(doc: Y.Doc): number {
	return (doc.store.pendingStructs?.update.length ?? 0) + (doc.store.pendingDs?.length ?? 0);
}

export class Room implements FanoutRoom {
	readonly doc: Y.Doc;
	readonly awareness: awarenessProtocol.Awareness;
	readonly peers = new Set<Peer>();
	readonly #acks = new Acknowledgements<Peer>();
	approximateSize = 0;
	/** Sync step 2 for a joiner with an empty document, built once and kept until the document changes. */
	#fullStateFrame: Uint8Array | null = null;
	/** The stored state the room was loaded from, while it is still the whole document: a first joiner is sent it as is. */
	#loadedState: Uint8Array | null = null;
	/** Sync step 1 (our state vector), the first thing every joiner is sent; until the document changes. */
	#stateVectorFrame: Uint8Array | null = null;
	readonly #outbox: Outbox;
	#ackScheduled = false;

	constructor(
		readonly ref: DocumentRef,
		private readonly context: RoomContext
	) {
		// A guid of our own: Yjs would draw a uuid from crypto one character at a time, a
		// measurable part of loading a room (the guid only matters for subdocuments).
		this.#outbox = new Outbox(context.limits.fanoutIntervalMs ?? 0, () => this.#fanOut());
		this.doc = new Y.Doc({ gc: true, guid: ref.name });
		this.awareness = new awarenessProtocol.Awareness(this.doc);
		this.awareness.setLocalState(null);
		sweepAwareness(this.awareness);
		this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
			this.#outbox.addAwareness([...added, ...updated, ...removed]);
			if (origin !== REMOTE_ORIGIN) context.fanout.publishAwareness(this, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed]));
		});
	}

	get name() {
		return this.ref.name;
	}

	/** Everything durably stored, per Yjs client: what "Opgeslagen" is measured against. */
	get persisted(): ReadonlyMap<number, number> {
		return this.#acks.persisted;
	}

	/** The peer an update came from, when it came from one of this room's connections. */
	peerOf(origin: unknown): Peer | null {
		return this.peers.has(origin as Peer) ? (origin as Peer) : null;
	}

	/** The person a change counts as theirs: a peer here, or someone the server wrote for. Null for migrations, loads and other instances. */
	authorOf(origin: unknown): Pick<Identity, 'userId' | 'name' | 'organisationId'> | null {
		if (origin instanceof ChangeOnBehalf) return origin.author;
		return this.peerOf(origin)?.identity ?? null;
	}

	/**
	 * Applies the stored parts in order, then starts listening: with a listener Yjs would
	 * encode the whole loaded document once more only to announce it.
	 */
	load(parts: readonly Uint8Array[]) {
		if (parts.length) this.doc.transact(() => parts.forEach((part) => Y.applyUpdate(this.doc, part)), LOAD_ORIGIN);
		this.#acks.reset(Y.decodeStateVector(Y.encodeStateVector(this.doc)));
		this.approximateSize = parts.reduce((sum, part) => sum + part.length, 0);
		// One stored state with nothing waiting for a dependency is the document, exactly.
		if (parts.length === 1 && pendingBytes(this.doc) === 0) this.#loadedState = parts[0];
		this.doc.on('update', (update: Uint8Array, origin: unknown) => this.#onUpdate(update, origin));
		for (const h of this.context.hooks) h.attach?.(this);
		this.context.fanout.attachRoom(this);
	}

	localAwarenessClients(): number[] {
		return [...this.peers].flatMap((peer) => [...peer.clientIds]);
	}

	/** Another instance committed these clocks: a peer here that sent the same updates may count them as saved. */
	mergeRemotePersisted(vector: Map<number, number>): void {
		this.#acks.mergeRemote(vector);
		this.#scheduleAck();
	}
	/** Our state vector as sync step 1, for a joiner; encoded once per change. */
	stateVectorMessage(): Uint8Array {
		return (this.#stateVectorFrame ??= syncFrame(SyncStep.Step1, Y.encodeStateVector(this.doc)));
	}

	/**
	 * Sync step 2 for a peer with this state vector. A joiner with an empty document (every
	 * page that opens one) is sent the same frame, built once per change: many joining a
	 * large document cost one encoding, not one each.
	 */
	syncStep2For(stateVector: Uint8Array): Uint8Array {
		if (stateVector.length > 1) return syncFrame(SyncStep.Step2, Y.encodeStateAsUpdate(this.doc, stateVector));
		this.#fullStateFrame ??= syncFrame(SyncStep.Step2, this.#loadedState ?? Y.encodeStateAsUpdate(this.doc));
		this.#loadedState = null;
		return this.#fullStateFrame;
	}

	/** Everything stored, for a peer that joins; encoded once per commit that advanced it. */
	persistedMessage(): Uint8Array {
		return this.#acks.message();
	}

	join(peer: Peer) {
		this.peers.add(peer);
	}

	leave(peer: Peer) {
		this.peers.delete(peer);
		this.#acks.forget(peer);
		awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.clientIds], null);
	}

	/**
	 * Applies a client's update after checking it. Items whose dependencies have not
	 * arrived wait inside Yjs (pending); they count toward the document limit, and past
	 * their own cap they are dropped and the sender is refused: an honest client resends
	 * everything, complete, when it reconnects.
	 */
	applyClientUpdate(peer: Peer, update: Uint8Array): 'ok' | 'malformed' | 'too-large' | 'incomplete' {
		const { maxDocumentBytes, maxPendingBytes } = this.context.limits;
		if (this.approximateSize + pendingBytes(this.doc) + update.length > maxDocumentBytes) return 'too-large';
		let vector: Map<number, number>;
		try {
			// Parse fully before touching the document: a truncated or garbled update is refused whole.
			vector = vectorOfUpdate(update);
			Y.applyUpdate(this.doc, update, peer);
		} catch {
			return 'malformed';
		}
		if (pendingBytes(this.doc) > maxPendingBytes) {
			this.doc.store.pendingStructs = null;
			this.doc.store.pendingDs = null;
			return 'incomplete';
		}
		if (this.#acks.claim(peer, vector)) this.#scheduleAck();
		metrics().updates.inc();
		return 'ok';
	}

	#scheduleAck() {
		if (this.#ackScheduled) return;
		this.#ackScheduled = true;
		queueMicrotask(() => this.#acknowledge());
	}

	#onUpdate(update: Uint8Array, origin: unknown) {
		this.#fullStateFrame = this.#loadedState = this.#stateVectorFrame = null;
		this.approximateSize += update.length;
		this.#outbox.addUpdate(update, origin);
		// Updates from another instance were stored there.
		if (origin !== REMOTE_ORIGIN) this.context.log.enqueue(this.name, update, () => this.#committed(update));
	}

	/**
	 * The updates since the last fan-out merged into one frame, then the awareness states
	 * that changed, prepared once and written to every peer, authors included (Yjs ignores
	 * what a client already has; the reference server does the same). Filtering per
	 * recipient cost a merge per author per turn: O(peers × batch) when everyone types.
	 */
	#fanOut() {
		const { updates: batch, awarenessClients } = this.#outbox.take();
		const messages: Uint8Array[] = [];
		if (batch.length) {
			const merged = (list: typeof batch) => (list.length === 1 ? list[0].update : Y.mergeUpdates(list.map((b) => b.update)));
			const all = merged(batch);
			const local = batch.filter((b) => b.origin !== REMOTE_ORIGIN);
			if (local.length) this.context.fanout.publishUpdate(this, local.length === batch.length ? all : merged(local));
			messages.push(syncFrame(SyncStep.Update, all));
		}
		// Only clients the awareness still knows: a destroyed room forgets them all.
		const clients = awarenessClients.filter((id) => this.awareness.meta.has(id));
		if (clients.length) {
			const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients);
			messages.push(frame(MessageType.Awareness, (e) => encoding.writeVarUint8Array(e, update)));
		}
		if (messages.length === 0 || this.peers.size === 0) return;
		const prepared = new Broadcast(messages);
		for (const peer of this.peers) {
			if (peer.broadcast) peer.broadcast(prepared);
			else for (const message of messages) peer.send(message);
		}
	}

	#committed(update: Uint8Array) {
		this.#acks.committed(vectorOfUpdate(update));
		this.#scheduleAck();
	}

	/**
	 * After a commit each author hears the stored clocks of the clients it sent — O(1) per
	 * author, not the whole state vector to everyone (which grew with the square of the
	 * room). Other instances hear what advanced, for their peers that sent the same updates.
	 */
	#acknowledge() {
		this.#ackScheduled = false;
		const { owed, advanced } = this.#acks.take();
		for (const [peer, vector] of owed) if (this.peers.has(peer)) peer.send(persistedFrame(vector));
		if (advanced.size) {
			this.context.fanout.publishPersisted(this, encodeVector(advanced));
			for (const h of this.context.hooks) h.afterPersist?.(this);
			if (this.context.log.needsCompaction(this.name)) void this.context.log.compact(this.name).catch((err) => log.warn({ doc: this.name, err: String(err) }, 'compaction failed'));
		}
	}

	destroy() {
		this.context.fanout.detachRoom(this);
		this.awareness.destroy();
		this.doc.destroy();
	}
}
