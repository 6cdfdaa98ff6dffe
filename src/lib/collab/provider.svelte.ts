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
import { CloseCode, FINAL_CLOSE_CODES, MessageType, type AccessMode } from './messages.ts';
import { offlineStoreName, trackOfflineCopy } from './offline.ts';
import { toHexColor } from './editor.ts';

export type SaveStatus = 'connecting' | 'saved' | 'unsaved' | 'offline' | 'ended';
/** Why the server ended the connection for good: the session is gone, or access to this document. */
export type EndReason = 'unauthorized' | 'forbidden';

export interface PeerUser {
	clientId: number;
	name: string;
	organisation: string;
	organisationId: string;
	color: string;
	self: boolean;
}

export interface LocalUser {
	name: string;
	organisation: string;
	organisationId: string;
	color?: string;
	userId?: string;
}

export class CollabSession {
	connected = $state(false);
	synced = $state(false);
	saved = $state(false);
	/** Synced at least once: a later disconnect means offline, not still connecting. */
	hasSynced = $state(false);
	/** A connection attempt failed or the browser is offline: edits go to IndexedDB only. */
	unreachable = $state(typeof navigator !== 'undefined' && navigator.onLine === false);
	endReason = $state<EndReason | null>(null);
	/** Rights as the server last said them; null until it has spoken. */
	access = $state<AccessMode | null>(null);
	peers = $state<PeerUser[]>([]);
	readonly doc: Y.Doc;
	readonly provider: WebsocketProvider;
	#persisted = new Map<number, number>();
	#local: IndexeddbPersistence;
	#untrack: () => void;

	constructor(docName: string, userId: string) {
		this.doc = new Y.Doc();
		const storeName = offlineStoreName(userId, docName);
		this.#local = new IndexeddbPersistence(storeName, this.doc);
		this.#untrack = trackOfflineCopy(storeName, () => this.#local.clearData());
		const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
		this.provider = new WebsocketProvider(url, docName, this.doc, {
			maxBackoffTime: 4000,
			// y-websocket gives up on every 44xx code; ours are worth retrying (rate limits, limits)
			// except the final ones, where the session or the access is gone.
			shouldReconnect: (event) => !FINAL_CLOSE_CODES.includes(event.code)
		});
		// Handlers get (encoder, decoder, provider, emitSynced, type); ours write no reply.
		this.provider.messageHandlers[MessageType.Persisted] = (_encoder, decoder) => {
			this.#persisted = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
			this.#check();
		};
		this.provider.messageHandlers[MessageType.Access] = (_encoder, decoder) => {
			const mode = decoding.readVarString(decoder);
			if (mode === 'read-write' || mode === 'read-only') this.access = mode;
		};
		this.provider.on('status', ({ status }) => {
			this.connected = status === 'connected';
			if (this.connected) this.unreachable = false;
		});
		this.provider.on('sync', (synced: boolean) => {
			this.synced = synced;
			if (synced) this.hasSynced = true;
			this.#check();
		});
		this.provider.on('connection-close', (event) => this.#closed(event));
		this.provider.on('connection-error', () => (this.unreachable = true));
		this.provider.awareness.on('change', () => this.#readPeers());
		this.doc.on('update', () => this.#check());
		// A dead network does not always close a websocket promptly: follow the browser's own view.
		window.addEventListener('offline', this.#goOffline);
		window.addEventListener('online', this.#goOnline);
	}

	#closed(event: CloseEvent | null) {
		this.connected = false;
		this.synced = false;
		this.saved = false;
		if (event && FINAL_CLOSE_CODES.includes(event.code)) {
			this.endReason = event.code === CloseCode.Unauthorized ? 'unauthorized' : 'forbidden';
			this.provider.shouldConnect = false;
		} else if (event) {
			this.unreachable = true;
		}
	}

	#goOffline = () => {
		this.unreachable = true;
		this.provider.disconnect();
	};
	#goOnline = () => {
		if (!this.endReason) this.provider.connect();
	};

	/** Saved = the server's persisted state vector covers every clock we hold, ours and offline ones alike. */
	#check() {
		const local = Y.decodeStateVector(Y.encodeStateVector(this.doc));
		this.saved = this.synced && [...local].every(([client, clock]) => (this.#persisted.get(client) ?? 0) >= clock);
	}

	#readPeers() {
		const list: PeerUser[] = [];
		this.provider.awareness.getStates().forEach((state, clientId) => {
			const user = (state as { user?: Partial<Record<keyof PeerUser, unknown>> }).user;
			if (!user || typeof user.name !== 'string' || !user.name) return;
			list.push({
				clientId,
				name: user.name,
				organisation: String(user.organisation ?? ''),
				organisationId: String(user.organisationId ?? ''),
				color: toHexColor(user.color),
				self: clientId === this.doc.clientID
			});
		});
		this.peers = list;
	}

	/** The caret identity we announce; the server replaces it for others, so it only labels our own entry. */
	setLocalUser(user: LocalUser) {
		this.provider.awareness.setLocalStateField('user', { ...user, color: toHexColor(user.color) });
	}

	get status(): SaveStatus {
		if (this.endReason) return 'ended';
		if (!this.connected) return this.hasSynced || this.unreachable ? 'offline' : 'connecting';
		if (!this.synced) return 'connecting';
		return this.saved ? 'saved' : 'unsaved';
	}

	get statusText(): string {
		const texts: Record<SaveStatus, () => string> = {
			connecting: m.collab_connecting,
			saved: m.collab_saved,
			unsaved: m.collab_unsaved,
			offline: m.collab_offline,
			ended: this.endReason === 'unauthorized' ? m.collab_ended_session : m.collab_ended_access
		};
		return texts[this.status]();
	}

	destroy() {
		window.removeEventListener('offline', this.#goOffline);
		window.removeEventListener('online', this.#goOnline);
		this.#untrack();
		this.provider.destroy();
		void this.#local.destroy();
		this.doc.destroy();
	}
}
