/**
 * Awareness says who is where in a document. Identity in it is set by the server:
 * the `user` field of every state a connection sends is replaced by its session's
 * identity, only the fields the editor uses pass (sanitizeAwareness), and a connection
 * may only speak for the client ids it owns.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
export { organisationColor } from '#lib/collab/colors.ts';
import { sanitizeAwareness } from '#lib/collab/awareness-state.ts';

export interface Identity {
	userId: string;
	sessionId: string;
	name: string;
	organisation: string;
	organisationId: string;
	color: string;
}

const MAX_STATE_CHARS = 16_384;

/**
 * Rewrites an awareness update from a connection. Returns null when nothing in it
 * may be applied. `owned` grows as the connection introduces client ids, up to `maxOwned`;
 * `isTaken` tells whether another connection already owns an id.
 */
export function rewriteAwareness(update: Uint8Array, identity: Identity, owned: Set<number>, maxOwned: number, isTaken: (clientId: number) => boolean): Uint8Array | null {
	const decoder = decoding.createDecoder(update);
	const count = decoding.readVarUint(decoder);
	const accepted: { clientId: number; clock: number; state: string }[] = [];
	for (let i = 0; i < count; i++) {
		const clientId = decoding.readVarUint(decoder);
		const clock = decoding.readVarUint(decoder);
		const raw = decoding.readVarString(decoder);
		if (!owned.has(clientId)) {
			if (owned.size >= maxOwned || isTaken(clientId)) continue;
			owned.add(clientId);
		}
		if (raw.length > MAX_STATE_CHARS) continue;
		let state: unknown;
		try {
			state = JSON.parse(raw);
		} catch {
			continue;
		}
		if (state !== null && (typeof state !== 'object' || Array.isArray(state))) continue;
		const rewritten = state === null ? null : { ...sanitizeAwareness(state as Record<string, unknown>), user: { name: identity.name, organisation: identity.organisation, organisationId: identity.organisationId, color: identity.color, userId: identity.userId } };
		accepted.push({ clientId, clock, state: JSON.stringify(rewritten) });
	}
	if (accepted.length === 0) return null;
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, accepted.length);
	for (const a of accepted) {
		encoding.writeVarUint(encoder, a.clientId);
		encoding.writeVarUint(encoder, a.clock);
		encoding.writeVarString(encoder, a.state);
	}
	return encoding.toUint8Array(encoder);
}
