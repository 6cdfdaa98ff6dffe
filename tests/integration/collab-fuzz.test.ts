/**
 * B1: 10,000 random and mutated websocket frames (fast-check) over several raw sockets
 * of a member, while a normal client keeps editing. Afterwards the server is alive, its
 * memory did not run away, the normal clients still converge and the document loads
 * after a restart.
 *
 * Every frame is followed by a ping: the pong (or the close) means the server has
 * handled it, so the frames are really processed, not just written into a dead socket.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { startServer, type TestServer } from '../support/server.ts';
import { loginCookie } from '../support/http.ts';
import { allPersisted, connect, rawSocket, until, type TestClient } from '../support/collab-client.ts';
import { scratchDoc } from '../support/scratch-docs.ts';
import { CloseCode, MessageType } from '../../src/lib/collab/messages.ts';

const DOC = scratchDoc(0);
const FRAMES = 10_000;
const SOCKETS = Number(process.env.FUZZ_SOCKETS) || 4;
const SEED = Number(process.env.FUZZ_SEED) || Date.now() % 1_000_000;
// The rate limit is tested elsewhere (collab.test.ts); here every frame should reach the parser.
const ENV = { COLLAB_MESSAGES_PER_SECOND: '100000', COLLAB_MESSAGE_BURST: '100000' };
const text = (c: TestClient) => c.doc.getText('t').toString();

const frameOf = (type: number, write: (e: encoding.Encoder) => void) => {
	const e = encoding.createEncoder();
	encoding.writeVarUint(e, type);
	write(e);
	return encoding.toUint8Array(e);
};
const syncFrame = (step: number, payload: Uint8Array) => frameOf(MessageType.Sync, (e) => (encoding.writeVarUint(e, step), encoding.writeVarUint8Array(e, payload)));
const awarenessFrame = (payload: Uint8Array) => frameOf(MessageType.Awareness, (e) => encoding.writeVarUint8Array(e, payload));

/** Valid material to mutate: updates (whole and incremental), state vectors, awareness. */
function validPayloads(): { updates: Uint8Array[]; vectors: Uint8Array[]; awareness: Uint8Array[] } {
	const updates: Uint8Array[] = [];
	const vectors: Uint8Array[] = [];
	const awareness: Uint8Array[] = [];
	const ops = fc.array(fc.tuple(fc.nat(5), fc.string({ maxLength: 12 }), fc.nat(40)), { minLength: 1, maxLength: 12 });
	for (const list of fc.sample(ops, { numRuns: 40, seed: SEED })) {
		const doc = new Y.Doc();
		let before = Y.encodeStateVector(doc);
		for (const [op, s, n] of list) {
			// Root names collide with the normal clients' text on purpose ('t' as map, array, XML).
			if (op === 0) doc.getText('t').insert(Math.min(n, doc.getText('t').length), s || 'x');
			else if (op === 1) doc.getText('t').delete(0, Math.min(n % 4, doc.getText('t').length));
			else if (op === 2) doc.getMap(n % 2 ? 'fields' : 'm').set(s, { n, s, nested: [n, s] });
			else if (op === 3) doc.getArray(n % 2 ? 'a' : 'lijst').push([s, n, new Uint8Array([n])]);
			else if (op === 4) doc.getXmlFragment('body').insert(0, [new Y.XmlElement('p'), new Y.XmlText(s)]);
			else doc.getText('t').format(0, Math.min(n, doc.getText('t').length), { bold: true });
			updates.push(Y.encodeStateAsUpdate(doc, before));
			before = Y.encodeStateVector(doc);
		}
		updates.push(Y.encodeStateAsUpdate(doc));
		vectors.push(Y.encodeStateVector(doc));
		const aw = new awarenessProtocol.Awareness(doc);
		aw.setLocalState({ cursor: { anchor: list[0][2] }, user: { name: list[0][1] } });
		awareness.push(awarenessProtocol.encodeAwarenessUpdate(aw, [doc.clientID]));
		aw.destroy();
	}
	return { updates, vectors, awareness };
}

