import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';

/**
 * The clock each client reaches in an update. (Y.encodeStateVectorFromUpdate counts only
 * runs starting at clock 0, so it says nothing about an incremental update.)
 */
export function vectorOfUpdate(update: Uint8Array): Map<number, number> {
	const out = new Map<number, number>();
	for (const struct of Y.decodeUpdate(update).structs) {
		const end = struct.id.clock + struct.length;
		if ((out.get(struct.id.client) ?? 0) < end) out.set(struct.id.client, end);
	}
	return out;
}

export function mergeVectors(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>): Map<number, number> {
	const out = new Map(a);
	for (const [client, clock] of b) if ((out.get(client) ?? 0) < clock) out.set(client, clock);
	return out;
}

/** Same wire format as Y.encodeStateVector. */
export function encodeVector(vector: ReadonlyMap<number, number>): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, vector.size);
	for (const [client, clock] of vector) {
		encoding.writeVarUint(encoder, client);
		encoding.writeVarUint(encoder, clock);
	}
	return encoding.toUint8Array(encoder);
}
