/**
 * Project documents: after persisted batches the structured fields are projected into
 * the projects table; values refused by validation are set back in the document, and
 * who changed which field is recorded for provenance.
 */
import { fieldsOf } from '#lib/collab/documents.ts';
import { writeFields } from '#lib/collab/project-doc.ts';
import { events } from '#lib/server/events.ts';
import { log } from '#lib/server/log.ts';
import { projectDocument, type FieldChange } from '#lib/server/services/projection.ts';
import { registerRoomHooks, SERVER_ORIGIN, type Room } from './rooms.ts';
import { Connection } from './connection.ts';

const DEBOUNCE_MS = 200;
const changes = new WeakMap<Room, FieldChange[]>();
const timers = new WeakMap<Room, NodeJS.Timeout>();
const running = new WeakMap<Room, Promise<void>>();

async function project(room: Room): Promise<void> {
	const pending = changes.get(room) ?? [];
	changes.set(room, []);
	const result = await projectDocument(room.ref.id, room.doc, pending);
	if (!result) return;
	if (Object.keys(result.setBack).length) writeFields(room.doc, result.setBack, SERVER_ORIGIN);
	if (result.changed.length) events.publish({ type: 'project-changed', projectId: room.ref.id, ...result.scope });
}

registerRoomHooks({
	attach(room) {
		if (room.ref.kind !== 'project') return;
		fieldsOf(room.doc).observe((event, transaction) => {
			const origin = transaction.origin;
			if (!(origin instanceof Connection)) return;
			const list = changes.get(room) ?? [];
			for (const field of event.keysChanged) list.push({ field, userId: origin.identity.userId, userName: origin.identity.name, organisationId: origin.identity.organisationId, at: new Date() });
			changes.set(room, list);
		});
	},
	afterPersist(room) {
		if (room.ref.kind !== 'project' || timers.has(room)) return;
		timers.set(room, setTimeout(() => {
			timers.delete(room);
			const previous = running.get(room) ?? Promise.resolve();
			const next = previous.then(() => project(room)).catch((err) => log.error({ doc: room.name, err: String(err) }, 'projection failed'));
			running.set(room, next);
		}, DEBOUNCE_MS));
	}
});
