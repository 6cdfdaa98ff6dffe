import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import { can, canSeeReference, type Actor } from '../../domain/permissions.ts';
import { validateProject, type FieldKey, type ProjectFields } from '../../domain/project.ts';
import { documentName } from '../../collab/documents.ts';
import { writeDescription, writeFields } from '../../collab/project-doc.ts';
import { db, type Db } from '../db/client.ts';
import { docStates, organisations, projectEvents, projectFieldProvenance, projects, type ProjectRow } from '../db/schema.ts';
import { rowsPerStatement } from '../db/bulk.ts';
import { generateId } from '../auth/tokens.ts';
import { events } from '../events.ts';
import { log } from '../log.ts';
import { storeInitialStates } from '../documents/store.ts';
import { searchVector } from './projection.ts';

export type ProjectView = ProjectRow & { ownerName: string; ownerAbbreviation: string };

export const asResource = (p: Pick<ProjectRow, 'ownerOrganisationId' | 'visibility' | 'archivedAt'>) =>
	({ kind: 'project', ownerOrganisationId: p.ownerOrganisationId, visibility: p.visibility, archived: p.archivedAt !== null }) as const;

/** A project the actor may read; anything else is "not found" (no hint that it exists). */
export async function getProject(actor: Actor, id: string): Promise<ProjectView | null> {
	const [row] = await db()
		.select({ project: projects, ownerName: organisations.name, ownerAbbreviation: organisations.abbreviation })
		.from(projects)
		.innerJoin(organisations, eq(organisations.id, projects.ownerOrganisationId))
		.where(eq(projects.id, id));
	if (!row || !can(actor, 'read', asResource(row.project))) return null;
	return { ...row.project, ownerName: row.ownerName, ownerAbbreviation: row.ownerAbbreviation };
}

async function nextCode(tx: Pick<Db, 'select'>, year: number): Promise<string> {
	const prefix = `RIP-${year}-`;
	const [{ max }] = await tx
		.select({ max: sql<string | null>`max(split_part(${projects.code}, '-', 3)::int)` })
		.from(projects)
		.where(sql`${projects.code} like ${prefix + '%'}`);
	return `${prefix}${String(Number(max ?? 0) + 1).padStart(4, '0')}`;
}

export interface NewProject {
	fields: ProjectFields;
	description?: string[];
	ownerOrganisationId: string;
	visibility: 'concept' | 'platform';
	id?: string;
	code?: string;
	demo?: boolean;
	createdAt?: Date;
	updatedAt?: Date;
	/** The status its timeline says it was created with, when that is not its current one (demo history). */
	createdStatus?: string;
}

export const PROJECTS_PER_STATEMENT = Math.min(250, ...[projects, docStates, projectEvents].map((table) => rowsPerStatement(table)));

type Creator = { userId: string | null; name: string; organisationId: string };

/** Inserts the row and the first state of its Y.Doc in one transaction (used by create, import and seed). */
export async function insertProject(tx: Db, actor: Creator, input: NewProject): Promise<{ id: string; code: string }> {
	const [created] = await insertProjects(tx, actor, [input]);
	return created;
}

/**
 * Many projects at once (the spreadsheet import): the same rows as insertProject, written
 * a few hundred per statement, so 10,000 projects take hundreds of statements, not 40,000.
 * Inputs without a code get one after the highest of the year, in order. A chunk of
 * projects is at most one row per project in every table written, so it stays under the
 * parameter limit of each (db/bulk.ts).
 */
export async function insertProjects(tx: Db, actor: Creator, inputs: NewProject[], chunkSize = PROJECTS_PER_STATEMENT): Promise<{ id: string; code: string }[]> {
	const year = new Date().getFullYear();
	let number: number | null = null;
	const created: { id: string; code: string }[] = [];
	for (let start = 0; start < inputs.length; start += chunkSize) {
		const chunk = inputs.slice(start, start + chunkSize);
		const rows = [];
		for (const input of chunk) {
			const id = input.id ?? `p-${generateId()}`;
			let code = input.code;
			if (!code) {
				number ??= Number((await nextCode(tx, year)).split('-')[2]) - 1;
				code = `RIP-${year}-${String(++number).padStart(4, '0')}`;
			}
			const doc = new Y.Doc();
			writeFields(doc, input.fields);
			if (input.description?.length) writeDescription(doc, input.description);
			rows.push({ id, code, input, doc });
			created.push({ id, code });
		}
		await tx.insert(projects).values(
			rows.map(({ id, code, input }) => ({
				id, code, ...input.fields, descriptionText: (input.description ?? []).join('\n'), ownerOrganisationId: input.ownerOrganisationId, visibility: input.visibility,
				demo: input.demo ?? false, createdBy: actor.userId, createdAt: input.createdAt, updatedAt: input.updatedAt
			}))
		);
		// The search vector reads the stored columns, so it is set once the rows are there.
		await tx.update(projects).set({ search: searchVector }).where(inArray(projects.id, rows.map((r) => r.id)));
		await storeInitialStates(tx, rows.map(({ id, doc }) => ({ docName: documentName.project(id), doc })));
		await tx.insert(projectEvents).values(
			rows.map(({ id, input }) => ({ projectId: id, kind: 'created', toValue: input.createdStatus ?? input.fields.status, userId: actor.userId, userName: actor.name, organisationId: actor.organisationId, at: input.createdAt }))
		);
	}
	return created;
}

