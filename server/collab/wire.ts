/**
 * What a room sends to many peers at once, framed for the websocket once. With 200 peers
 * typing, the per-peer work of `ws.send` (a frame header, cork, two writes, uncork,
 * writev, a callback) was most of the server's time; here every peer is written the same
 * prepared bytes in one write, several messages of a turn included.
 */
import type { WebSocket } from 'ws';

/** One unfragmented, unmasked binary websocket frame (RFC 6455 §5.2: what a server sends). */
export function binaryFrame(payload: Uint8Array): Buffer {
	const length = payload.length;
	const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10;
	const frame = Buffer.allocUnsafe(headerLength + length);
	frame[0] = 0x82; // FIN + opcode 2 (binary)
	if (length < 126) frame[1] = length;
	else if (length < 65_536) {
		frame[1] = 126;
		frame.writeUInt16BE(length, 2);
	} else {
		frame[1] = 127;
		frame.writeBigUInt64BE(BigInt(length), 2);
	}
	frame.set(payload, headerLength);
	return frame;
}

/** The messages of one fan-out, for every peer; framed on first use only. */
export class Broadcast {
	#wire: Buffer | null = null;
	constructor(readonly messages: readonly Uint8Array[]) {}

	get wire(): Buffer {
		return (this.#wire ??= Buffer.concat(this.messages.map(binaryFrame)));
	}
}

/**
 * The socket under a websocket when prepared frames may be written to it directly: open,
 * and its sender idle (nothing queued behind a compression or a blob). Else null and the
 * caller sends message by message. `ws` keeps no other state for a sent data frame.
 */
export function idleSocket(ws: WebSocket): { write(bytes: Buffer): boolean } | null {
	const internals = ws as unknown as { _socket?: { write(bytes: Buffer): boolean; writable?: boolean }; _sender?: { _state?: number; _queue?: unknown[] } };
	const socket = internals._socket;
	const sender = internals._sender;
	if (!socket?.writable || !sender || sender._state !== 0 || (sender._queue?.length ?? 0) > 0) return null;
	return socket;
}
