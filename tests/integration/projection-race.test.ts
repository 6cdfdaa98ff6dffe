/**
 * Provenance is not lost to timing: a field change that arrives while the projection is
 * reading the project's row reaches the row and names its author (seen in the co-editing
 * e2e as "Laatst gewijzigd door Inventarisatie" after a colleague had changed the budget).
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { db } from '../../src/lib/server/db/client.ts';
import { openOwnDatabase } from '../support/own-database.ts';
import { projectFieldProvenance, projects, users } from '../../src/lib/server/db/schema.ts';
import { readDocument } from '../../src/lib/server/documents/store.ts';
import { projectDocument, type FieldChange } from '../../src/lib/server/services/projection.ts';
import { documentName, fieldsOf } from '../../src/lib/collab/documents.ts';

const PROJECT = 'rip-demo-0001';
let close: () => Promise<void>;
beforeAll(async () => void (close = await openOwnDatabase('pglite')));
afterAll(() => close());

test('a change made while the row is being read is projected with its author', async () => {
	const [bram] = await db().select({ id: users.id }).from(users).where(eq(users.email, 'lid.brabant@demo.tafel'));
	const doc = (await readDocument(documentName.project(PROJECT)))!;
	const [before] = await db().select({ totalBudget: projects.totalBudget }).from(projects).where(eq(projects.id, PROJECT));
	const budget = (before.totalBudget ?? 0) + 12_345;
	let pending: FieldChange[] = [];
	const take = () => {
		const taken = pending;
		pending = [];
		return taken;
	};
	// The projection starts (its read of the row is under way) and then Bram's change arrives, as it does between two batches.
	const projecting = projectDocument(PROJECT, doc, take);
	fieldsOf(doc).set('totalBudget', budget);
	pending.push({ field: 'totalBudget', userId: bram.id, userName: 'Bram van Dijk', organisationId: 'prov-nb', at: new Date() });
	const result = await projecting;

	expect(result?.changed).toContain('totalBudget');
	const [row] = await db().select({ totalBudget: projects.totalBudget }).from(projects).where(eq(projects.id, PROJECT));
	expect(row.totalBudget).toBe(budget);
	const [provenance] = await db()
		.select({ userName: projectFieldProvenance.userName })
		.from(projectFieldProvenance)
		.where(and(eq(projectFieldProvenance.projectId, PROJECT), eq(projectFieldProvenance.field, 'totalBudget')));
	expect(provenance?.userName).toBe('Bram van Dijk');
	// Taken once: the next projection does not name Bram again for something he did not change.
	expect(pending).toEqual([]);
	doc.destroy();
});
