/**
 * The collaboration server as request handlers see it (src/lib/server/documents/live.ts):
 * a change on someone's behalf goes through the document's room, so connected editors
 * (on this instance and, through Redis, on others) receive it as an ordinary update.
 */
import type { LiveDocuments } from '#lib/server/documents/live.ts';
import type { CollabServer } from './collab-server.ts';
import { vectorOfUpdate } from './state-vectors.ts';
import { ChangeOnBehalf } from './rooms.ts';
import { recordActivityNow } from './version-hooks.ts';

export function liveDocumentsOf(server: CollabServer): LiveDocuments {
	return {
		async flush(docNames) {
			await server.log.flush();
			// Who edited goes with what they wrote: a version taken now names them.
			for (const name of new Set(docNames)) {
				const room = server.rooms.loadedRoom(name);
				if (room) await recordActivityNow(room);
			}
		},
		async change(ref, author, apply) {
			const room = await server.rooms.get(ref);
			try {
				const origin = new ChangeOnBehalf(author);
				const written: Uint8Array[] = [];
				const collect = (update: Uint8Array, o: unknown) => void (o === origin && written.push(update));
				room.doc.on('update', collect);
				try {
					apply(room.doc, origin);
				} finally {
					room.doc.off('update', collect);
				}
				await server.log.flush();
				// Stored means committed: nothing of this document still waits, and the room's persisted clocks cover what was written.
				if (server.log.isWaiting(ref.name)) throw new Error('change not stored');
				for (const update of written) for (const [client, clock] of vectorOfUpdate(update)) if ((room.persisted.get(client) ?? 0) < clock) throw new Error('change not stored');
			} finally {
				server.rooms.release(room);
			}
		}
	};
}
