/**
 * A room is one loaded document with its connected peers. It is loaded once however
 * many join at once, fans updates out once per event-loop turn (and, with Redis, to the
 * rooms of other instances: fanout.ts), keeps its encoded
 * state for joiners until it changes, persists every accepted update, and unloads
 * when idle.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import { MessageType } from '#lib/collab/messages.ts';
import type { DocumentRef } from '#lib/collab/documents.ts';
import { log } from '#lib/server/log.ts';
import { LIMITS } from './limits.ts';
import { compactDocument, enqueueUpdate, flushUpdates, forgetDocument, loadDocument, needsCompaction } from './persistence.ts';
import { mergeVectors, encodeVector, vectorOfUpdate } from './state-vectors.ts';
import { attachRoom, detachRoom, publishAwareness, publishPersisted, publishUpdate, REMOTE_ORIGIN, type FanoutRoom } from './fanout.ts';

/** What a room needs of a connection. */
export interface Peer {
	readonly clientIds: Set<number>;
	send(message: Uint8Array): void;
}

/** Document-kind specific work after persisted batches (e.g. projecting project fields). */
export interface RoomHooks {
	attach?(room: Room): void;
	/** Awaited before the first peer joins (e.g. a layout migration that peers should receive in their first sync). */
	afterLoad?(room: Room): Promise<void>;
	afterPersist?(room: Room): void;
}
const hooks: RoomHooks[] = [];
export const registerRoomHooks = (h: RoomHooks) => hooks.push(h);

export const SERVER_ORIGIN = 'server';

/** Bytes of received updates waiting in a document for dependencies that have not arrived. */
export function pendingBytes(doc: Y.Doc): number {
	return (doc.store.pendingStructs?.update.length ?? 0) + (doc.store.pendingDs?.length ?? 0);
}
const LOAD_ORIGIN = 'load';

export function frame(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, type);
	write(encoder);
	return encoding.toUint8Array(encoder);
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
	#idleTimer: NodeJS.Timeout | null = null;

	constructor(readonly ref: DocumentRef) {
		this.awareness.setLocalState(null);
		this.doc.on('update', (update: Uint8Array, origin: unknown) => this.#onUpdate(update, origin));
		this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
			const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed]);
			const message = frame(MessageType.Awareness, (e) => encoding.writeVarUint8Array(e, update));
			for (const peer of this.peers) peer.send(message);
			if (origin !== REMOTE_ORIGIN) publishAwareness(this, update);
		});
	}

	get name() {
		return this.ref.name;
	}

	load(stored: Uint8Array | null) {
		if (stored) Y.applyUpdate(this.doc, stored, LOAD_ORIGIN);
		this.persisted = Y.decodeStateVector(Y.encodeStateVector(this.doc));
		this.approximateSize = stored?.length ?? 0;
		for (const h of hooks) h.attach?.(this);
		attachRoom(this);
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
		if (this.#idleTimer) clearTimeout(this.#idleTimer);
		this.#idleTimer = null;
		this.peers.add(peer);
	}

	leave(peer: Peer) {
		this.peers.delete(peer);
		awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.clientIds], null);
		if (this.peers.size === 0) this.#idleTimer = setTimeout(() => void unloadRoom(this), LIMITS.idleUnloadMs);
	}

	/**
	 * Applies a client's update after checking it. Items whose dependencies have not
	 * arrived wait inside Yjs (pending); they count toward the document limit, and past
	 * their own cap they are dropped and the sender is refused: an honest client resends
	 * everything, complete, when it reconnects.
	 */
	applyClientUpdate(peer: Peer, update: Uint8Array): 'ok' | 'malformed' | 'too-large' | 'incomplete' {
		if (this.approximateSize + pendingBytes(this.doc) + update.length > LIMITS.maxDocumentBytes) return 'too-large';
		try {
			// Parse fully before touching the document: a truncated or garbled update is refused whole.
			Y.decodeUpdate(update);
			Y.applyUpdate(this.doc, update, peer);
		} catch {
			return 'malformed';
		}
		if (pendingBytes(this.doc) > LIMITS.maxPendingBytes) {
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
		if (origin !== REMOTE_ORIGIN) enqueueUpdate(this.name, update, () => this.#committed(update));
	}

	/** One frame per recipient per turn: everything new, minus what the recipient sent itself. */
	#fanOut() {
		const batch = this.#outgoing;
		this.#outgoing = [];
		const local = batch.filter((b) => b.origin !== REMOTE_ORIGIN);
		if (local.length) publishUpdate(this, local.length === 1 ? local[0].update : Y.mergeUpdates(local.map((b) => b.update)));
		if (batch.length === 0 || this.peers.size === 0) return;
		const all = frame(MessageType.Sync, (e) => {
			encoding.writeVarUint(e, 2);
			encoding.writeVarUint8Array(e, batch.length === 1 ? batch[0].update : Y.mergeUpdates(batch.map((b) => b.update)));
		});
		for (const peer of this.peers) {
			const others = batch.filter((b) => b.origin !== peer);
			if (others.length === batch.length) peer.send(all);
			else if (others.length > 0) peer.send(frame(MessageType.Sync, (e) => (encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, Y.mergeUpdates(others.map((b) => b.update))))));
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
		publishPersisted(this, encodeVector(this.persisted));
		for (const h of hooks) h.afterPersist?.(this);
		if (needsCompaction(this.name)) void compactDocument(this.name).catch((err) => log.warn({ doc: this.name, err: String(err) }, 'compaction failed'));
	}
}

const rooms = new Map<string, Promise<Room>>();

/** The room for a document, loading it at most once however many join at the same moment. */
export function getRoom(ref: DocumentRef): Promise<Room> {
	let room = rooms.get(ref.name);
	if (!room) {
		room = (async () => {
			const r = new Room(ref);
			r.load(await loadDocument(ref.name));
			for (const h of hooks) await h.afterLoad?.(r);
			log.debug({ doc: ref.name }, 'room loaded');
			return r;
		})();
		rooms.set(ref.name, room);
		room.catch(() => rooms.delete(ref.name));
	}
	return room;
}

async function unloadRoom(room: Room): Promise<void> {
	if (room.peers.size > 0 || rooms.get(room.name) === undefined) return;
	await flushUpdates();
	await compactDocument(room.name).catch((err) => log.warn({ doc: room.name, err: String(err) }, 'compaction on unload failed'));
	if (room.peers.size > 0) return;
	rooms.delete(room.name);
	detachRoom(room);
	forgetDocument(room.name);
	room.awareness.destroy();
	room.doc.destroy();
}

export async function loadedRooms(): Promise<Room[]> {
	return Promise.all([...rooms.values()].map((p) => p.catch(() => null))).then((list) => list.filter((r): r is Room => r !== null));
}

/** SIGTERM: everything written and compacted. */
export async function flushAllRooms(): Promise<void> {
	await flushUpdates();
	for (const room of await loadedRooms()) await compactDocument(room.name).catch((err) => log.warn({ doc: room.name, err: String(err) }, 'compaction on shutdown failed'));
}

export const roomStats = () => ({ rooms: rooms.size });
