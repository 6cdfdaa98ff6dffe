/**
 * The rooms of this instance, loaded and unloaded.
 */
import type { DocumentRef } from '#lib/collab/documents.ts';
import { log } from '#lib/server/log.ts';
import { metrics } from '#lib/server/metrics.ts';
import type { UpdateLog } from './persistence.ts';
import { Room, type Peer, type RoomContext } from './rooms.ts';

/**
 * The loaded rooms of this instance: each document loaded at most once however many
 * join at the same moment (a map of promises, as Hocuspocus does), unloaded after it
 * has been idle for a while, compacted on the way out.
 */
export class Rooms {
	readonly #rooms = new Map<string, Promise<Room>>();
	/** The same rooms once loaded, for questions that cannot wait (how many are connected). */
	readonly #loaded = new Map<string, Room>();
	readonly #idle = new Map<string, NodeJS.Timeout>();

	constructor(
		private readonly context: RoomContext & { log: UpdateLog },
		private readonly idleUnloadMs: number
	) {}

	get(ref: DocumentRef): Promise<Room> {
		let room = this.#rooms.get(ref.name);
		if (!room) {
			room = (async () => {
				const r = new Room(ref, this.context);
				r.load(await this.context.log.load(ref.name));
				for (const h of this.context.hooks) await h.afterLoad?.(r);
				log.debug({ doc: ref.name }, 'room loaded');
				metrics().openDocuments.inc();
				this.#loaded.set(ref.name, r);
				return r;
			})();
			this.#rooms.set(ref.name, room);
			room.catch(() => this.#rooms.delete(ref.name));
		}
		return room;
	}

	/** The document's room when it is loaded on this instance. */
	loadedRoom(name: string): Room | undefined {
		return this.#loaded.get(name);
	}

	/** Connections in a document on this instance (0 while it is not loaded). */
	peerCount(name: string): number {
		return this.#loaded.get(name)?.peers.size ?? 0;
	}

	join(room: Room, peer: Peer): void {
		clearTimeout(this.#idle.get(room.name));
		this.#idle.delete(room.name);
		room.join(peer);
	}

	leave(room: Room, peer: Peer): void {
		room.leave(peer);
		if (room.peers.size === 0) this.#idle.set(room.name, setTimeout(() => void this.#unload(room), this.idleUnloadMs));
	}

	/** A room loaded without anyone joining (the server wrote into it): unloaded when idle like any other. */
	release(room: Room): void {
		if (room.peers.size === 0 && !this.#idle.has(room.name)) this.#idle.set(room.name, setTimeout(() => void this.#unload(room), this.idleUnloadMs));
	}

	async #unload(room: Room): Promise<void> {
		this.#idle.delete(room.name);
		if (room.peers.size > 0 || this.#rooms.get(room.name) === undefined) return;
		await this.context.log.flush();
		await this.context.log.compact(room.name).catch((err) => log.warn({ doc: room.name, err: String(err) }, 'compaction on unload failed'));
		for (const h of this.context.hooks) await h.beforeUnload?.(room).catch((err: unknown) => log.warn({ doc: room.name, err: String(err) }, 'before-unload hook failed'));
		if (room.peers.size > 0) return;
		this.#rooms.delete(room.name);
		this.#loaded.delete(room.name);
		this.context.log.forget(room.name);
		room.destroy();
		metrics().openDocuments.dec();
	}

	async loaded(): Promise<Room[]> {
		return Promise.all([...this.#rooms.values()].map((p) => p.catch(() => null))).then((list) => list.filter((r): r is Room => r !== null));
	}

	/** SIGTERM: everything written and compacted. */
	async flushAll(): Promise<void> {
		await this.context.log.flush();
		for (const room of await this.loaded()) await this.context.log.compact(room.name).catch((err) => log.warn({ doc: room.name, err: String(err) }, 'compaction on shutdown failed'));
	}
}