function frames(): (Uint8Array | string)[] {
	const { updates, vectors, awareness } = validPayloads();
	const valid = [
		...updates.flatMap((u) => [syncFrame(2, u), syncFrame(1, u)]),
		...vectors.map((v) => syncFrame(0, v)),
		...awareness.map(awarenessFrame),
		new Uint8Array([MessageType.QueryAwareness]),
		new Uint8Array([MessageType.Auth, 0])
	];
	const base = fc.constantFrom(...valid);
	const hugeVarint = fc.constantFrom(
		[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f],
		[0xff, 0xff, 0xff, 0xff, 0x0f],
		[0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01],
		[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]
	);
	const flip = (bytes: Uint8Array, flips: [number, number][]) => {
		const out = bytes.slice();
		for (const [at, bit] of flips) if (out.length) out[at % out.length] ^= 1 << bit;
		return out;
	};
	const frame: fc.Arbitrary<Uint8Array | string> = fc.oneof(
		{ arbitrary: base, weight: 2 },
		// truncation
		{ arbitrary: fc.tuple(base, fc.nat()).map(([f, n]) => f.slice(0, n % Math.max(1, f.length))), weight: 3 },
		// bit flips anywhere
		{ arbitrary: fc.tuple(base, fc.array(fc.tuple(fc.nat(), fc.nat(7)), { minLength: 1, maxLength: 6 })).map(([f, flips]) => flip(f, flips)), weight: 4 },
		// bit flips inside an update, re-wrapped with the right length: reaches the Yjs decoder
		{ arbitrary: fc.tuple(fc.constantFrom(...updates), fc.array(fc.tuple(fc.nat(), fc.nat(7)), { minLength: 1, maxLength: 4 }), fc.constantFrom(1, 2)).map(([u, flips, step]) => syncFrame(step, flip(u, flips))), weight: 6 },
		// bytes replaced inside an awareness update, re-wrapped
		{ arbitrary: fc.tuple(fc.constantFrom(...awareness), fc.nat(), fc.nat(255)).map(([a, at, b]) => { const out = a.slice(); out[at % out.length] = b; return awarenessFrame(out); }), weight: 2 },
		// a length prefix that lies (too short, too long, huge)
		{ arbitrary: fc.tuple(fc.constantFrom(...updates, ...awareness), fc.constantFrom(MessageType.Sync, MessageType.Awareness), fc.oneof(fc.integer({ min: -20, max: 20 }), fc.constant(2 ** 31), fc.constant(Number.MAX_SAFE_INTEGER))).map(([p, type, delta]) => frameOf(type, (e) => { if (type === MessageType.Sync) encoding.writeVarUint(e, 2); encoding.writeVarUint(e, Math.max(0, delta > 1000 ? delta : p.length + delta)); encoding.writeUint8Array(e, p); })), weight: 3 },
		// a huge varint spliced in
		{ arbitrary: fc.tuple(base, fc.nat(), hugeVarint).map(([f, at, v]) => { const i = at % (f.length + 1); return new Uint8Array([...f.slice(0, i), ...v, ...f.slice(i)]); }), weight: 3 },
		// unknown message types and sync steps
		{ arbitrary: fc.tuple(fc.oneof(fc.integer({ min: 4, max: 99 }), fc.integer({ min: 102, max: 2 ** 30 })), fc.uint8Array({ maxLength: 64 })).map(([t, rest]) => frameOf(t, (e) => encoding.writeUint8Array(e, rest))), weight: 1 },
		{ arbitrary: fc.tuple(fc.integer({ min: 3, max: 2 ** 20 }), fc.constantFrom(...updates)).map(([step, u]) => syncFrame(step, u)), weight: 1 },
		// two frames glued together, and pure noise
		{ arbitrary: fc.tuple(base, base).map(([a, b]) => new Uint8Array([...a, ...b])), weight: 1 },
		{ arbitrary: fc.uint8Array({ maxLength: 600 }), weight: 2 },
		// text frames (the protocol is binary only)
		{ arbitrary: fc.string({ maxLength: 40 }), weight: 1 }
	);
	return fc.sample(frame, { numRuns: FRAMES, seed: SEED });
}

function rssKb(pid: number): number {
	const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
	return Number(/(\d+)/.exec(line ?? '')?.[1] ?? NaN);
}

