/**
 * The browser's connection to one collaborative document, as runes: connection and
 * save state (from our Persisted message), rights (from the Access message), who is
 * present (awareness), and an IndexedDB copy so offline edits survive a reload.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { m } from '$lib/paraglide/messages.js';
import { FINAL_CLOSE_CODES, MessageType, type AccessMode } from './messages.ts';
import { offlineStoreName } from './offline.ts';

export interface PeerUser {
	clientId: number;
	name: string;
	organisation: string;
	organisationId: string;
	color: string;
	self: boolean;
}

export class CollabSession {
	connected = $state(false);
	synced = $state(false);
	saved = $state(false);
	ended = $state(false);
	/** Synced at least once: a later disconnect means offline, not still connecting. */
	hasSynced = $state(false);
	access = $state<AccessMode | null>(null);
	peers = $state<PeerUser[]>([]);
	readonly doc: Y.Doc;
	readonly provider: WebsocketProvider;
	#persisted = new Map<number, number>();
	#local: IndexeddbPersistence;

	constructor(docName: string, userId: string) {
		this.doc = new Y.Doc();
		this.#local = new IndexeddbPersistence(offlineStoreName(userId, docName), this.doc);
		const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
		this.provider = new WebsocketProvider(url, docName, this.doc, { maxBackoffTime: 4000 });
		this.provider.messageHandlers[MessageType.Persisted] = (_e, decoder) => {
			this.#persisted = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
			this.#check();
		};
		this.provider.messageHandlers[MessageType.Access] = (_e, decoder) => {
			this.access = decoding.readVarString(decoder) as AccessMode;
		};
		this.provider.on('status', ({ status }: { status: string }) => (this.connected = status === 'connected'));
		this.provider.on('sync', (synced: boolean) => {
			this.synced = synced;
			if (synced) this.hasSynced = true;
			this.#check();
		});
		this.provider.on('connection-close', (event: CloseEvent | null) => {
			this.connected = false;
			if (event && FINAL_CLOSE_CODES.includes(event.code)) {
				this.ended = true;
				this.provider.shouldConnect = false;
			}
		});
		this.provider.awareness.on('change', () => this.#readPeers());
		this.doc.on('update', () => this.#check());
		// A dead network does not always close a websocket promptly: follow the browser's own view.
		window.addEventListener('offline', this.#goOffline);
		window.addEventListener('online', this.#goOnline);
	}

	#goOffline = () => this.provider.disconnect();
	#goOnline = () => {
		if (!this.ended) this.provider.connect();
	};

	/** Saved = the server's persisted state vector covers every clock we hold, ours and offline ones alike. */
	#check() {
		const local = Y.decodeStateVector(Y.encodeStateVector(this.doc));
		this.saved = this.synced && [...local].every(([client, clock]) => (this.#persisted.get(client) ?? 0) >= clock);
	}

	#readPeers() {
		const list: PeerUser[] = [];
		this.provider.awareness.getStates().forEach((state, clientId) => {
			const user = (state as { user?: Partial<PeerUser> }).user;
			if (user?.name) list.push({ clientId, name: String(user.name), organisation: String(user.organisation ?? ''), organisationId: String(user.organisationId ?? ''), color: String(user.color ?? '#154273'), self: clientId === this.doc.clientID });
		});
		this.peers = list;
	}

	/** Local caret label until the server's identity comes back through awareness. */
	setLocalUser(user: { name: string; organisation: string; organisationId: string; color: string }) {
		this.provider.awareness.setLocalStateField('user', user);
	}

	get statusText(): string {
		if (this.ended) return m.collab_ended();
		if (!this.connected) return this.hasSynced ? m.collab_offline() : m.collab_connecting();
		if (!this.synced) return m.collab_connecting();
		return this.saved ? m.collab_saved() : m.collab_unsaved();
	}

	destroy() {
		window.removeEventListener('offline', this.#goOffline);
		window.removeEventListener('online', this.#goOnline);
		this.provider.destroy();
		void this.#local.destroy();
		this.doc.destroy();
	}
}
