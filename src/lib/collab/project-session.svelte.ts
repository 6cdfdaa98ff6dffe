/**
 * A browser connection to one project document: connection state, rights from the
 * server's Access message, and "Opgeslagen" from its Persisted message.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import { m } from '$lib/paraglide/messages.js';
import { FINAL_CLOSE_CODES, MessageType, type AccessMode } from './messages.ts';

export class ProjectSession {
	connected = $state(false);
	synced = $state(false);
	saved = $state(false);
	ended = $state(false);
	access = $state<AccessMode | null>(null);
	#persisted = new Map<number, number>();
	#provider: WebsocketProvider;

	constructor(docName: string, readonly doc: Y.Doc) {
		const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
		this.#provider = new WebsocketProvider(url, docName, doc, { maxBackoffTime: 5000 });
		this.#provider.messageHandlers[MessageType.Persisted] = (_e, decoder) => {
			this.#persisted = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
			this.#check();
		};
		this.#provider.messageHandlers[MessageType.Access] = (_e, decoder) => {
			this.access = decoding.readVarString(decoder) as AccessMode;
		};
		this.#provider.on('status', ({ status }: { status: string }) => (this.connected = status === 'connected'));
		this.#provider.on('sync', (synced: boolean) => ((this.synced = synced), this.#check()));
		this.#provider.on('connection-close', (event: CloseEvent | null) => {
			if (event && FINAL_CLOSE_CODES.includes(event.code)) {
				this.ended = true;
				this.#provider.shouldConnect = false;
			}
		});
		doc.on('update', () => this.#check());
	}

	/** Saved = the server's persisted state vector covers every clock of our local one. */
	#check() {
		const local = Y.decodeStateVector(Y.encodeStateVector(this.doc));
		this.saved = this.synced && [...local].every(([client, clock]) => (this.#persisted.get(client) ?? 0) >= clock);
	}

	get provider() {
		return this.#provider;
	}

	get statusText(): string {
		if (this.ended) return m.collab_ended();
		if (!this.connected) return this.synced ? m.collab_offline() : m.collab_connecting();
		if (!this.synced) return m.collab_connecting();
		return this.saved ? m.collab_saved() : m.collab_unsaved();
	}

	destroy() {
		this.#provider.destroy();
		this.doc.destroy();
	}
}
