/**
 * The Hocuspocus client side for the bench runner: @hocuspocus/provider with `ws` in
 * Node, one websocket per document (like a browser tab per document, and like the
 * y-websocket clients of the other servers). Loaded by the runner through a computed
 * URL, so this folder's yjs drives these documents (the runner's own yjs never
 * touches them). Exposes that yjs for the helpers that need it.
 */
import * as Y from 'yjs';
import WebSocket from 'ws';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';

export { Y };

/** `onMessage` sees every frame the socket receives (the bench counts traffic by type). */
export function connect(url, name, onMessage) {
	const doc = new Y.Doc();
	const Counting = class extends WebSocket {
		constructor(...args) {
			super(...args);
			if (onMessage) this.on('message', (data) => onMessage(data));
		}
	};
	const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: Counting });
	const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc });
	provider.attach();
	let resolveSynced;
	const synced = new Promise((r) => (resolveSynced = r));
	provider.on('synced', () => resolveSynced());
	if (provider.isSynced) resolveSynced();
	return {
		doc,
		synced,
		setAwareness: (field, value) => provider.setAwarenessField(field, value),
		destroy() {
			provider.destroy();
			socket.destroy();
			doc.destroy();
		}
	};
}
