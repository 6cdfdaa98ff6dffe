/**
 * Project documents: brought to the current layout when loaded, projected into the
 * projects table after persisted batches (invalid values stay in the document, marked,
 * and out of the row), and who changed which field is recorded for provenance.
 */
import type * as Y from 'yjs';
import { fieldsOf, fieldTextOf, LAYOUT_VERSION } from '#lib/collab/documents.ts';
import { isTypedField, migrateLayout, needsLayoutMigration, TYPED_FIELDS } from '#lib/collab/project-doc.ts';
import { FIELD_KEYS, isFieldKey, type FieldKey } from '#lib/domain/project.ts';
import { events } from '#lib/server/events.ts';
import { log } from '#lib/server/log.ts';
import { claimLayoutMigration } from '#lib/server/documents/store.ts';
import { projectDocument, type FieldChange } from '#lib/server/services/projection.ts';
import { SERVER_ORIGIN, type Room, type RoomHooks } from './rooms.ts';

const DEBOUNCE_MS = 200;
const changes = new WeakMap<Room, FieldChange[]>();
const timers = new WeakMap<Room, NodeJS.Timeout>();
const running = new WeakMap<Room, Promise<void>>();

async function project(room: Room): Promise<void> {
	let taken: FieldChange[] = [];
	const take = () => {
		taken = changes.get(room) ?? [];
		changes.set(room, []);
		return taken;
	};
	let result: Awaited<ReturnType<typeof projectDocument>>;
	try {
		result = await projectDocument(room.ref.id, room.doc, take);
	} catch (err) {
		// Not written: who changed what waits for the next projection, ahead of newer changes.
		changes.set(room, [...taken, ...(changes.get(room) ?? [])]);
		throw err;
	}
	if (!result) return;
	if (result.problemsChanged) log.info({ doc: room.name, fields: Object.keys(result.problems) }, 'project fields with problems kept out of the projection');
	if (result.changed.length || result.problemsChanged) events.publish({ type: 'project-changed', projectId: room.ref.id, ...result.scope });
}

/** Which field each changed shared type holds: the fields map's keys, or the field a Y.Text belongs to. */
function changedFields(doc: Y.Doc, changed: Y.Transaction['changed']): FieldKey[] {
	const fields: FieldKey[] = [];
	const map: unknown = fieldsOf(doc);
	for (const [type, keys] of changed) {
		const changedType: unknown = type;
		if (changedType === map) for (const key of keys) if (isFieldKey(key)) fields.push(key);
		for (const key of TYPED_FIELDS) if (changedType === fieldTextOf(doc, key)) fields.push(key);
	}
	return fields;
}

/** The hooks of project documents, handed to the collaboration server. */
export const projectHooks: RoomHooks = {
	async afterLoad(room) {
		if (room.ref.kind !== 'project' || !needsLayoutMigration(room.doc)) return;
		// One instance migrates; the others receive its change through the fan-out.
		if (!(await claimLayoutMigration(room.name, LAYOUT_VERSION.project))) return;
		if (migrateLayout(room.doc, SERVER_ORIGIN)) log.info({ doc: room.name, layout: LAYOUT_VERSION.project }, 'document migrated to the current layout');
	},
	attach(room) {
		if (room.ref.kind !== 'project') return;
		// Typed root texts exist before anyone writes, so the lookup in changedFields finds them.
		for (const key of FIELD_KEYS) if (isTypedField(key)) fieldTextOf(room.doc, key);
		room.doc.on('afterTransaction', (transaction: Y.Transaction) => {
			// Only what a person sent (or the server wrote for them: a restore) counts as their change, not a migration or another instance.
			const author = room.authorOf(transaction.origin);
			if (!author) return;
			const fields = changedFields(room.doc, transaction.changed);
			if (!fields.length) return;
			const list = changes.get(room) ?? [];
			for (const field of fields) list.push({ field, userId: author.userId, userName: author.name, organisationId: author.organisationId, at: new Date() });
			changes.set(room, list);
			// A typed field written as a value (a tab of the old code, or a crafted client) is
			// folded into its text as if typed: nothing is dropped, the layout stays one.
			if (fields.some((f) => isTypedField(f) && fieldsOf(room.doc).has(f))) queueMicrotask(() => migrateLayout(room.doc, SERVER_ORIGIN));
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
};
