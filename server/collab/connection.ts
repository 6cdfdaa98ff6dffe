/**
 * One websocket speaking y-websocket: its socket events, sync and awareness, our
 * Persisted and Access messages, the read-only filter and the per-connection limits.
 * No database here.
 */
import type { WebSocket } from 'ws';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CloseCode, frame, MessageType, SyncStep, type AccessMode, type CloseCodeValue } from '#lib/collab/messages.ts';
import { log } from '#lib/server/log.ts';
import { LIMITS } from './limits.ts';
import { rewriteAwareness, type Identity } from './awareness-identity.ts';
import type { Peer, Room } from './rooms.ts';
import { idleSocket, type Broadcast } from './wire.ts';

/** What a connection needs of the server it belongs to. */
export interface ConnectionHost {
	/** Whether another connection in the same document already speaks for this awareness client id. */
	isClientIdTaken(clientId: number, self: Connection): boolean;
	/** The socket closed: leave the room and forget the connection. */
	closed(connection: Connection): void;
}

/** An update carrying no items and no deletions (what a client with nothing new answers in the handshake). */
function isEmptyUpdate(update: Uint8Array): boolean {
	if (update.length > 64) return false;
	try {
		const { structs, ds } = Y.decodeUpdate(update);
		return structs.length === 0 && ds.clients.size === 0;
	} catch {
		return false;
	}
}

export class Connection implements Peer {
	readonly clientIds = new Set<number>();
	room: Room | null = null;
	#tokens: number = LIMITS.messageBurst;
	#lastRefill = Date.now();
	#closed = false;
	#droppedWrites = 0;

	/** Messages that arrive while the room loads wait for it, in order. */
	#early: Uint8Array[] = [];

	constructor(
		readonly ws: WebSocket,
		readonly identity: Identity,
		public access: AccessMode,
		private readonly host: ConnectionHost
	) {
		ws.on('message', (data: Buffer, isBinary: boolean) => {
			const bytes = isBinary ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(0);
			if (this.room) this.handle(bytes);
			else this.#early.push(bytes);
		});
		ws.on('error', (err) => log.warn({ doc: this.room?.name, userId: identity.userId, err: String(err) }, 'collab socket error'));
		ws.on('close', () => host.closed(this));
	}

	get closed() {
		return this.#closed;
	}

	send(message: Uint8Array): void {
		if (this.#closed || this.ws.readyState !== this.ws.OPEN) return;
		this.ws.send(message, (err) => err && this.close(CloseCode.GoingAway, 'send failed'));
	}

	/** A room's fan-out: the prepared frames in one write to the socket when ws is idle, else message by message. */
	broadcast(batch: Broadcast): void {
		if (this.#closed || this.ws.readyState !== this.ws.OPEN) return;
		const socket = idleSocket(this.ws);
		if (socket) socket.write(batch.wire);
		else for (const message of batch.messages) this.send(message);
	}

	close(code: CloseCodeValue, reason = ''): void {
		if (this.#closed) return;
		this.#closed = true;
		try {
			this.ws.close(code, reason.slice(0, 100));
		} catch {
			this.ws.terminate();
		}
	}

	/** The first messages after joining: our state vector, everyone's awareness, access and persisted state; then what waited. */
	greet(room: Room): void {
		this.room = room;
		this.send(room.stateVectorMessage());
		const states = [...room.awareness.getStates().keys()];
		if (states.length) this.send(frame(MessageType.Awareness, (e) => encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(room.awareness, states))));
		this.setAccess(this.access, true);
		this.send(room.persistedMessage());
		for (const bytes of this.#early.splice(0)) this.handle(bytes);
	}

	/** Rights changed while connected (or on join): tell the client so its editor follows. */
	setAccess(mode: AccessMode, force = false): void {
		if (mode === this.access && !force) return;
		this.access = mode;
		this.send(frame(MessageType.Access, (e) => encoding.writeVarString(e, mode)));
	}

	#takeToken(): boolean {
		const now = Date.now();
		this.#tokens = Math.min(LIMITS.messageBurst, this.#tokens + ((now - this.#lastRefill) / 1000) * LIMITS.messagesPerSecond);
		this.#lastRefill = now;
		if (this.#tokens < 1) return false;
		this.#tokens -= 1;
		return true;
	}

	/** Every incoming frame; nothing a client sends may throw past this point. */
	handle(data: Uint8Array): void {
		if (this.#closed || !this.room) return;
		if (!this.#takeToken()) return this.close(CloseCode.RateLimited, 'too many messages');
		try {
			const decoder = decoding.createDecoder(data);
			const type = decoding.readVarUint(decoder);
			if (type === MessageType.Sync) this.#sync(decoder, this.room);
			else if (type === MessageType.Awareness) this.#awareness(decoding.readVarUint8Array(decoder), this.room);
			else if (type === MessageType.QueryAwareness) this.send(frame(MessageType.Awareness, (e) => encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.room!.awareness, [...this.room!.awareness.getStates().keys()]))));
			else if (type !== MessageType.Auth) this.close(CloseCode.ProtocolError, 'unknown message type');
		} catch (err) {
			log.warn({ doc: this.room.name, userId: this.identity.userId, err: String(err) }, 'malformed collab message');
			this.close(CloseCode.ProtocolError, 'malformed message');
		}
	}

	#sync(decoder: decoding.Decoder, room: Room): void {
		const step = decoding.readVarUint(decoder);
		if (step === SyncStep.Step1) {
			const stateVector = decoding.readVarUint8Array(decoder);
			Y.decodeStateVector(stateVector);
			this.send(room.syncStep2For(stateVector));
			return;
		}
		if (step !== SyncStep.Step2 && step !== SyncStep.Update) return this.close(CloseCode.ProtocolError, 'unknown sync step');
		const update = decoding.readVarUint8Array(decoder);
		if (this.access !== 'read-write') {
			// Drop sync step 2 as well as updates: a read-only client could otherwise write through the handshake.
			// Only content is worth a warning: every client answers the handshake, usually with nothing.
			if (!isEmptyUpdate(update) && this.#droppedWrites++ % 100 === 0) log.warn({ doc: room.name, userId: this.identity.userId, step }, 'write from read-only connection dropped');
			return;
		}
		const result = room.applyClientUpdate(this, update);
		if (result === 'too-large') this.close(CloseCode.DocumentTooLarge, 'document too large');
		else if (result === 'incomplete') {
			log.warn({ doc: room.name, userId: this.identity.userId }, 'updates whose dependencies never arrived dropped');
			this.close(CloseCode.IncompleteUpdates, 'incomplete updates');
		}
		else if (result === 'malformed') {
			log.warn({ doc: room.name, userId: this.identity.userId }, 'malformed update refused');
			this.close(CloseCode.ProtocolError, 'malformed update');
		}
	}

	#awareness(update: Uint8Array, room: Room): void {
		const rewritten = rewriteAwareness(update, this.identity, this.clientIds, LIMITS.maxAwarenessClients, (id) => this.host.isClientIdTaken(id, this));
		if (rewritten) awarenessProtocol.applyAwarenessUpdate(room.awareness, rewritten, this);
	}
}