export type CreateResult = { ok: true; id: string } | { ok: false; reason: 'forbidden' } | { ok: false; reason: 'invalid'; errors: Partial<Record<FieldKey, string>> };

/** A new project starts as a concept of the creator's organisation. */
export async function createProject(actor: Actor & { name: string }, raw: Partial<Record<FieldKey, unknown>>): Promise<CreateResult> {
	if (!can(actor, 'edit', { kind: 'inventory' })) return { ok: false, reason: 'forbidden' };
	const checked = validateProject(raw);
	if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors };
	const { id } = await db().transaction((tx) => insertProject(tx as unknown as Db, actor, { fields: checked.fields, ownerOrganisationId: actor.organisationId, visibility: 'concept' }));
	events.publish({ type: 'project-changed', projectId: id, ownerOrganisationId: actor.organisationId, visibility: 'concept' });
	log.info({ event: 'project-created', projectId: id, by: actor.userId }, 'project created');
	return { ok: true, id };
}

type Lifecycle = 'archive' | 'restore' | 'share';
export type LifecycleResult = { ok: true } | { ok: false; reason: 'not-found' | 'forbidden' | 'no-change' };

/** Archive, restore, or share a concept with the platform; each is a timeline event. */
export async function changeLifecycle(actor: Actor & { name: string }, id: string, action: Lifecycle): Promise<LifecycleResult> {
	const project = await getProject(actor, id);
	if (!project) return { ok: false, reason: 'not-found' };
	if (!can(actor, 'manage', asResource(project))) return { ok: false, reason: 'forbidden' };
	const set =
		action === 'archive' ? (project.archivedAt ? null : { archivedAt: new Date() })
		: action === 'restore' ? (project.archivedAt ? { archivedAt: null } : null)
		: project.visibility === 'concept' ? { visibility: 'platform' as const } : null;
	if (!set) return { ok: false, reason: 'no-change' };
	await db().transaction(async (tx) => {
		await tx.update(projects).set({ ...set, updatedAt: new Date() }).where(eq(projects.id, id));
		await tx.insert(projectEvents).values({ projectId: id, kind: action, userId: actor.userId, userName: actor.name, organisationId: actor.organisationId });
	});
	events.publish({ type: 'project-changed', projectId: id, ownerOrganisationId: project.ownerOrganisationId, visibility: action === 'share' ? 'platform' : project.visibility });
	return { ok: true };
}

/**
 * The project the event names at the other end of a link, by code: `link-added` keeps
 * "type:code" in toValue, `link-removed` the code in fromValue. null = names no other record.
 */
export function referencedCode(event: { kind: string; fromValue: string | null; toValue: string | null }): string | null {
	if (event.kind === 'link-added') return event.toValue?.split(':')[1] || null;
	if (event.kind === 'link-removed') return event.fromValue || null;
	return null;
}

/** The events of a project this actor may see: an event naming a project they cannot see is left out. */
export async function projectTimeline(actor: Actor, id: string) {
	if (!(await getProject(actor, id))) return null;
	const rows = await db()
		.select({ id: projectEvents.id, kind: projectEvents.kind, fromValue: projectEvents.fromValue, toValue: projectEvents.toValue, note: projectEvents.note, userName: projectEvents.userName, organisationName: organisations.name, at: projectEvents.at })
		.from(projectEvents)
		.leftJoin(organisations, eq(organisations.id, projectEvents.organisationId))
		.where(eq(projectEvents.projectId, id))
		.orderBy(desc(projectEvents.at), desc(projectEvents.id))
		.limit(200);
	const codes = [...new Set(rows.map(referencedCode).filter((c): c is string => c !== null))];
	const referenced = codes.length
		? await db().select({ code: projects.code, ownerOrganisationId: projects.ownerOrganisationId, visibility: projects.visibility, archivedAt: projects.archivedAt }).from(projects).where(inArray(projects.code, codes))
		: [];
	const byCode = new Map(referenced.map((p) => [p.code, asResource(p)]));
	return rows.filter((e) => {
		const code = referencedCode(e);
		return code === null || canSeeReference(actor, byCode.get(code) ?? null);
	});
}

export async function projectProvenance(actor: Actor, id: string) {
	if (!(await getProject(actor, id))) return null;
	return db()
		.select({ field: projectFieldProvenance.field, userName: projectFieldProvenance.userName, organisationName: organisations.name, changedAt: projectFieldProvenance.changedAt })
		.from(projectFieldProvenance)
		.leftJoin(organisations, eq(organisations.id, projectFieldProvenance.organisationId))
		.where(and(eq(projectFieldProvenance.projectId, id)));
}
