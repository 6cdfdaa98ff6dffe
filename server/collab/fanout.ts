/**
 * Fan-out between instances over Redis (only when REDIS_URL is set). Every loaded room
 * subscribes to `<prefix>:doc:<name>` and `<prefix>:aw:<name>` (REDIS_PREFIX, default
 * `tafel`: deployments sharing one Redis never hear each other); it publishes the updates it
 * applies from its own clients (and server-origin updates), its persisted state vector
 * after each commit and its clients' awareness. Remote updates are applied with
 * REMOTE_ORIGIN: fanned out to local peers, never published again and never persisted
 * again (the instance they came from stored them).
 *
 * Redis is a shortcut, not a dependency: publishing never blocks and never throws into
 * a room (no offline queue), so while Redis is down every instance keeps serving its own
 * clients and the database stays the truth. Convergence after an outage (or after a
 * room loads, which may race with updates published meanwhile):
 *   1. whenever the subscription of a room is (re)established, the room publishes a
 *      SyncRequest carrying its state vector, plus its persisted vector and the
 *      awareness of its own clients;
 *   2. every other instance answers with a SyncAnswer addressed to the requester:
 *      Y.encodeStateAsUpdate(doc, requesterVector) and its own state vector (and its
 *      persisted vector and its own clients' awareness);
 *   3. the requester applies the answer and publishes, as an ordinary update, what the
 *      answerer lacks according to that vector.
 * So each pair is reconciled in both directions even when one of two simultaneous
 * requests was published before the other instance had subscribed again.
 */
import { Redis } from 'ioredis';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { config } from '#lib/server/config.ts';
import { log } from '#lib/server/log.ts';
import { singleton } from '#lib/server/singleton.ts';
import { encodeVector } from './state-vectors.ts';

/** Origin of updates and awareness that came from another instance. */
export const REMOTE_ORIGIN = 'remote';

/** What fan-out needs of a room (rooms.ts depends on this module, not the other way round). */
export interface FanoutRoom {
	readonly name: string;
	readonly doc: Y.Doc;
	readonly awareness: awarenessProtocol.Awareness;
	/** What is durably stored, per Yjs client. */
	readonly persisted: ReadonlyMap<number, number>;
	/** Awareness client ids owned by this instance's connections. */
	localAwarenessClients(): number[];
	/** Another instance committed up to this vector. */
	mergeRemotePersisted(vector: Map<number, number>): void;
}

const Kind = { Update: 0, SyncRequest: 1, SyncAnswer: 2, Persisted: 3 } as const;
// Read once, on first use: the prefix cannot change while rooms are subscribed.
let prefixes: { doc: string; awareness: string } | null = null;
const channelPrefixes = () => (prefixes ??= { doc: `${config().redisPrefix}:doc:`, awareness: `${config().redisPrefix}:aw:` });
const docChannel = (name: string) => channelPrefixes().doc + name;
const awarenessChannel = (name: string) => channelPrefixes().awareness + name;
/** An update without structs or deletions (what encodeStateAsUpdate gives when nothing is missing). */
const EMPTY_UPDATE_LENGTH = 2;

interface Hub {
	instanceId: string;
	publisher: Redis;
	subscriber: Redis;
	rooms: Map<string, FanoutRoom>;
	/** Rooms whose channels the subscriber currently listens to (reset when it disconnects). */
	subscribed: Set<string>;
	healthy: boolean;
}

const state = singleton<{ hub: Hub | null | undefined }>('collab.fanout', () => ({ hub: undefined }));

function hub(): Hub | null {
	if (state.hub !== undefined) return state.hub;
	const url = config().redisUrl;
	if (!url) return (state.hub = null);
	const options = {
		// Fail fast while Redis is down; reconnect at least every second.
		enableOfflineQueue: false,
		maxRetriesPerRequest: 1,
		retryStrategy: (attempt: number) => Math.min(attempt * 100, 1_000),
		// Subscriptions are re-established by us on 'ready', followed by a sync request.
		autoResubscribe: false
	};
	const h: Hub = { instanceId: crypto.randomUUID(), publisher: new Redis(url, options), subscriber: new Redis(url, options), rooms: new Map(), subscribed: new Set(), healthy: true };
	state.hub = h;
	for (const client of [h.publisher, h.subscriber]) {
		client.on('error', (err: Error) => {
			if (h.healthy) log.warn({ err: err.message }, 'redis fan-out unavailable; rooms serve their own clients');
			h.healthy = false;
		});
		client.on('ready', () => {
			if (!h.healthy) log.info('redis fan-out back; resynchronising rooms');
			h.healthy = true;
		});
	}
	h.subscriber.on('close', () => h.subscribed.clear());
	h.subscriber.on('ready', () => {
		for (const room of h.rooms.values()) subscribe(h, room);
	});
	// The publisher may come back after the subscriber: requests sent meanwhile failed.
	h.publisher.on('ready', () => {
		for (const room of h.rooms.values()) if (h.subscribed.has(room.name)) requestSync(h, room);
	});
	h.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
		try {
			receive(h, channel.toString(), new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
		} catch (err) {
			log.warn({ channel: channel.toString().slice(0, 120), err: String(err) }, 'malformed fan-out message');
		}
	});
	return h;
}

