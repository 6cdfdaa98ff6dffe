/**
 * The room's logic without sockets or a database: peers are objects that collect what
 * they are sent, the update log is a fake whose commits the test releases.
 */
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { MessageType, SyncStep } from '#lib/collab/messages.ts';
import { Room, type Fanout, type Peer, type RoomContext } from './rooms.ts';
import { Rooms } from './room-registry.ts';
import type { UpdateLog } from './persistence.ts';

const turn = () => new Promise((resolve) => setImmediate(resolve));
const REF = { name: 'project:p-1', kind: 'project' as const, id: 'p-1' };
const noFanout: Fanout = { attachRoom() {}, detachRoom() {}, publishUpdate() {}, publishPersisted() {}, publishAwareness() {} };

function peer(name: string): Peer & { received: Uint8Array[] } {
	const received: Uint8Array[] = [];
	return { clientIds: new Set(), identity: { userId: name, sessionId: name, name, organisation: 'X', organisationId: 'x', color: '#000000' }, send: (m) => received.push(m), received };
}

/** A log that holds commits until the test releases them. */
function heldLog() {
	const held: (() => void)[] = [];
	return {
		held,
		enqueue: (_doc: string, _update: Uint8Array, onCommitted: () => void) => void held.push(onCommitted),
		needsCompaction: () => false,
		compact: async () => {},
		release: () => held.splice(0).forEach((commit) => commit())
	};
}

function context(log = heldLog(), limits = { maxDocumentBytes: 1 << 20, maxPendingBytes: 64 * 1024 }): RoomContext & { log: ReturnType<typeof heldLog> } {
	return { hooks: [], log, fanout: noFanout, limits };
}

function syncUpdate(message: Uint8Array): Uint8Array | null {
	const decoder = decoding.createDecoder(message);
	if (decoding.readVarUint(decoder) !== MessageType.Sync || decoding.readVarUint(decoder) !== SyncStep.Update) return null;
	return decoding.readVarUint8Array(decoder);
}
function persisted(message: Uint8Array): Map<number, number> | null {
	const decoder = decoding.createDecoder(message);
	return decoding.readVarUint(decoder) === MessageType.Persisted ? Y.decodeStateVector(decoding.readVarUint8Array(decoder)) : null;
}

function edit(text: string, base?: Y.Doc): { update: Uint8Array; doc: Y.Doc } {
	const doc = base ?? new Y.Doc();
	const before = Y.encodeStateVector(doc);
	doc.getText('t').insert(doc.getText('t').length, text);
	return { update: Y.encodeStateAsUpdate(doc, before), doc };
}

function awarenessClients(message: Uint8Array): number[] | null {
	const decoder = decoding.createDecoder(message);
	if (decoding.readVarUint(decoder) !== MessageType.Awareness) return null;
	const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
	const count = decoding.readVarUint(update);
	const ids: number[] = [];
	for (let i = 0; i < count; i++) {
		ids.push(decoding.readVarUint(update));
		decoding.readVarUint(update);
		decoding.readVarString(update);
	}
	return ids;
}

