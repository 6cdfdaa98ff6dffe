/**
 * The door of the collaboration server: a websocket upgrade on /collab/<document>
 * is admitted (session cookie, Origin, document that exists, read permission, layout
 * version, connection limits) before it is accepted, so a refused client never causes
 * a document to load.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { LAYOUT_PARAM, LAYOUT_VERSION, parseDocumentName, type DocumentRef } from '#lib/collab/documents.ts';
import type { AccessMode } from '#lib/collab/messages.ts';
import { config } from '#lib/server/config.ts';
import { SESSION_COOKIE, type SessionUser } from '#lib/server/auth/session.ts';
import { cachedSessionToken } from '#lib/server/auth/session-cache.ts';
import { log } from '#lib/server/log.ts';
import { documentAccess } from '#lib/server/services/document-access.ts';
import { LIMITS } from './limits.ts';

export function refuse(socket: Duplex, status: number, text: string): void {
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

export interface Admitted {
	ok: true;
	user: SessionUser;
	sessionId: string;
	ref: DocumentRef;
	access: AccessMode;
	/** The browser writes another layout version than the server's (told to reload). */
	outdated: boolean;
}
export type Admission = Admitted | { ok: false; status: number; text: string };

/** How many connections are open now, counted by the server as they come and go (not by a scan per upgrade). */
export interface ConnectionCounts {
	ofUser(userId: string): number;
	ofDocument(docName: string): number;
}

/** Decides an upgrade; never throws (a failure to decide is a 503). */
export async function admit(request: IncomingMessage, counts: ConnectionCounts): Promise<Admission> {
	try {
		return await decide(request, counts);
	} catch (err) {
		log.error({ err: String(err) }, 'collab admission failed');
		return { ok: false, status: 503, text: 'Unavailable' };
	}
}

async function decide(request: IncomingMessage, counts: ConnectionCounts): Promise<Admission> {
	if (!originAllowed(request)) return { ok: false, status: 403, text: 'Forbidden origin' };
	const ref = documentOf(request);
	if (!ref) return { ok: false, status: 404, text: 'Unknown document' };
	const token = cookie(request, SESSION_COOKIE);
	// Remembered for a few seconds, forgotten at once on logout or an account change (session-cache.ts).
	const session = token ? await cachedSessionToken(token) : null;
	if (!session) return { ok: false, status: 401, text: 'Unauthorized' };
	const access = await documentAccess(session.user, ref);
	if (access === 'none') return { ok: false, status: 403, text: 'Forbidden' };
	if (counts.ofUser(session.user.userId) >= LIMITS.maxConnectionsPerUser || counts.ofDocument(ref.name) >= LIMITS.maxConnectionsPerDocument) return { ok: false, status: 429, text: 'Too many connections' };
	return { ok: true, user: session.user, sessionId: session.session.id, ref, access, outdated: layoutOf(request) !== LAYOUT_VERSION[ref.kind] };
}
