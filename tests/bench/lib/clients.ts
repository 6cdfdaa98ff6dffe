/**
 * One collaboration client per document, the same way for every server under test:
 * the stock y-websocket WebsocketProvider over `ws` for ours and the reference
 * server (with the session cookie and Origin a browser sends, as
 * tests/support/collab-client.ts does), @hocuspocus/provider for Hocuspocus.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import { MessageType } from '../../../src/lib/collab/messages.ts';
import { LAYOUT_PARAM, LAYOUT_VERSION, parseDocumentName } from '../../../src/lib/collab/documents.ts';
import { socketClass } from '../../support/collab-client.ts';
import { ANCHORS_DIR } from './procs.ts';

/** The parts of a Y.Doc the scenarios use; a Hocuspocus client's doc comes from the anchors' own yjs. */
export interface BenchDoc {
	clientID: number;
	getMap(name: string): Y.Map<unknown>;
	getText(name: string): Y.Text;
	transact(f: () => void): void;
}

/** Everything the bench's clients received, by message type: what the server makes every client do. */
export interface Traffic {
	messages: number;
	bytes: number;
	byType: Record<string, { messages: number; bytes: number }>;
}
export const traffic: Traffic = { messages: 0, bytes: 0, byType: {} };
export function resetTraffic(): void {
	traffic.messages = 0;
	traffic.bytes = 0;
	traffic.byType = {};
}

const Y_WEBSOCKET_TYPES: Record<number, string> = { 0: 'sync', 1: 'awareness', 3: 'query-awareness', [MessageType.Persisted]: 'persisted', [MessageType.Access]: 'access' };
const HOCUSPOCUS_TYPES: Record<number, string> = { 0: 'sync', 1: 'awareness', 2: 'auth', 3: 'query-awareness', 5: 'stateless', 7: 'close', 8: 'sync-status', 9: 'ping', 10: 'pong' };

/** Counts one incoming frame; Hocuspocus prefixes every message with the document name. */
function countIncoming(raw: Uint8Array | ArrayBuffer, hocuspocus: boolean): void {
	// y-websocket sets binaryType 'arraybuffer': then ws hands out ArrayBuffers.
	const data = raw instanceof Uint8Array ? raw : new Uint8Array(raw);
	let type = 'unknown';
	try {
		const decoder = decoding.createDecoder(data);
		if (hocuspocus) decoding.readVarString(decoder);
		const n = decoding.readVarUint(decoder);
		type = (hocuspocus ? HOCUSPOCUS_TYPES : Y_WEBSOCKET_TYPES)[n] ?? String(n);
	} catch {
		// counted as unknown
	}
	traffic.messages++;
	traffic.bytes += data.byteLength;
	const entry = (traffic.byType[type] ??= { messages: 0, bytes: 0 });
	entry.messages++;
	entry.bytes += data.byteLength;
}

function countingSocket(cookie: string, origin: string) {
	const Base = socketClass(cookie, origin);
	return class extends Base {
		constructor(url: string | URL, protocols?: string | string[]) {
			super(url, protocols);
			this.on('message', (data: Buffer | ArrayBuffer) => countIncoming(data, false));
		}
	};
}

export interface BenchClient {
	doc: BenchDoc;
	/** Resolves once the first sync with the server completed. */
	synced: Promise<void>;
	/** The document's whole state, encoded with the yjs that owns it. */
	encodedState(): Uint8Array;
	/** How many items this client has created (its own clock in the state vector). */
	ownClock(): number;
	/** Merges an update (encoded by any yjs) into the document, as a local change. */
	applyUpdate(update: Uint8Array): void;
	/** Ours only: called with the persisted state vector after each commit. */
	onPersisted(listener: (vector: Map<number, number>) => void): void;
	/** Sets a field of this client's awareness state (sent to the server as the provider does). */
	setAwareness(field: string, value: unknown): void;
	destroy(): void;
}

export function ywsClient(httpBase: string, docName: string, options: { cookie?: string; ours: boolean }): BenchClient {
	const doc = new Y.Doc();
	const listeners: ((vector: Map<number, number>) => void)[] = [];
	const WebSocketPolyfill = countingSocket(options.cookie ?? '', httpBase) as unknown as typeof globalThis.WebSocket;
	// Every browser says which layout it writes in; ours closes a project document without it (the reference server ignores it).
	const params = { [LAYOUT_PARAM]: String(LAYOUT_VERSION[parseDocumentName(docName)?.kind ?? 'werkagenda']) };
	// disableBc: clients in one process would otherwise talk over BroadcastChannel, past the server.
	const provider = new WebsocketProvider(httpBase.replace(/^http/, 'ws') + '/collab', docName, doc, { params, WebSocketPolyfill, disableBc: true, maxBackoffTime: 1000 });
	if (options.ours) {
		provider.messageHandlers[MessageType.Persisted] = (_encoder, decoder) => {
			const vector = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
			for (const listener of listeners) listener(vector);
		};
		provider.messageHandlers[MessageType.Access] = (_encoder, decoder) => void decoding.readVarString(decoder);
	}
	const synced = new Promise<void>((resolve) => {
		if (provider.synced) resolve();
		provider.on('sync', (isSynced: boolean) => isSynced && resolve());
	});
	return {
		doc,
		synced,
		encodedState: () => Y.encodeStateAsUpdate(doc),
		ownClock: () => Y.getState(doc.store, doc.clientID),
		applyUpdate: (update) => Y.applyUpdate(doc, update),
		onPersisted: (listener) => void listeners.push(listener),
		setAwareness: (field, value) => provider.awareness.setLocalStateField(field, value),
		destroy() {
			provider.destroy();
			doc.destroy();
		}
	};
}

interface HocuspocusClientModule {
	connect(url: string, name: string, onMessage?: (data: Uint8Array | ArrayBuffer) => void): { doc: BenchDoc; synced: Promise<void>; setAwareness(field: string, value: unknown): void; destroy(): void };
	Y: { encodeStateAsUpdate(doc: BenchDoc): Uint8Array; getState(store: unknown, client: number): number; applyUpdate(doc: BenchDoc, update: Uint8Array): void };
}
let hocuspocusModule: Promise<HocuspocusClientModule> | null = null;

/** Loads tests/bench/anchors/hocuspocus-client.mjs (its own yjs and provider) by URL, so the type check never needs the anchors installed. */
export function loadHocuspocusClient(): Promise<HocuspocusClientModule> {
	hocuspocusModule ??= import(pathToFileURL(path.join(ANCHORS_DIR, 'hocuspocus-client.mjs')).href) as Promise<HocuspocusClientModule>;
	return hocuspocusModule;
}

export function hocuspocusClient(module: HocuspocusClientModule, httpBase: string, docName: string): BenchClient {
	const client = module.connect(httpBase.replace(/^http/, 'ws'), docName, (data) => countIncoming(data, true));
	return {
		doc: client.doc,
		synced: client.synced,
		encodedState: () => module.Y.encodeStateAsUpdate(client.doc),
		ownClock: () => module.Y.getState((client.doc as unknown as { store: unknown }).store, client.doc.clientID),
		applyUpdate: (update) => module.Y.applyUpdate(client.doc, update),
		onPersisted: () => undefined,
		setAwareness: (field, value) => client.setAwareness(field, value),
		destroy: () => client.destroy()
	};
}
