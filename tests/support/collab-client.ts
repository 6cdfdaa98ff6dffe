/**
 * Real y-websocket clients in Node for integration tests: the stock WebsocketProvider
 * over `ws`, with the session cookie and Origin a browser would send.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import { MessageType } from '../../src/lib/collab/messages.ts';
import { LAYOUT_PARAM, LAYOUT_VERSION, parseDocumentName } from '../../src/lib/collab/documents.ts';

export function socketClass(cookie: string, origin: string) {
	return class extends WebSocket {
		constructor(url: string | URL, protocols?: string | string[]) {
			super(url, protocols, { headers: { cookie, origin } });
		}
	};
}

export interface TestClient {
	doc: Y.Doc;
	provider: WebsocketProvider;
	/** What the server said is stored, per Yjs client (merged over its Persisted messages). */
	persisted(): Map<number, number>;
	/** The Yjs clients this client wrote for. */
	authored(): Set<number>;
	access(): string | null;
	closeCodes: number[];
	destroy(): void;
}

/** `layout`: the layout version the client claims to write (the current one unless a test plays an old tab; null sends none). */
export function connect(baseUrl: string, cookie: string, docName: string, options: { origin?: string; doc?: Y.Doc; layout?: number | null } = {}): TestClient {
	const doc = options.doc ?? new Y.Doc();
	const wsUrl = baseUrl.replace(/^http/, 'ws') + '/collab';
	// disableBc: clients in one Node process would otherwise talk over BroadcastChannel, bypassing the server.
	const layout = options.layout === undefined ? LAYOUT_VERSION[parseDocumentName(docName)?.kind ?? 'werkagenda'] : options.layout;
	const params: Record<string, string> = layout === null ? {} : { [LAYOUT_PARAM]: String(layout) };
	const provider = new WebsocketProvider(wsUrl, docName, doc, { params, WebSocketPolyfill: socketClass(cookie, options.origin ?? baseUrl) as unknown as typeof globalThis.WebSocket, maxBackoffTime: 300, disableBc: true });
	const persisted = new Map<number, number>();
	let access: string | null = null;
	const closeCodes: number[] = [];
	// The server sends the whole stored vector on join, then each author its own clients' clocks: merged here.
	provider.messageHandlers[MessageType.Persisted] = (_encoder, decoder) => {
		for (const [client, clock] of Y.decodeStateVector(decoding.readVarUint8Array(decoder))) if ((persisted.get(client) ?? 0) < clock) persisted.set(client, clock);
	};
	// What this client wrote (not what it received): the clients whose updates it waits to hear are stored.
	const authored = new Set<number>([doc.clientID]);
	doc.on('update', (update: Uint8Array, origin: unknown) => {
		if (origin !== provider) for (const struct of Y.decodeUpdate(update).structs) authored.add(struct.id.client);
	});
	provider.messageHandlers[MessageType.Access] = (_encoder, decoder) => {
		access = decoding.readVarString(decoder);
	};
	provider.on('connection-close', (event: CloseEvent | null) => {
		if (event) closeCodes.push(event.code);
	});
	return { doc, provider, persisted: () => persisted, authored: () => authored, access: () => access, closeCodes, destroy: () => (provider.destroy(), doc.destroy()) };
}

/** True when everything this client wrote is durably stored on the server ("Opgeslagen"). */
export function allPersisted(client: TestClient): boolean {
	const local = Y.decodeStateVector(Y.encodeStateVector(client.doc));
	const stored = client.persisted();
	return [...local].every(([id, clock]) => !client.authored().has(id) || (stored.get(id) ?? 0) >= clock);
}

/** Polls a condition (bounded): tests wait for events, never for fixed times. */
export async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await condition()) return;
		await new Promise((r) => setTimeout(r, 20));
	}
	throw new Error(`timed out waiting for: ${what}`);
}

/** A raw websocket speaking the protocol by hand, for crafted messages. */
export function rawSocket(baseUrl: string, cookie: string, docName: string, origin = baseUrl): Promise<{ ws: WebSocket; status?: number; closed: Promise<number> }> {
	return new Promise((resolve) => {
		const layout = LAYOUT_VERSION[parseDocumentName(docName)?.kind ?? 'werkagenda'];
		const ws = new WebSocket(baseUrl.replace(/^http/, 'ws') + '/collab/' + docName + `?${LAYOUT_PARAM}=${layout}`, { headers: { cookie, origin } });
		const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
		ws.on('open', () => resolve({ ws, closed }));
		ws.on('unexpected-response', (_req, res) => resolve({ ws, status: res.statusCode, closed }));
		ws.on('error', () => undefined);
	});
}
