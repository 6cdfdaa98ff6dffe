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
import { ACCESS_MODES, CloseCode, FINAL_CLOSE_CODES, MessageType, type AccessMode } from '../messages.ts';
import { LAYOUT_PARAM, LAYOUT_VERSION, parseDocumentName } from '../documents.ts';
import { offlineStoreName, trackOfflineCopy } from './offline.ts';
import { markDeletions } from './deletion-mark.ts';
import { toHexColor } from '../colors.ts';

export type SaveStatus = 'connecting' | 'saved' | 'unsaved' | 'offline' | 'ended';
/** Why the server ended the connection for good: the session is gone, access to this document, or this page is older than the server. */
export type EndReason = 'unauthorized' | 'forbidden' | 'outdated';

/** How long leaving a page waits for the last edits to be acknowledged before closing the connection. */
const DRAIN_MS = 5_000;

export interface PeerUser {
	clientId: number;
	name: string;
	organisation: string;
	organisationId: string;
	color: string;
	self: boolean;
	/** The structured field this person's cursor is in, if any. */
	field: string | null;
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
	/** Something this browser holds is not acknowledged as stored (typed here, or offline before). */
	pending = $state(false);
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
	/** What the server said is stored, per Yjs client: the whole vector on join, then each of our own clients as it is committed. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, merged in place; #check() sets the reactive fields
	#persisted = new Map<number, number>();
	/** The Yjs clients this browser wrote for: this page's, and those of edits restored from the offline copy. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping; #check() sets the reactive fields
	readonly #authored = new Set<number>();
	/** This page changed the document (not only received or restored it). */
	#typedHere = false;
	/** Set while a destroyed session waits for its last acknowledgement. */
	#drained: (() => void) | null = null;
	#local: IndexeddbPersistence;
	#untrack: () => void;
	#unmark: () => void;

	constructor(docName: string, userId: string) {
		this.doc = new Y.Doc();
		this.#authored.add(this.doc.clientID);
		const storeName = offlineStoreName(userId, docName);
		this.#local = new IndexeddbPersistence(storeName, this.doc);
		this.#untrack = trackOfflineCopy(storeName, () => this.#local.clearData());
		const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
		const kind = parseDocumentName(docName)?.kind ?? 'werkagenda';
		this.provider = new WebsocketProvider(url, docName, this.doc, {
			// The server refuses a page that writes another layout than its own (CloseCode.Outdated).
			params: { [LAYOUT_PARAM]: String(LAYOUT_VERSION[kind]) },
			maxBackoffTime: 4000,
			// y-websocket gives up on every 44xx code; ours are worth retrying (rate limits, limits)
			// except the final ones, where the session or the access is gone.
			shouldReconnect: (event) => !FINAL_CLOSE_CODES.includes(event.code)
		});
		// Handlers get (encoder, decoder, provider, emitSynced, type); ours write no reply.
		this.provider.messageHandlers[MessageType.Persisted] = (_encoder, decoder) => {
			for (const [client, clock] of Y.decodeStateVector(decoding.readVarUint8Array(decoder))) {
				if ((this.#persisted.get(client) ?? 0) < clock) this.#persisted.set(client, clock);
			}
			this.#check();
		};
		this.provider.messageHandlers[MessageType.Access] = (_encoder, decoder) => {
			const mode = decoding.readVarString(decoder);
			if ((ACCESS_MODES as readonly string[]).includes(mode)) this.access = mode as AccessMode;
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
		this.doc.on('update', (_update: Uint8Array, origin: unknown) => {
			if (origin === this.#local) for (const struct of Y.decodeUpdate(_update).structs) this.#authored.add(struct.id.client);
			else if (origin !== this.provider) this.#typedHere = true;
			this.#check();
		});
		// A dead network does not always close a websocket promptly: follow the browser's own view.
		window.addEventListener('offline', this.#goOffline);
		window.addEventListener('online', this.#goOnline);
		window.addEventListener('beforeunload', this.#beforeUnload);
		this.#unmark = markDeletions(this.doc, (origin) => origin !== this.provider && origin !== this.#local);
	}

	/** Closing the tab or reloading with edits the server has not acknowledged: the browser asks first. */
	#beforeUnload = (event: BeforeUnloadEvent) => {
		if (!this.pending) return;
		event.preventDefault();
		event.returnValue = m.collab_leave_unsaved();
	};

	#closed(event: CloseEvent | null) {
		this.connected = false;
		// A page left while waiting for acknowledgements: the connection is gone, the offline copy keeps the rest.
		this.#drained?.();
		this.synced = false;
		this.saved = false;
		if (event && FINAL_CLOSE_CODES.includes(event.code)) {
			this.endReason = event.code === CloseCode.Unauthorized ? 'unauthorized' : event.code === CloseCode.Outdated ? 'outdated' : 'forbidden';
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
		// Only what this browser wrote waits for an acknowledgement; a colleague's edits are theirs to see saved.
		const covered = [...local].every(([client, clock]) => !this.#authored.has(client) || (this.#persisted.get(client) ?? 0) >= clock);
		this.saved = this.synced && covered;
		// Before the first sync the persisted vector is unknown: content loaded from the offline copy is not "pending" yet.
		this.pending = (this.hasSynced || this.#typedHere) && !covered;
		if (!this.pending) this.#drained?.();
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
				self: clientId === this.doc.clientID,
				field: typeof (state as { field?: unknown }).field === 'string' ? ((state as { field: string }).field.slice(0, 40)) : null
			});
		});
		this.peers = list;
	}

	/** Tells the others which structured field this person is in (null: none). */
	announceField(field: string | null) {
		this.provider.awareness.setLocalStateField('field', field);
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
			ended: this.endReason === 'unauthorized' ? m.collab_ended_session : this.endReason === 'outdated' ? m.collab_outdated : m.collab_ended_access
		};
		return texts[this.status]();
	}

	/**
	 * Leaving the page inside the app: the connection stays until the last edits are
	 * acknowledged (at most a few seconds), so they reach the server now, not at the next visit.
	 */
	destroy() {
		window.removeEventListener('offline', this.#goOffline);
		window.removeEventListener('online', this.#goOnline);
		window.removeEventListener('beforeunload', this.#beforeUnload);
		this.#untrack();
		this.#unmark();
		let closed = false;
		const close = () => {
			if (closed) return;
			closed = true;
			this.#drained = null;
			this.provider.destroy();
			void this.#local.destroy();
			this.doc.destroy();
		};
		if (!this.pending || !this.connected) return close();
		const deadline = setTimeout(close, DRAIN_MS);
		this.#drained = () => (clearTimeout(deadline), close());
	}
}
