/**
 * From a project's Y.Doc to the `projects` row. Runs on the server after each
 * persisted batch: valid field values reach the table; invalid ones (typed, imported or
 * from a crafted client) never do, and are recorded as the row's field problems.
 */
import { eq, sql } from 'drizzle-orm';
import type * as Y from 'yjs';
import { crossCheck, emptyFields, FIELD_KEYS, type FieldKey, type ProjectFields } from '../../domain/project.ts';
import { descriptionText, readFields, type Problem } from '../../collab/project-doc.ts';
import { db } from '../db/client.ts';
import { projectEvents, projectFieldProvenance, projects, type ProjectRow } from '../db/schema.ts';

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
	changed: FieldKey[];
	/** Fields whose document value breaks a rule: shown with their problem, kept out of the row. */
	problems: Partial<Record<FieldKey, Problem>>;
	/** The problems differ from what the row held (lists show them). */
	problemsChanged: boolean;
	scope: { ownerOrganisationId: string; visibility: 'concept' | 'platform' };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The row's next field values: valid document values, except fields a broken rule
 * involves, and except combinations with the row's last valid values that would break
 * a rule (so the row never holds, say, a requested amount above its total budget).
 */
function nextFields(current: ProjectFields, valid: Partial<ProjectFields>, held: FieldKey[]): ProjectFields {
	const next: ProjectFields = { ...current };
	for (const key of FIELD_KEYS) if (key in valid && !held.includes(key)) (next as unknown as Record<string, unknown>)[key] = valid[key];
	for (let round = 0; round < FIELD_KEYS.length; round++) {
		const broken = crossCheck(next).filter((b) => b.involves.some((k) => !same(next[k], current[k])));
		if (!broken.length) break;
		for (const { involves } of broken) for (const k of involves) (next as unknown as Record<string, unknown>)[k] = current[k];
	}
	return next;
}

/**
 * Projects a project's document into its row. Never writes to the document: a value
 * that breaks a rule stays there as typed, marked, and the row keeps its last valid value.
 * `takeChanges` hands over (and forgets) who changed which field since the last projection.
 */
export async function projectDocument(projectId: string, doc: Y.Doc, takeChanges: () => FieldChange[] = () => []): Promise<ProjectionResult | null> {
	const [row] = await db().select().from(projects).where(eq(projects.id, projectId));
	if (!row) return null;
	const current = fieldsOfRow(row);
	// Who changed what is taken in the same turn as the document is read: a change that
	// arrived while the row was being read is in both, or in neither and left for the next
	// projection. Taken before the read, a value could reach the row without its author.
	const changes = takeChanges();
	const { valid, problems, held } = readFields(doc);
	const next = nextFields(current, valid, held);
	const changed = FIELD_KEYS.filter((k) => !same(next[k], current[k]));
	// PostgreSQL text cannot hold NUL: one typed (or crafted) into the description would fail every later projection.
	const text = descriptionText(doc).replaceAll('\u0000', '').slice(0, 200_000);
	const scope = { ownerOrganisationId: row.ownerOrganisationId, visibility: row.visibility };
	// jsonb orders keys its own way: compare as sorted entries.
	const problemsChanged = !same(Object.entries(problems).sort(), Object.entries(row.fieldProblems ?? {}).sort());
	if (changed.length === 0 && text === row.descriptionText && !problemsChanged) return { changed, problems, problemsChanged, scope };

	const update = Object.fromEntries(changed.map((k) => [k, next[k]]));
	await db().transaction(async (tx) => {
		await tx.update(projects).set({ ...update, descriptionText: text, fieldProblems: problems as Record<string, string>, updatedAt: new Date() }).where(eq(projects.id, projectId));
		await tx.update(projects).set({ search: searchVector }).where(eq(projects.id, projectId));
		await recordChanges(tx, projectId, row, current, next, changed, changes);
	});
	return { changed, problems, problemsChanged, scope };
}

type Tx = Parameters<Parameters<ReturnType<typeof db>['transaction']>[0]>[0];

/** Provenance of each changed field and a timeline event for a status change. */
async function recordChanges(tx: Tx, projectId: string, row: ProjectRow, current: ProjectFields, next: ProjectFields, changed: FieldKey[], changes: FieldChange[]): Promise<void> {
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
}
