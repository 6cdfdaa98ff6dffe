/**
 * The collaboration server, read top-down: one object owns the open connections, the
 * loaded rooms, the document-kind hooks and the update log. An upgrade is admitted
 * (upgrade.ts: session, Origin, document, rights, layout) before it becomes a
 * Connection in a Room; rights are re-decided while connected when an account changes;
 * SIGTERM flushes and closes everything.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CloseCode } from '#lib/collab/messages.ts';
import { validateSessionId } from '#lib/server/auth/session.ts';
import { events } from '#lib/server/events.ts';
import { log } from '#lib/server/log.ts';
import { metrics } from '#lib/server/metrics.ts';
import { documentAccess } from '#lib/server/services/document-access.ts';
import { organisationColor } from '#lib/collab/colors.ts';
import * as fanout from './fanout.ts';
import { LIMITS } from './limits.ts';
import { Connection } from './connection.ts';
import { createUpdateLog, type UpdateLog } from './persistence.ts';
import { Rooms } from './room-registry.ts';
import type { RoomHooks } from './rooms.ts';
import { admit, refuse, type Admitted } from './upgrade.ts';

export interface CollabServerOptions {
	hooks: RoomHooks[];
	log?: UpdateLog;
}

export class CollabServer {
	readonly connections = new Set<Connection>();
	readonly log: UpdateLog;
	readonly rooms: Rooms;
	readonly #wss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.maxFrameBytes, perMessageDeflate: false });
	#admitting = 0;
	/** Open connections per user, for the per-user limit at the door. */
	readonly #perUser = new Map<string, number>();
	readonly #counts = { ofUser: (userId: string) => this.#perUser.get(userId) ?? 0, ofDocument: (docName: string) => this.rooms.peerCount(docName) };
	#closing = false;
	readonly #unsubscribe: () => void;

	constructor(options: CollabServerOptions) {
		this.log = options.log ?? createUpdateLog();
		this.rooms = new Rooms({ hooks: options.hooks, log: this.log, fanout, limits: LIMITS }, LIMITS.idleUnloadMs);
		metrics().connectionCount.read = () => this.connections.size;
		this.#unsubscribe = events.subscribe((event) => {
			if (event.type === 'session-revoked') this.#closeSession(event.sessionId);
			else if (event.type === 'user-changed') void this.#reconsider(event.userId).catch((err) => log.error({ userId: event.userId, err: String(err) }, 'could not re-check collab access'));
		});
	}

	/** An HTTP upgrade on /collab/…: admitted before it is accepted, so a refused client never loads a document. */
	async handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
		socket.on('error', () => socket.destroy());
		if (this.#closing || this.#admitting >= LIMITS.maxPendingUpgrades) return refuse(socket, 503, 'Unavailable');
		this.#admitting++;
		const admission = await admit(request, this.#counts).finally(() => this.#admitting--);
		if (!admission.ok) {
			log.info({ status: admission.status, url: (request.url ?? '').slice(0, 120) }, 'collab upgrade refused');
			return refuse(socket, admission.status, admission.text);
		}
		// Accepted only to say why, with a code the browser can read (a refused upgrade has none):
		// a tab of an older Tafel must not write the old layout into a migrated document.
		if (admission.outdated) return this.#wss.handleUpgrade(request, socket, head, (ws) => ws.close(CloseCode.Outdated, 'reload the page'));
		this.#wss.handleUpgrade(request, socket, head, (ws) => void this.#accept(ws, admission, socket));
	}

	async #accept(ws: WebSocket, { user, sessionId, ref, access }: Admitted, socket: Duplex): Promise<void> {
		const identity = { userId: user.userId, sessionId, name: user.name, organisation: user.organisationAbbreviation, organisationId: user.organisationId, color: organisationColor(user.organisationId) };
		const connection = new Connection(ws, identity, access, {
			// Only this document's peers can hold its client ids: no scan of every connection.
			isClientIdTaken: (clientId, self) => {
				for (const peer of self.room?.peers ?? []) if (peer !== self && peer.clientIds.has(clientId)) return true;
				return false;
			},
			closed: (c) => {
				this.#forget(c);
				if (c.room) this.rooms.leave(c.room, c);
			}
		});
		this.#add(connection);
		try {
			const room = await this.rooms.get(ref);
			if (ws.readyState !== ws.OPEN) return this.#forget(connection);
			// The greeting is several frames: corked, they leave in one write instead of one each.
			socket.cork();
			try {
				this.rooms.join(room, connection);
				connection.greet(room);
			} finally {
				socket.uncork();
			}
		} catch (err) {
			log.error({ doc: ref.name, err: String(err) }, 'room failed to load');
			connection.close(CloseCode.GoingAway, 'unavailable');
		}
	}

	#add(connection: Connection): void {
		this.connections.add(connection);
		const user = connection.identity.userId;
		this.#perUser.set(user, (this.#perUser.get(user) ?? 0) + 1);
	}

	/** Called when the socket closes and when it closed before its room loaded: counted down once. */
	#forget(connection: Connection): void {
		if (!this.connections.delete(connection)) return;
		const user = connection.identity.userId;
		const left = (this.#perUser.get(user) ?? 1) - 1;
		if (left > 0) this.#perUser.set(user, left);
		else this.#perUser.delete(user);
	}

	#closeSession(sessionId: string): void {
		for (const connection of this.connections) if (connection.identity.sessionId === sessionId) connection.close(CloseCode.Unauthorized, 'session ended');
	}

	/** Re-decides every connection of a user after a role, organisation or activation change. */
	async #reconsider(userId: string): Promise<void> {
		for (const connection of [...this.connections]) {
			if (connection.identity.userId !== userId || !connection.room) continue;
			// The session row is the truth: deactivation and revocation end it.
			const session = (await validateSessionId(connection.identity.sessionId))?.user;
			if (!session) {
				connection.close(CloseCode.Unauthorized, 'session ended');
				continue;
			}
			const access = await documentAccess(session, connection.room.ref);
			if (access === 'none') connection.close(CloseCode.Forbidden, 'no access');
			else connection.setAccess(access);
		}
	}

	/** SIGTERM: refuse new upgrades, write everything, then tell clients to reconnect elsewhere. */
	async close(): Promise<void> {
		this.#closing = true;
		this.#unsubscribe();
		await this.rooms.flushAll();
		for (const connection of this.connections) connection.close(CloseCode.ServiceRestart, 'server restart');
		// Updates that arrived while the rooms were compacted: closed connections apply nothing
		// more, so this write is the last. Their acknowledgement cannot be delivered any more;
		// the clients send them again on reconnect, which is harmless.
		await this.log.flush(Date.now() + 1_000);
		await fanout.stopFanout();
	}
}

