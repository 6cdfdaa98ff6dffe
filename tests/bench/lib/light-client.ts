/**
 * A light collaboration client: one websocket speaking the y-websocket protocol (or
 * Hocuspocus' variant of it, every message prefixed with the document name after an
 * auth message) by hand, as an editor's provider does on the wire: sync step 1 on
 * open, answering the server's step 1, updates, awareness. It keeps no Y.Doc of the
 * room: remote updates are only searched for latency markers (lib/markers.ts), so one
 * process can stand in for many editors. When it writes, it writes real Yjs updates
 * from a Y.Doc that holds only its own edits (new keys of a map: they depend on
 * nothing of anyone else's, so the server integrates them at once). Its awareness
 * cursor moves when the load generator says so (lib/fanout.ts: how often).
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Sink } from './load-sink.ts';
import { marker, nowUs, scanMarkers, type Phase } from './markers.ts';

export interface LightClientOptions {
	/** Index of this client in the whole load (all workers): its writer id in markers. */
	index: number;
	url: string;
	headers: Record<string, string>;
	/** Hocuspocus: the document name every message carries; null for y-websocket. */
	hocuspocusName: string | null;
	/** Ours: message types 100 (persisted) and 101 (access). */
	ours: boolean;
}

const Msg = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3, SyncReply: 4, SyncStatus: 8, Ping: 9, Pong: 10, Persisted: 100, Access: 101 } as const;
const Step = { One: 0, Two: 1, Update: 2 } as const;
const TYPE_NAMES: Record<number, string> = { 0: 'sync', 1: 'awareness', 2: 'auth', 3: 'query-awareness', 4: 'sync', 5: 'stateless', 7: 'close', 8: 'sync-status', 9: 'ping', 10: 'pong', 100: 'persisted', 101: 'access' };
/** Hocuspocus' provider sends its version in the auth message. */
const HOCUSPOCUS_PROVIDER_VERSION = '4.7.0';
const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());
const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

export class LightClient {
	readonly #ws: WebSocket;
	readonly #prefix: Uint8Array;
	/** Created on the first edit: only its own items, never the room's. */
	#doc: Y.Doc | null = null;
	#lastUpdate: Uint8Array | null = null;
	readonly #awarenessId = (Math.random() * 0x7fffffff) >>> 0;
	#awarenessClock = 0;
	/** Ours: (own clock after an edit, send time) of measured edits not yet acknowledged as stored. */
	readonly #pendingAcks: { clock: number; sentUs: number }[] = [];
	readonly synced: Promise<void>;
	#closedByUs = false;

