/**
 * Who edited each document since its last version, handed to the version store after
 * their updates were stored (at most once a second per room, and before the room
 * unloads), so an automatic version can say who changed something and when editing
 * settled. Any instance may record; the store merges.
 */
import type * as Y from 'yjs';
import { recordActivity } from '#lib/server/documents/versions.ts';
import { log } from '#lib/server/log.ts';
import type { Room, RoomHooks } from './rooms.ts';

const RECORD_AFTER_MS = 1_000;
type Editor = { userId: string; name: string; organisationId: string };
const editors = new WeakMap<Room, Map<string, Editor>>();
const timers = new WeakMap<Room, NodeJS.Timeout>();

/** Hands this room's editors to the store now (before a version is taken, before unload). */
export async function recordActivityNow(room: Room): Promise<void> {
	clearTimeout(timers.get(room));
	timers.delete(room);
	const pending = editors.get(room);
	if (!pending?.size) return;
	editors.set(room, new Map());
	await recordActivity(room.name, [...pending.values()]).catch((err) => {
		// Kept for the next round rather than lost: the database may be back by then.
		for (const [id, e] of pending) if (!editors.get(room)?.has(id)) editors.get(room)?.set(id, e);
		log.warn({ doc: room.name, err: String(err) }, 'could not record editing activity');
	});
}

export const versionHooks: RoomHooks = {
	attach(room) {
		editors.set(room, new Map());
		room.doc.on('afterTransaction', (transaction: Y.Transaction) => {
			if (transaction.changed.size === 0 && transaction.deleteSet.clients.size === 0) return;
			const author = room.authorOf(transaction.origin);
			if (author) editors.get(room)?.set(author.userId, { userId: author.userId, name: author.name, organisationId: author.organisationId });
		});
	},
	afterPersist(room) {
		if (timers.has(room) || !editors.get(room)?.size) return;
		timers.set(room, setTimeout(() => void recordActivityNow(room), RECORD_AFTER_MS));
	},
	beforeUnload: recordActivityNow
};