describe('Room', () => {
	test('a busy room sends each peer one write per interval: changes and presence that arrive meanwhile leave together, the first at once', async () => {
		const ctx = { ...context(), limits: { maxDocumentBytes: 1 << 20, maxPendingBytes: 64 * 1024, fanoutIntervalMs: 40 } };
		const room = new Room(REF, ctx);
		room.load([]);
		const writes: Uint8Array[][] = [];
		const b: Peer = { ...peer('b'), broadcast: (batch) => void writes.push([...batch.messages]) };
		room.join(b);
		const author = new Y.Doc();
		const first = edit('a', author);
		room.applyClientUpdate(b, first.update);
		await turn();
		// After a quiet spell: at once.
		expect(writes).toHaveLength(1);
		room.applyClientUpdate(b, edit('b', author).update);
		const other = new Y.Doc();
		other.clientID = 7;
		const presence = new (await import('y-protocols/awareness')).Awareness(other);
		presence.setLocalState({ cursor: 1 });
		const { applyAwarenessUpdate, encodeAwarenessUpdate } = await import('y-protocols/awareness');
		applyAwarenessUpdate(room.awareness, encodeAwarenessUpdate(presence, [7]), b);
		room.applyClientUpdate(b, edit('c', author).update);
		await turn();
		// Within the interval: held, then one write with the merged update and the presence after it.
		expect(writes).toHaveLength(1);
		await new Promise((resolve) => setTimeout(resolve, 60));
		expect(writes).toHaveLength(2);
		const [update, aw] = writes[1];
		const copy = new Y.Doc();
		Y.applyUpdate(copy, first.update);
		Y.applyUpdate(copy, syncUpdate(update)!);
		expect(copy.getText('t').toString()).toBe('abc');
		expect(awarenessClients(aw)).toEqual([7]);
		presence.destroy();
		room.destroy();
	});

	test("updates of one turn reach every peer in one frame; only the author hears they are stored, after the commit", async () => {
		const ctx = context();
		const room = new Room(REF, ctx);
		room.load([]);
		const [a, b] = [peer('a'), peer('b')];
		room.join(a);
		room.join(b);
		const { update, doc } = edit('hallo');
		expect(room.applyClientUpdate(a, update)).toBe('ok');
		expect(room.applyClientUpdate(a, edit(' wereld', doc).update)).toBe('ok');
		await turn();
		const toB = b.received.map(syncUpdate).filter((u) => u !== null);
		expect(toB).toHaveLength(1);
		const copy = new Y.Doc();
		Y.applyUpdate(copy, toB[0]!);
		expect(copy.getText('t').toString()).toBe('hallo wereld');
		// The same frame to the author (Yjs ignores what it has): encoded once per turn.
		expect(a.received.map(syncUpdate).filter((u) => u !== null)).toEqual(toB);
		// Nothing committed yet: nobody is told it is saved.
		expect([...a.received, ...b.received].some((m) => persisted(m))).toBe(false);
		ctx.log.release();
		await turn();
		const acks = a.received.map(persisted).filter((v) => v !== null);
		expect(acks).toHaveLength(1);
		// O(1) per author: only the author's own client, with the clock it reached.
		expect([...acks[0]!]).toEqual([[doc.clientID, Y.getState(doc.store, doc.clientID)]]);
		expect(b.received.some((m) => persisted(m))).toBe(false);
	});

	test('an author resending what is already stored (after a reconnect) hears so at once; another instance’s commit reaches the peer that sent the same update', async () => {
		const ctx = context();
		const room = new Room(REF, ctx);
		room.load([]);
		const [a, again, c] = [peer('a'), peer('a-again'), peer('c')];
		room.join(a);
		const { update, doc } = edit('opgeslagen');
		room.applyClientUpdate(a, update);
		ctx.log.release();
		await turn();
		room.join(again);
		room.applyClientUpdate(again, update);
		await turn();
		expect(again.received.map(persisted).filter(Boolean)).toHaveLength(1);
		// c sent an update that another instance committed first (it arrived here through Redis too).
		room.join(c);
		const other = edit('elders');
		room.applyClientUpdate(c, other.update);
		room.mergeRemotePersisted(new Map([[other.doc.clientID, Y.getState(other.doc.store, other.doc.clientID)]]));
		await turn();
		expect(c.received.map(persisted).some((v) => v?.get(other.doc.clientID) === Y.getState(other.doc.store, other.doc.clientID))).toBe(true);
		expect(doc.clientID).not.toBe(other.doc.clientID);
	});

	test('updates whose dependencies never arrive are capped: past the cap they are dropped and refused', () => {
		const room = new Room(REF, context(heldLog(), { maxDocumentBytes: 1 << 20, maxPendingBytes: 8 * 1024 }));
		room.load([]);
		const a = peer('a');
		room.join(a);
		const { doc } = edit('ontbrekend'); // never sent
		let result = 'ok';
		for (let i = 0; i < 10 && result === 'ok'; i++) result = room.applyClientUpdate(a, edit('x'.repeat(2_000), doc).update);
		expect(result).toBe('incomplete');
		expect(room.doc.store.pendingStructs).toBeNull();
		expect(room.applyClientUpdate(a, edit('heel').update)).toBe('ok');
		expect(room.doc.getText('t').toString()).toBe('heel');
	});

	test('a document past its size limit refuses the update whole; a garbled one is malformed', () => {
		const room = new Room(REF, context(heldLog(), { maxDocumentBytes: 1_000, maxPendingBytes: 1_000 }));
		room.load([]);
		const a = peer('a');
		expect(room.applyClientUpdate(a, edit('y'.repeat(2_000)).update)).toBe('too-large');
		const { update } = edit('kapot');
		expect(room.applyClientUpdate(a, update.slice(0, update.length - 2))).toBe('malformed');
		expect(room.doc.getText('t').toString()).toBe('');
	});

	test('peerOf tells updates of its own peers from those of the server or other instances', () => {
		const room = new Room(REF, context());
		const a = peer('a');
		room.join(a);
		expect(room.peerOf(a)).toBe(a);
		expect(room.peerOf('server')).toBeNull();
		expect(room.peerOf(peer('stranger'))).toBeNull();
	});
});

