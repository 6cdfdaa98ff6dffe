/**
 * From a project's Y.Doc to the `projects` row. Runs on the server after each
 * persisted batch: valid field values reach the table, invalid ones (from a crafted
 * client too) never do and are handed back so the collab room can set them back.
 */
import { eq, sql } from 'drizzle-orm';
import type * as Y from 'yjs';
import { crossCheck, emptyFields, FIELD_KEYS, type FieldKey, type ProjectFields } from '../../domain/project.ts';
import { descriptionText, readFields } from '../../collab/project-doc.ts';
import { db } from '../db/client.ts';
import { projectEvents, projectFieldProvenance, projects, type ProjectRow } from '../db/schema.ts';
import { log } from '../log.ts';

/** Who changed a field, as the collab server knows it from the connection. */
export interface FieldChange {
	field: string;
	userId: string;
	userName: string;
	organisationId: string;
	at: Date;
}

/** The weighted Dutch full-text vector of a project row, computed by the database. */
export const searchVector = sql`
	setweight(to_tsvector('dutch', coalesce(${projects.code}, '') || ' ' || coalesce(${projects.title}, '')), 'A') ||
	setweight(to_tsvector('dutch', coalesce(${projects.summary}, '') || ' ' || array_to_string(${projects.tags}, ' ')), 'B') ||
	setweight(to_tsvector('dutch', coalesce(${projects.initiator}, '') || ' ' || array_to_string(${projects.partners}, ' ')), 'B') ||
	setweight(to_tsvector('dutch', coalesce(${projects.descriptionText}, '')), 'C')`;

export function fieldsOfRow(row: ProjectRow): ProjectFields {
	const fields = emptyFields();
	for (const key of FIELD_KEYS) (fields as unknown as Record<string, unknown>)[key] = row[key];
	return fields;
}

export interface ProjectionResult {
	/** Fields whose document value was refused, with the last valid value to set back. */
	setBack: Partial<ProjectFields>;
	changed: FieldKey[];
	scope: { ownerOrganisationId: string; visibility: 'concept' | 'platform' };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export async function projectDocument(projectId: string, doc: Y.Doc, changes: FieldChange[] = []): Promise<ProjectionResult | null> {
	const [row] = await db().select().from(projects).where(eq(projects.id, projectId));
	if (!row) return null;
	const current = fieldsOfRow(row);
	const { valid, invalid } = readFields(doc);
	const next: ProjectFields = { ...current, ...valid };
	const refused = new Set<FieldKey>(invalid);
	// A value valid on its own but breaking a rule between fields is refused too.
	for (const { field } of crossCheck(next)) {
		if (!same(next[field], current[field])) {
			refused.add(field);
			(next as unknown as Record<string, unknown>)[field] = current[field];
		}
	}
	const changed = FIELD_KEYS.filter((k) => !refused.has(k) && !same(next[k], current[k]));
	// PostgreSQL text cannot hold NUL: one typed (or crafted) into the description would fail every later projection.
	const text = descriptionText(doc).replaceAll('\u0000', '').slice(0, 200_000);
	const setBack = Object.fromEntries([...refused].map((k) => [k, current[k]])) as Partial<ProjectFields>;
	const scope = { ownerOrganisationId: row.ownerOrganisationId, visibility: row.visibility };
	if (changed.length === 0 && text === row.descriptionText) return { setBack, changed, scope };

	const update = Object.fromEntries(changed.map((k) => [k, next[k]]));
	await db().transaction(async (tx) => {
		await tx.update(projects).set({ ...update, descriptionText: text, updatedAt: new Date() }).where(eq(projects.id, projectId));
		await tx.update(projects).set({ search: searchVector }).where(eq(projects.id, projectId));
		const byField = new Map(changes.map((c) => [c.field, c]));
		for (const field of changed) {
			const who = byField.get(field);
			if (!who) continue;
			await tx
				.insert(projectFieldProvenance)
				.values({ projectId, field, userId: who.userId, userName: who.userName, organisationId: who.organisationId, changedAt: who.at })
				.onConflictDoUpdate({ target: [projectFieldProvenance.projectId, projectFieldProvenance.field], set: { userId: who.userId, userName: who.userName, organisationId: who.organisationId, changedAt: who.at } });
		}
		if (changed.includes('status')) {
			const who = byField.get('status');
			await tx.insert(projectEvents).values({ projectId, kind: 'status', fromValue: current.status, toValue: next.status, userId: who?.userId ?? null, userName: who?.userName ?? '', organisationId: who?.organisationId ?? row.ownerOrganisationId });
		}
	});
	if (refused.size) log.warn({ doc: `project:${projectId}`, fields: [...refused] }, 'invalid project fields refused');
	return { setBack, changed, scope };
}
