/**
 * A room is one loaded document with its connected peers. It fans updates out once per
 * event-loop turn (and, with Redis, to the rooms of other instances: fanout.ts), keeps
 * its encoded state for joiners until it changes, and hands every accepted update to
 * the update log. `Rooms` loads each document once however many join at once and
 * unloads it when idle. What a room needs from outside comes in a `RoomContext`, so the
 * logic here runs in unit tests without sockets or a database.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import { frame, MessageType, syncFrame, SyncStep } from '#lib/collab/messages.ts';
import type { DocumentRef } from '#lib/collab/documents.ts';
import { log } from '#lib/server/log.ts';
import type { Identity } from './awareness-identity.ts';
import { mergeVectors, encodeVector, vectorOfUpdate } from './state-vectors.ts';
import { REMOTE_ORIGIN, type FanoutRoom } from './fanout.ts';
import type { UpdateLog } from './persistence.ts';

/** What a room needs of a connection. */
export interface Peer {
	readonly clientIds: Set<number>;
	/** Who is behind the connection, as the session says. */
	readonly identity: Identity;
	send(message: Uint8Array): void;
}

/** Document-kind specific work: passed to the collaboration server, never registered by import. */
export interface RoomHooks {
	attach?(room: Room): void;
	/** Awaited before the first peer joins (e.g. a layout migration that peers should receive in their first sync). */
	afterLoad?(room: Room): Promise<void>;
	afterPersist?(room: Room): void;
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
	limits: { maxDocumentBytes: number; maxPendingBytes: number };
}

/** Origin of changes the server makes itself (a migration); they are stored and fanned out like any other. */
export const SERVER_ORIGIN = 'server';
const LOAD_ORIGIN = 'load';

/** Bytes of received updates waiting in a document for dependencies that have not arrived. */
export function pendingBytes(doc: Y.Doc): number {
	return (doc.store.pendingStructs?.update.length ?? 0) + (doc.store.pendingDs?.length ?? 0);
}

export class Room implements FanoutRoom {
	readonly doc = new Y.Doc({ gc: true });
	readonly awareness = new awarenessProtocol.Awareness(this.doc);
	readonly peers = new Set<Peer>();
	/** Everything durably stored, per Yjs client: what "Opgeslagen" is measured against. */
	persisted = new Map<number, number>();
	approximateSize = 0;
	#stateCache: Uint8Array | null = null;
	#outgoing: { update: Uint8Array; origin: unknown }[] = [];
	#ackScheduled = false;
	#remoteAckScheduled = false;