function syncStep2(message: Uint8Array): Uint8Array | null {
	const decoder = decoding.createDecoder(message);
	if (decoding.readVarUint(decoder) !== MessageType.Sync || decoding.readVarUint(decoder) !== SyncStep.Step2) return null;
	return decoding.readVarUint8Array(decoder);
}
const EMPTY_VECTOR = Y.encodeStateVector(new Y.Doc());
const textOf = (update: Uint8Array) => {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, update);
	return doc.getText('t').toString();
};

describe('Room: joining', () => {
	test('joiners with an empty document share one encoded state until the document changes; a joiner after an edit gets the edit', async () => {
		const room = new Room(REF, context());
		room.load([]);
		const a = peer('a');
		room.join(a);
		const { update, doc } = edit('eerste');
		room.applyClientUpdate(a, update);
		const first = room.syncStep2For(EMPTY_VECTOR);
		expect(room.syncStep2For(EMPTY_VECTOR)).toBe(first);
		expect(textOf(syncStep2(first)!)).toBe('eerste');
		const vectorBefore = room.stateVectorMessage();
		room.applyClientUpdate(a, edit(' tweede', doc).update);
		const after = room.syncStep2For(EMPTY_VECTOR);
		expect(after).not.toBe(first);
		expect(textOf(syncStep2(after)!)).toBe('eerste tweede');
		expect(room.stateVectorMessage()).not.toEqual(vectorBefore);
	});

	test('a joiner that has part of the document is sent only what it lacks', () => {
		const room = new Room(REF, context());
		room.load([]);
		const a = peer('a');
		const { update, doc } = edit('al gezien');
		room.applyClientUpdate(a, update);
		const joiner = new Y.Doc();
		Y.applyUpdate(joiner, update);
		room.applyClientUpdate(a, edit(' en nieuw', doc).update);
		const missing = syncStep2(room.syncStep2For(Y.encodeStateVector(joiner)))!;
		expect(missing.length).toBeLessThan(Y.encodeStateAsUpdate(room.doc).length);
		Y.applyUpdate(joiner, missing);
		expect(joiner.getText('t').toString()).toBe('al gezien en nieuw');
	});

	test('a room loaded from stored parts holds them all, announces nothing, and sends a stored state to its first joiner as is', async () => {
		const published: Uint8Array[] = [];
		const ctx = { ...context(), fanout: { ...noFanout, publishUpdate: (_room: unknown, u: Uint8Array) => void published.push(u) } };
		const { update: state, doc } = edit('opgeslagen');
		const tail = edit(' en daarna', doc).update;
		const loaded = new Room(REF, ctx);
		loaded.load([state, tail]);
		expect(loaded.doc.getText('t').toString()).toBe('opgeslagen en daarna');
		const single = new Room(REF, ctx);
		single.load([state]);
		expect(syncStep2(single.syncStep2For(EMPTY_VECTOR))).toEqual(state);
		await turn();
		// Loading is not an edit: nothing fanned out, nothing written again.
		expect(published).toHaveLength(0);
		expect(ctx.log.held).toHaveLength(0);
		const a = peer('a');
		single.join(a);
		const writer = new Y.Doc();
		Y.applyUpdate(writer, state);
		single.applyClientUpdate(a, edit(' later', writer).update);
		expect(textOf(syncStep2(single.syncStep2For(EMPTY_VECTOR))!)).toBe('opgeslagen later');
	});
});

describe('Rooms', () => {
	test('a document is loaded once however many join at the same moment, and unloaded (compacted, forgotten) when idle', async () => {
		let loads = 0;
		const compacted: string[] = [];
		const forgotten: string[] = [];
		const log = {
			...heldLog(),
			load: async () => (loads++, []),
			flush: async () => {},
			compact: async (name: string) => void compacted.push(name),
			forget: (name: string) => void forgotten.push(name)
		} as unknown as UpdateLog;
		const rooms = new Rooms({ hooks: [], log, fanout: noFanout, limits: { maxDocumentBytes: 1 << 20, maxPendingBytes: 1 << 16 } }, 10);
		const [first, second] = await Promise.all([rooms.get(REF), rooms.get(REF)]);
		expect(first).toBe(second);
		expect(loads).toBe(1);
		const a = peer('a');
		rooms.join(first, a);
		rooms.leave(first, a);
		while (!forgotten.length) await new Promise((resolve) => setTimeout(resolve, 5));
		expect(compacted).toEqual([REF.name]);
		expect(forgotten).toEqual([REF.name]);
		expect(await rooms.loaded()).toEqual([]);
		expect(await rooms.get(REF)).not.toBe(first);
		expect(loads).toBe(2);
	});
});