/** Resolves once the server has handled everything sent before (pong) or closed the socket. */
function settled(ws: WebSocket): Promise<'pong' | 'closed'> {
	return new Promise((resolve) => {
		if (ws.readyState !== ws.OPEN) return resolve('closed');
		const done = (how: 'pong' | 'closed') => {
			ws.off('pong', onPong);
			ws.off('close', onClose);
			resolve(how);
		};
		const onPong = () => done('pong');
		const onClose = () => done('closed');
		ws.on('pong', onPong);
		ws.on('close', onClose);
		ws.ping();
	});
}

describe('fuzzed websocket frames', () => {
	let server: TestServer;
	let member: string;
	const clients: TestClient[] = [];

	beforeAll(async () => {
		server = await startServer({ env: ENV });
		member = await loginCookie(server.url, 'lid.ezk@demo.tafel');
	});
	afterAll(async () => {
		for (const c of clients) c.destroy();
		await server?.dispose();
	});

	test(`B1: ${FRAMES} random and mutated frames leave the server alive, bounded and its clients unaffected`, async () => {
		const all = frames();
		const [writerCookie, readerCookie] = await Promise.all([loginCookie(server.url, 'lid.brabant@demo.tafel'), loginCookie(server.url, 'beheerder@demo.tafel')]);
		const writer = connect(server.url, writerCookie, DOC);
		const reader = connect(server.url, readerCookie, DOC);
		clients.push(writer, reader);
		await until(() => writer.provider.synced && reader.provider.synced, 'normal clients synced');
		const rssBefore = rssKb(server.child.pid!);

		const tokens: string[] = [];
		const typing = setInterval(() => {
			if (tokens.length >= 2000) return;
			const token = `[w${tokens.length}]`;
			writer.doc.getText('t').insert(writer.doc.getText('t').length, token);
			tokens.push(token);
		}, 50);

		const closes = new Map<number, number>();
		let next = 0;
		let connects = 0;
		const started = Date.now();
		const worker = async () => {
			let socket: { ws: WebSocket; status?: number; closed: Promise<number> } | null = null;
			while (next < all.length) {
				if (!socket || socket.ws.readyState !== socket.ws.OPEN) {
					if (socket) {
						const code = await socket.closed;
						closes.set(code, (closes.get(code) ?? 0) + 1);
					}
					socket = await rawSocket(server.url, member, DOC);
					connects++;
					expect(socket.status, 'a new raw socket is accepted').toBeUndefined();
				}
				socket.ws.send(all[next++]);
				await settled(socket.ws);
			}
			socket?.ws.close();
		};
		try {
			await Promise.all(Array.from({ length: SOCKETS }, worker));
		} finally {
			clearInterval(typing);
		}
		const fuzzMs = Date.now() - started;

		const health = await fetch(`${server.url}/healthz`);
		expect(health.status).toBe(200);
		// The normal clients were never disconnected and still converge.
		expect(writer.closeCodes).toEqual([]);
		expect(reader.closeCodes).toEqual([]);
		await until(() => text(reader) === text(writer) && allPersisted(writer), 'normal clients converge, edits persisted', 15_000);
		expect(tokens.filter((t) => !text(reader).includes(t))).toEqual([]);
		// A server that went down or hit an internal error would show as 1006 / 1011.
		expect([...closes.keys()].filter((code) => ![CloseCode.ProtocolError, 1007, 1002, 1005, 1000].includes(code))).toEqual([]);

		// Refusals are warnings; nothing reached the error level (a failed write, compaction, load).
		expect(server.output().split('\n').filter((line) => /"level":(50|60)/.test(line))).toEqual([]);
		const rssAfter = rssKb(server.child.pid!);
		expect(rssAfter).toBeLessThan(rssBefore * 3 + 200 * 1024);
		console.log(
			`B1 seed ${SEED}: ${all.length} frames over ${connects} connections in ${fuzzMs} ms; closes ${JSON.stringify(Object.fromEntries(closes))}; RSS ${Math.round(rssBefore / 1024)} → ${Math.round(rssAfter / 1024)} MB; ${tokens.length} normal edits`
		);

		// The document, with whatever valid updates the fuzzer smuggled in, loads again.
		expect(await server.stop()).toBe(0);
		server = await server.restart();
		const fresh = connect(server.url, readerCookie, DOC);
		clients.push(fresh);
		await until(() => fresh.provider.synced && tokens.every((t) => text(fresh).includes(t)), 'the document loads after a restart with every normal edit', 20_000);
	}, 120_000);
});