	constructor(
		readonly ref: DocumentRef,
		private readonly context: RoomContext
	) {
		this.awareness.setLocalState(null);
		this.doc.on('update', (update: Uint8Array, origin: unknown) => this.#onUpdate(update, origin));
		this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
			const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed]);
			const message = frame(MessageType.Awareness, (e) => encoding.writeVarUint8Array(e, update));
			for (const peer of this.peers) peer.send(message);
			if (origin !== REMOTE_ORIGIN) context.fanout.publishAwareness(this, update);
		});
	}

	get name() {
		return this.ref.name;
	}

	/** The peer an update came from, when it came from one of this room's connections. */
	peerOf(origin: unknown): Peer | null {
		return this.peers.has(origin as Peer) ? (origin as Peer) : null;
	}

	load(stored: Uint8Array | null) {
		if (stored) Y.applyUpdate(this.doc, stored, LOAD_ORIGIN);
		this.persisted = Y.decodeStateVector(Y.encodeStateVector(this.doc));
		this.approximateSize = stored?.length ?? 0;
		for (const h of this.context.hooks) h.attach?.(this);
		this.context.fanout.attachRoom(this);
	}

	localAwarenessClients(): number[] {
		return [...this.peers].flatMap((peer) => [...peer.clientIds]);
	}

	/** Another instance committed these clocks: our peers may count them as saved too. */
	mergeRemotePersisted(vector: Map<number, number>): void {
		this.persisted = mergeVectors(this.persisted, vector);
		if (this.#remoteAckScheduled) return;
		this.#remoteAckScheduled = true;
		queueMicrotask(() => {
			this.#remoteAckScheduled = false;
			const message = this.persistedMessage();
			for (const peer of this.peers) peer.send(message);
		});
	}

	/** The full state for a joiner with an empty document, encoded once per change. */
	stateFor(stateVector: Uint8Array): Uint8Array {
		if (stateVector.length <= 1) {
			this.#stateCache ??= Y.encodeStateAsUpdate(this.doc);
			return this.#stateCache;
		}
		return Y.encodeStateAsUpdate(this.doc, stateVector);
	}

	persistedMessage(): Uint8Array {
		return frame(MessageType.Persisted, (e) => encoding.writeVarUint8Array(e, encodeVector(this.persisted)));
	}

	join(peer: Peer) {
		this.peers.add(peer);
	}

	leave(peer: Peer) {
		this.peers.delete(peer);
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
		try {
			// Parse fully before touching the document: a truncated or garbled update is refused whole.
			Y.decodeUpdate(update);
			Y.applyUpdate(this.doc, update, peer);
		} catch {
			return 'malformed';
		}
		if (pendingBytes(this.doc) > maxPendingBytes) {
			this.doc.store.pendingStructs = null;
			this.doc.store.pendingDs = null;
			return 'incomplete';
		}
		return 'ok';
	}

	#onUpdate(update: Uint8Array, origin: unknown) {
		this.#stateCache = null;
		if (origin === LOAD_ORIGIN) return;
		this.approximateSize += update.length;
		this.#outgoing.push({ update, origin });
		if (this.#outgoing.length === 1) setImmediate(() => this.#fanOut());
		// Updates from another instance were stored there.
		if (origin !== REMOTE_ORIGIN) this.context.log.enqueue(this.name, update, () => this.#committed(update));
	}

	/** One frame per recipient per turn: everything new, minus what the recipient sent itself. */
	#fanOut() {
		const batch = this.#outgoing;
		this.#outgoing = [];
		const merged = (list: typeof batch) => (list.length === 1 ? list[0].update : Y.mergeUpdates(list.map((b) => b.update)));
		const local = batch.filter((b) => b.origin !== REMOTE_ORIGIN);
		if (local.length) this.context.fanout.publishUpdate(this, merged(local));
		if (batch.length === 0 || this.peers.size === 0) return;
		const all = syncFrame(SyncStep.Update, merged(batch));
		for (const peer of this.peers) {
			const others = batch.filter((b) => b.origin !== peer);
			if (others.length === batch.length) peer.send(all);
			else if (others.length > 0) peer.send(syncFrame(SyncStep.Update, merged(others)));
		}
	}

	#committed(update: Uint8Array) {
		this.persisted = mergeVectors(this.persisted, vectorOfUpdate(update));
		if (!this.#ackScheduled) {
			this.#ackScheduled = true;
			queueMicrotask(() => this.#acknowledge());
		}
	}

	/**
	 * After a commit every peer hears the new persisted state vector, not only the
	 * authors: everyone holds everyone's updates, and "Opgeslagen" must cover them all.
	 */
	#acknowledge() {
		this.#ackScheduled = false;
		const message = this.persistedMessage();
		for (const peer of this.peers) peer.send(message);
		this.context.fanout.publishPersisted(this, encodeVector(this.persisted));
		for (const h of this.context.hooks) h.afterPersist?.(this);
		if (this.context.log.needsCompaction(this.name)) void this.context.log.compact(this.name).catch((err) => log.warn({ doc: this.name, err: String(err) }, 'compaction failed'));
	}

	destroy() {
		this.context.fanout.detachRoom(this);
		this.awareness.destroy();
		this.doc.destroy();
	}
}

/**
 * The loaded rooms of this instance: each document loaded at most once however many
 * join at the same moment (a map of promises, as Hocuspocus does), unloaded after it
 * has been idle for a while, compacted on the way out.
 */
export class Rooms {
	readonly #rooms = new Map<string, Promise<Room>>();
	readonly #idle = new Map<string, NodeJS.Timeout>();

	constructor(
		private readonly context: RoomContext & { log: UpdateLog },
		private readonly idleUnloadMs: number
	) {}

	get(ref: DocumentRef): Promise<Room> {
		let room = this.#rooms.get(ref.name);
		if (!room) {
			room = (async () => {
				const r = new Room(ref, this.context);
				r.load(await this.context.log.load(ref.name));
				for (const h of this.context.hooks) await h.afterLoad?.(r);
				log.debug({ doc: ref.name }, 'room loaded');
				return r;
			})();
			this.#rooms.set(ref.name, room);
			room.catch(() => this.#rooms.delete(ref.name));
		}
		return room;
	}

	join(room: Room, peer: Peer): void {
		clearTimeout(this.#idle.get(room.name));
		this.#idle.delete(room.name);
		room.join(peer);
	}

	leave(room: Room, peer: Peer): void {
		room.leave(peer);
		if (room.peers.size === 0) this.#idle.set(room.name, setTimeout(() => void this.#unload(room), this.idleUnloadMs));
	}

	async #unload(room: Room): Promise<void> {
		this.#idle.delete(room.name);
		if (room.peers.size > 0 || this.#rooms.get(room.name) === undefined) return;
		await this.context.log.flush();
		await this.context.log.compact(room.name).catch((err) => log.warn({ doc: room.name, err: String(err) }, 'compaction on unload failed'));
		if (room.peers.size > 0) return;
		this.#rooms.delete(room.name);
		this.context.log.forget(room.name);
		room.destroy();
	}

	async loaded(): Promise<Room[]> {
		return Promise.all([...this.#rooms.values()].map((p) => p.catch(() => null))).then((list) => list.filter((r): r is Room => r !== null));
	}

	/** SIGTERM: everything written and compacted. */
	async flushAll(): Promise<void> {
		await this.context.log.flush();
		for (const room of await this.loaded()) await this.context.log.compact(room.name).catch((err) => log.warn({ doc: room.name, err: String(err) }, 'compaction on shutdown failed'));
	}
}
