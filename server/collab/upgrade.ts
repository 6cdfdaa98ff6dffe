/**
 * The door of the collaboration server: a websocket upgrade on /collab/<document>
 * is authenticated (session cookie, Origin, document kind, read permission) before
 * it is accepted, so a refused client never causes a document to load.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { LAYOUT_PARAM, LAYOUT_VERSION, parseDocumentName, type DocumentRef } from '#lib/collab/documents.ts';
import { CloseCode, type AccessMode } from '#lib/collab/messages.ts';
import { config } from '#lib/server/config.ts';
import { SESSION_COOKIE, validateSessionToken, type SessionUser } from '#lib/server/auth/session.ts';
import { log } from '#lib/server/log.ts';
import { singleton } from '#lib/server/singleton.ts';
import { LIMITS } from './limits.ts';
import { documentAccess } from './access.ts';
import { organisationColor } from './awareness-identity.ts';
import { Connection } from './connection.ts';
import { flushAllRooms, getRoom } from './rooms.ts';
import { flushUpdates } from './persistence.ts';
import { stopFanout } from './fanout.ts';
import { connections, watchPermissionChanges } from './registry.ts';
import './project-hooks.ts';

const state = singleton('collab.upgrade', () => ({
	wss: new WebSocketServer({ noServer: true, maxPayload: LIMITS.maxFrameBytes, perMessageDeflate: false }),
	pending: 0,
	closing: false
}));
watchPermissionChanges();

function refuse(socket: Duplex, status: number, text: string): void {
	socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${text.length}\r\n\r\n${text}`);
}

function cookie(request: IncomingMessage, name: string): string | null {
	for (const part of (request.headers.cookie ?? '').split(';')) {
		const [key, ...value] = part.trim().split('=');
		if (key === name) return decodeURIComponent(value.join('='));
	}
	return null;
}

function documentOf(request: IncomingMessage): DocumentRef | null {
	const path = (request.url ?? '').split('?')[0];
	if (!path.startsWith('/collab/')) return null;
	try {
		return parseDocumentName(decodeURIComponent(path.slice('/collab/'.length)));
	} catch {
		return null;
	}
}

function originAllowed(request: IncomingMessage): boolean {
	const expected = config().origin ?? `http://${request.headers.host}`;
	return request.headers.origin === expected;
}

/** The layout version the browser writes in; a browser from before versions existed wrote 1. */
function layoutOf(request: IncomingMessage): number {
	const query = (request.url ?? '').split('?')[1] ?? '';
	const value = new URLSearchParams(query).get(LAYOUT_PARAM);
	return value && /^\d{1,3}$/.test(value) ? Number(value) : 1;
}

type Admission =
	| { ok: true; user: SessionUser; sessionId: string; ref: DocumentRef; access: AccessMode; outdated: boolean }
	| { ok: false; status: number; text: string };

async function admit(request: IncomingMessage): Promise<Admission> {
	if (!originAllowed(request)) return { ok: false, status: 403, text: 'Forbidden origin' };
	const ref = documentOf(request);
	if (!ref) return { ok: false, status: 404, text: 'Unknown document' };
	const token = cookie(request, SESSION_COOKIE);
	const session = token ? await validateSessionToken(token) : null;
	if (!session) return { ok: false, status: 401, text: 'Unauthorized' };
	const access = await documentAccess(session.user, ref);
	if (access === 'none') return { ok: false, status: 403, text: 'Forbidden' };
	const mine = [...connections].filter((c) => c.identity.userId === session.user.userId).length;
	const here = [...connections].filter((c) => c.room?.name === ref.name).length;
	if (mine >= LIMITS.maxConnectionsPerUser || here >= LIMITS.maxConnectionsPerDocument) return { ok: false, status: 429, text: 'Too many connections' };
	return { ok: true, user: session.user, sessionId: session.session.id, ref, access, outdated: layoutOf(request) !== LAYOUT_VERSION[ref.kind] };
}

export async function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
	socket.on('error', () => socket.destroy());
	if (state.closing || state.pending >= LIMITS.maxPendingUpgrades) return refuse(socket, 503, 'Unavailable');
	state.pending++;
	let admission: Admission;
	try {
		admission = await admit(request);
	} catch (err) {
		log.error({ err: String(err) }, 'collab admission failed');
		admission = { ok: false, status: 503, text: 'Unavailable' };
	} finally {
		state.pending--;
	}
	if (!admission.ok) {
		log.info({ status: admission.status, url: (request.url ?? '').slice(0, 120) }, 'collab upgrade refused');
		return refuse(socket, admission.status, admission.text);
	}
	const { user, sessionId, ref, access, outdated } = admission;
	// Accepted only to say why, with a code the browser can read (a refused upgrade has none):
	// a tab of an older Tafel must not write the old layout into a migrated document.
	if (outdated) return state.wss.handleUpgrade(request, socket, head, (ws) => ws.close(CloseCode.Outdated, 'reload the page'));
	state.wss.handleUpgrade(request, socket, head, (ws) => void accept(ws, user, sessionId, ref, access));
}

async function accept(ws: WebSocket, user: SessionUser, sessionId: string, ref: DocumentRef, access: AccessMode): Promise<void> {
	const identity = { userId: user.userId, sessionId, name: user.name, organisation: user.organisationAbbreviation, organisationId: user.organisationId, color: organisationColor(user.organisationId) };
	const connection = new Connection(ws, identity, access, (clientId, self) => [...connections].some((c) => c !== self && c.room?.name === ref.name && c.clientIds.has(clientId)));
	connections.add(connection);
	// Messages that arrive while the room loads wait for it, in order.
	const early: Uint8Array[] = [];
	ws.on('message', (data: Buffer, isBinary: boolean) => {
		const bytes = isBinary ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(0);
		if (connection.room) connection.handle(bytes);
		else early.push(bytes);
	});
	ws.on('error', (err) => log.warn({ doc: ref.name, userId: user.userId, err: String(err) }, 'collab socket error'));
	ws.on('close', () => {
		connections.delete(connection);
		connection.room?.leave(connection);
	});
	try {
		const room = await getRoom(ref);
		if (ws.readyState !== ws.OPEN) return void connections.delete(connection);
		room.join(connection);
		connection.greet(room);
		for (const bytes of early.splice(0)) connection.handle(bytes);
	} catch (err) {
		log.error({ doc: ref.name, err: String(err) }, 'room failed to load');
		connection.close(CloseCode.GoingAway, 'unavailable');
	}
}

/** SIGTERM: refuse new upgrades, write everything, then tell clients to reconnect elsewhere. */
export async function closeCollab(): Promise<void> {
	state.closing = true;
	await flushAllRooms();
	for (const connection of connections) connection.close(CloseCode.ServiceRestart, 'server restart');
	// Updates that arrived while the rooms were compacted: closed connections apply nothing
	// more, so this write is the last. Their acknowledgement cannot be delivered any more;
	// the clients send them again on reconnect, which is harmless.
	await flushUpdates(Date.now() + 1_000);
	await stopFanout();
}
