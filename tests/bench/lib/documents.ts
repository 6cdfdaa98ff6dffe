/**
 * The documents the bench writes into. Our server serves only documents whose record
 * exists, so every scenario borrows platform project records (tests/support/scratch-docs.ts):
 * the demo's own 150 where a few documents do, and for many documents an inventory
 * seeded into the database before our server starts (`startOurs({ projects })`).
 * The anchors accept any name and get the same names; each anchor document is also
 * given the record's first state, as insertProjects stores it, so every server holds
 * the same kind of document (fields and description, ~2.5 kB of updates) — see
 * `connectAll`. Scenarios write into `bench` types of their own, which the projection
 * of a project document reads but never has to write back into the row.
 */
import * as Y from 'yjs';
import { writeDescription, writeFields } from '../../../src/lib/collab/project-doc.ts';
import { DEMO_TOTAL, scratchDoc, scratchProject } from '../../support/scratch-docs.ts';

export { DEMO_TOTAL };

/**
 * Scenarios 1–3 share the primary database: their records must not meet. Scale-out
 * talks over Redis, whose channels carry the document name only: its records stay clear
 * of the few the integration tests use (scratchDoc(0…9)).
 */
export const FIRST_DOC = { fanout: 0, coldLoad: 5, durability: 0, scaleOut: 100 } as const;

/** Inventory that holds `documents` records of their own past the demo's 150 (scenario 3). */
export const inventoryFor = (documents: number) => DEMO_TOTAL + documents;

const states = new Map<string, Uint8Array>();

/** `count` distinct record documents from scratch record `first` on, in an inventory of `total` projects. */
export function benchDocs(first: number, count: number, total = DEMO_TOTAL): string[] {
	return Array.from({ length: count }, (_, i) => {
		const name = scratchDoc(first + i, total);
		if (!states.has(name)) {
			const project = scratchProject(first + i, total);
			const doc = new Y.Doc();
			writeFields(doc, project.fields);
			if (project.description.length) writeDescription(doc, project.description);
			states.set(name, Y.encodeStateAsUpdate(doc));
			doc.destroy();
		}
		return name;
	});
}

/** The first state of a record handed out by benchDocs: always the same bytes, so applying it twice changes nothing. */
export function recordState(name: string): Uint8Array | null {
	return states.get(name) ?? null;
}