	constructor(
		readonly options: LightClientOptions,
		readonly sink: Sink
	) {
		this.#prefix = options.hocuspocusName === null ? new Uint8Array(0) : encoding.encode((e) => encoding.writeVarString(e, options.hocuspocusName!));
		this.#ws = new WebSocket(options.url, { headers: options.headers });
		this.#ws.binaryType = 'nodebuffer';
		this.synced = new Promise<void>((resolve, reject) => {
			this.#onSynced = resolve;
			this.#ws.once('error', reject);
			this.#ws.once('close', (code: number) => reject(new Error(`closed with ${code} before synced`)));
		});
		this.synced.catch(() => undefined);
		this.#ws.on('open', () => this.#open());
		this.#ws.on('message', (data: Buffer) => this.#message(data));
		this.#ws.on('close', (code: number) => {
			if (!this.#closedByUs) sink.closed.push(code);
		});
		this.#ws.on('error', () => undefined);
	}

	#onSynced: () => void = () => undefined;

	#send(write: (e: encoding.Encoder) => void): void {
		if (this.#ws.readyState !== WebSocket.OPEN) return;
		const e = encoding.createEncoder();
		encoding.writeUint8Array(e, this.#prefix);
		write(e);
		this.#ws.send(encoding.toUint8Array(e));
	}

	#open(): void {
		if (this.options.hocuspocusName !== null) {
			this.#send((e) => {
				encoding.writeVarUint(e, Msg.Auth);
				encoding.writeVarUint(e, 0); // token
				encoding.writeVarString(e, '');
				encoding.writeVarString(e, HOCUSPOCUS_PROVIDER_VERSION);
			});
		}
		this.#send((e) => {
			encoding.writeVarUint(e, Msg.Sync);
			encoding.writeVarUint(e, Step.One);
			encoding.writeVarUint8Array(e, this.#doc ? Y.encodeStateVector(this.#doc) : EMPTY_STATE_VECTOR);
		});
		this.moveCursor();
	}

	#message(data: Buffer): void {
		const receivedUs = nowUs();
		const sink = this.sink;
		// Hocuspocus pings on the connection, without a document name.
		if (this.options.hocuspocusName !== null && data.length === 1 && data[0] === Msg.Ping) {
			sink.count('ping', 1);
			this.#ws.send(Uint8Array.of(Msg.Pong));
			return;
		}
		let type = -1;
		try {
			const decoder = decoding.createDecoder(data);
			if (this.options.hocuspocusName !== null) decoding.readVarString(decoder);
			type = decoding.readVarUint(decoder);
			if (type === Msg.Sync || type === Msg.SyncReply) {
				const step = decoding.readVarUint(decoder);
				if (step === Step.One) this.#answerStepOne();
				else if (step === Step.Two) this.#onSynced();
				if (step === Step.Update || step === Step.Two) scanMarkers(data, (m) => sink.marker(this.options.index, m, receivedUs));
			} else if (type === Msg.Persisted && this.options.ours) {
				this.#persisted(Y.decodeStateVector(decoding.readVarUint8Array(decoder)), receivedUs);
			}
		} catch {
			// counted as unknown below
		}
		sink.count(TYPE_NAMES[type] ?? (this.options.ours ? String(type) : 'unknown'), data.length);
	}

	/** The server's sync step 1: answer with what this client has (its own edits, or nothing). */
	#answerStepOne(): void {
		this.#send((e) => {
			encoding.writeVarUint(e, Msg.Sync);
			encoding.writeVarUint(e, Step.Two);
			encoding.writeVarUint8Array(e, this.#doc ? Y.encodeStateAsUpdate(this.#doc) : EMPTY_UPDATE);
		});
	}

	#persisted(vector: Map<number, number>, receivedUs: number): void {
		if (!this.#doc || this.#pendingAcks.length === 0) return;
		const stored = vector.get(this.#doc.clientID) ?? 0;
		let k = 0;
		while (k < this.#pendingAcks.length && this.#pendingAcks[k].clock <= stored) this.sink.durable.push((receivedUs - this.#pendingAcks[k++].sentUs) / 1000);
		if (k) this.#pendingAcks.splice(0, k);
	}

	/** Sends an update as is (an anchor's copy of a record's first state). */
	sendUpdate(update: Uint8Array): void {
		this.#send((e) => {
			encoding.writeVarUint(e, Msg.Sync);
			encoding.writeVarUint(e, Step.Update);
			encoding.writeVarUint8Array(e, update);
		});
	}

	/** One edit: a new key with a marker, sent as the update Yjs made of it. */
	edit(phase: Phase, seq: number): void {
		if (!this.#doc) {
			this.#doc = new Y.Doc();
			this.#doc.on('update', (update: Uint8Array) => (this.#lastUpdate = update));
		}
		const sentUs = nowUs();
		this.#doc.getMap('bench').set(`k${this.sink.run}.${this.options.index}.${seq}`, marker(phase, this.sink.run, this.options.index, seq, sentUs));
		const update = this.#lastUpdate!;
		this.sendUpdate(update);
		if (this.options.ours && phase === 'm') this.#pendingAcks.push({ clock: Y.getState(this.#doc.store, this.#doc.clientID), sentUs });
	}

	/**
	 * The awareness state an editor sends: a name and colour for its caret (ours replaces
	 * them with the session's) and a cursor of two relative positions, here at its own
	 * latest item, as y-tiptap writes them.
	 */
	moveCursor(): void {
		const clock = this.#doc ? Y.getState(this.#doc.store, this.#doc.clientID) : 0;
		const position = this.#doc && clock > 0 ? { item: { client: this.#doc.clientID, clock: clock - 1 }, assoc: 0 } : { tname: 'description', assoc: 0 };
		const state = JSON.stringify({ user: { name: `Bench ${this.options.index}`, color: '#1f6feb' }, cursor: { anchor: position, head: position }, field: null });
		this.#send((e) => {
			encoding.writeVarUint(e, Msg.Awareness);
			const update = encoding.encode((u) => {
				encoding.writeVarUint(u, 1);
				encoding.writeVarUint(u, this.#awarenessId);
				encoding.writeVarUint(u, ++this.#awarenessClock);
				encoding.writeVarString(u, state);
			});
			encoding.writeVarUint8Array(e, update);
		});
	}

	get open(): boolean {
		return this.#ws.readyState === WebSocket.OPEN;
	}

	close(): void {
		this.#closedByUs = true;
		this.#ws.close();
	}
}
