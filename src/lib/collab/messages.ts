/**
 * The y-websocket protocol as Tafel speaks it: the standard message types plus two
 * of our own, and the close codes. Shared by browser and server.
 */
import * as encoding from 'lib0/encoding';
export const MessageType = {
	/** y-protocols sync (step 1, step 2, update). */
	Sync: 0,
	/** y-protocols awareness. */
	Awareness: 1,
	/** y-protocols auth (permission denied). */
	Auth: 2,
	QueryAwareness: 3,
	/**
	 * Server → client, after a group commit: varUint8Array(state vector of what is now
	 * durably stored). The client shows "Opgeslagen" once it covers all its own edits.
	 */
	Persisted: 100,
	/**
	 * Server → client: varString(AccessMode), sent on join and when rights change.
	 * 'comment' reads and comments but does not write, like 'read-only' for the document.
	 */
	Access: 101
} as const;

/** The steps of a y-protocols sync message (MessageType.Sync). */
export const SyncStep = { Step1: 0, Step2: 1, Update: 2 } as const;

/** One message: its type, then whatever `write` adds. */
export function frame(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, type);
	write(encoder);
	return encoding.toUint8Array(encoder);
}

/** A sync message of the given step carrying an update or a state vector. */
export const syncFrame = (step: number, payload: Uint8Array): Uint8Array =>
	frame(MessageType.Sync, (e) => (encoding.writeVarUint(e, step), encoding.writeVarUint8Array(e, payload)));

export type AccessMode = 'read-write' | 'comment' | 'read-only';
export const ACCESS_MODES: readonly AccessMode[] = ['read-write', 'comment', 'read-only'];

/** Named close codes: never a bare number at a call site. */
export const CloseCode = {
	Normal: 1000,
	GoingAway: 1001,
	/** Message larger than the frame limit. */
	TooLarge: 1009,
	/** Server restarting (SIGTERM); clients reconnect. */
	ServiceRestart: 1012,
	/** Session expired, revoked or the account deactivated. */
	Unauthorized: 4401,
	/** No read access (any more). */
	Forbidden: 4403,
	/** The document would exceed its maximum size. */
	DocumentTooLarge: 4413,
	/** Updates whose dependencies never arrived passed their limit; they were dropped (reconnect and resend). */
	IncompleteUpdates: 4422,
	/** Too many messages per second. */
	RateLimited: 4429,
	/** Too many connections for this user or document. */
	TooManyConnections: 4430,
	/** A message that is not valid y-websocket. */
	ProtocolError: 4400,
	/** The browser writes another layout version of this document than the server's: reload the page. */
	Outdated: 4426
} as const;

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];

/** Close codes after which reconnecting is pointless (the client should stop and explain). */
export const FINAL_CLOSE_CODES: readonly number[] = [CloseCode.Unauthorized, CloseCode.Forbidden, CloseCode.Outdated];