function subscribe(h: Hub, room: FanoutRoom): void {
	if (h.subscriber.status !== 'ready') return;
	h.subscriber
		.subscribe(docChannel(room.name), awarenessChannel(room.name))
		.then(() => {
			if (h.rooms.get(room.name) !== room) return;
			h.subscribed.add(room.name);
			requestSync(h, room);
		})
		.catch((err: Error) => log.warn({ doc: room.name, err: err.message }, 'redis subscribe failed'));
}

/** Fire and forget: a publish that fails while Redis is down is covered by the resync after. */
function publish(h: Hub, channel: string, message: Uint8Array): void {
	if (h.publisher.status !== 'ready') return;
	try {
		h.publisher.publish(channel, Buffer.from(message.buffer, message.byteOffset, message.byteLength)).catch(() => undefined);
	} catch {
		// never into the room
	}
}

function docMessage(h: Hub, kind: number, to: string, ...parts: Uint8Array[]): Uint8Array {
	const e = encoding.createEncoder();
	encoding.writeVarString(e, h.instanceId);
	encoding.writeVarUint(e, kind);
	encoding.writeVarString(e, to);
	for (const part of parts) encoding.writeVarUint8Array(e, part);
	return encoding.toUint8Array(e);
}

function awarenessMessage(h: Hub, update: Uint8Array): Uint8Array {
	const e = encoding.createEncoder();
	encoding.writeVarString(e, h.instanceId);
	encoding.writeVarUint8Array(e, update);
	return encoding.toUint8Array(e);
}

function requestSync(h: Hub, room: FanoutRoom): void {
	publish(h, docChannel(room.name), docMessage(h, Kind.SyncRequest, '', Y.encodeStateVector(room.doc)));
	publishCatchUp(h, room);
}

/** Awareness of our own clients and our persisted vector, which others missed while Redis was away. */
function publishCatchUp(h: Hub, room: FanoutRoom): void {
	publish(h, docChannel(room.name), docMessage(h, Kind.Persisted, '', encodeVector(room.persisted)));
	publishLocalAwareness(h, room);
}

function publishLocalAwareness(h: Hub, room: FanoutRoom): void {
	const clients = room.localAwarenessClients().filter((id) => room.awareness.getStates().has(id));
	if (clients.length) publish(h, awarenessChannel(room.name), awarenessMessage(h, awarenessProtocol.encodeAwarenessUpdate(room.awareness, clients)));
}

function receive(h: Hub, channel: string, message: Uint8Array): void {
	const { doc, awareness } = channelPrefixes();
	const isAwareness = channel.startsWith(awareness);
	const room = h.rooms.get(channel.slice(isAwareness ? awareness.length : doc.length));
	if (!room) return;
	const decoder = decoding.createDecoder(message);
	const from = decoding.readVarString(decoder);
	if (from === h.instanceId) return;
	if (isAwareness) return awarenessProtocol.applyAwarenessUpdate(room.awareness, decoding.readVarUint8Array(decoder), REMOTE_ORIGIN);
	const kind = decoding.readVarUint(decoder);
	const to = decoding.readVarString(decoder);
	if (to && to !== h.instanceId) return;
	const payload = decoding.readVarUint8Array(decoder);
	if (kind === Kind.Update) Y.applyUpdate(room.doc, payload, REMOTE_ORIGIN);
	else if (kind === Kind.Persisted) room.mergeRemotePersisted(Y.decodeStateVector(payload));
	else if (kind === Kind.SyncRequest) {
		publish(h, docChannel(room.name), docMessage(h, Kind.SyncAnswer, from, Y.encodeStateAsUpdate(room.doc, payload), Y.encodeStateVector(room.doc)));
		publishCatchUp(h, room);
	} else if (kind === Kind.SyncAnswer) {
		Y.applyUpdate(room.doc, payload, REMOTE_ORIGIN);
		const missing = Y.encodeStateAsUpdate(room.doc, decoding.readVarUint8Array(decoder));
		if (missing.length > EMPTY_UPDATE_LENGTH) publish(h, docChannel(room.name), docMessage(h, Kind.Update, '', missing));
	}
}

/** A room has loaded: listen to its channels and catch up with the other instances. */
export function attachRoom(room: FanoutRoom): void {
	const h = hub();
	if (!h) return;
	h.rooms.set(room.name, room);
	subscribe(h, room);
}

export function detachRoom(room: FanoutRoom): void {
	const h = hub();
	if (!h || h.rooms.get(room.name) !== room) return;
	h.rooms.delete(room.name);
	h.subscribed.delete(room.name);
	if (h.subscriber.status === 'ready') h.subscriber.unsubscribe(docChannel(room.name), awarenessChannel(room.name)).catch(() => undefined);
}

/** Updates this instance applied from its clients or itself (never REMOTE_ORIGIN ones). */
export function publishUpdate(room: FanoutRoom, update: Uint8Array): void {
	const h = hub();
	if (h) publish(h, docChannel(room.name), docMessage(h, Kind.Update, '', update));
}

export function publishPersisted(room: FanoutRoom, vector: Uint8Array): void {
	const h = hub();
	if (h) publish(h, docChannel(room.name), docMessage(h, Kind.Persisted, '', vector));
}

export function publishAwareness(room: FanoutRoom, update: Uint8Array): void {
	const h = hub();
	if (h) publish(h, awarenessChannel(room.name), awarenessMessage(h, update));
}

/** SIGTERM: drop both connections at once (publishes are best effort; Redis may be down). */
export async function stopFanout(): Promise<void> {
	const h = state.hub;
	state.hub = undefined;
	h?.publisher.disconnect();
	h?.subscriber.disconnect();
}
