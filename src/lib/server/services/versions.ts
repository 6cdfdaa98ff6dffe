/**
 * Versions of documents as people use them: who may see, name and restore them (asked of
 * the permission module), a safety version before every restore, and the restore itself
 * written through the document's room so everyone connected receives it live.
 */
import { inArray } from 'drizzle-orm';
import * as Y from 'yjs';
import { validateName } from '../../domain/account.ts';
import { can, canRestoreVersion, type Actor } from '../../domain/permissions.ts';
import { restoreContent } from '../../collab/restore.ts';
import { generateId } from '../auth/tokens.ts';
import { db } from '../db/client.ts';
import { organisations, projectEvents } from '../db/schema.ts';
import { liveDocuments } from '../documents/live.ts';
import * as store from '../documents/versions.ts';
import { log } from '../log.ts';
import { resolveDocument, type ResolvedDocument } from './document-access.ts';

export type { VersionKind, VersionSummary } from '../documents/versions.ts';
export const MAX_VERSION_NAME = 120;

/** A person acting, as the session says. */
export type VersionActor = Actor & { name: string };

export interface VersionRights {
	name: boolean;
	restore: boolean;
}

export function versionRights(actor: Actor, document: ResolvedDocument): VersionRights {
	return { name: can(actor, 'edit', document.resource), restore: canRestoreVersion(actor, document.resource, document.ownerOrganisationId) };
}

/** Organisation names for the editors and authors of versions (one query). */
export async function organisationNames(ids: Iterable<string>): Promise<Record<string, string>> {
	const list = [...new Set(ids)].filter(Boolean);
	if (!list.length) return {};
	const rows = await db().select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, list));
	return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

/** One page of the versions of a document the actor may read; null when they may not (or it does not exist). */
export async function documentVersions(actor: Actor, docName: string, options: { kinds?: readonly store.VersionKind[]; before?: string | null; limit?: number } = {}) {
	const document = await resolveDocument(actor, docName);
	if (!document) return null;
	const page = await store.listVersions(docName, options);
	const organisationIds = page.versions.flatMap((v) => [...v.editors.map((e) => e.organisationId), v.createdByOrganisationId ?? '']);
	return { document, rights: versionRights(actor, document), page, organisations: await organisationNames(organisationIds) };
}

/** A version with its state, for the actor who may read the document. */
export async function documentVersion(actor: Actor, docName: string, id: string) {
	const document = await resolveDocument(actor, docName);
	if (!document) return null;
	const version = await store.getVersion(docName, id);
	return version ? { document, version, rights: versionRights(actor, document) } : null;
}

/** "3 versies sinds <name>" for a document the actor may read. */
export async function versionsSinceNamed(actor: Actor, docName: string) {
	if (!(await resolveDocument(actor, docName))) return null;
	return store.versionsSinceNamed(docName);
}

export type VersionResult = { ok: true; id: string } | { ok: false; reason: 'not-found' | 'forbidden' | 'name' | 'not-stored' | 'unchanged'; existing?: string };

const authorOf = (actor: VersionActor) => ({ userId: actor.userId, name: actor.name, organisationId: actor.organisationId });

/** What this instance accepted is stored before a version is read from the database. */
async function flushLive(docNames: readonly string[]): Promise<void> {
	try {
		await liveDocuments().flush(docNames);
	} catch (err) {
		log.warn({ err: String(err) }, 'no collaboration server to flush before a version');
	}
}

/** An editor names the current state ("Ingediend bij brede tafel Oost, 12 maart"). */
export async function nameVersion(actor: VersionActor, docName: string, rawName: unknown): Promise<VersionResult> {
	const document = await resolveDocument(actor, docName);
	if (!document) return { ok: false, reason: 'not-found' };
	if (!versionRights(actor, document).name) return { ok: false, reason: 'forbidden' };
	const name = validateName(rawName, MAX_VERSION_NAME);
	if (!name.ok) return { ok: false, reason: 'name' };
	await flushLive([docName]);
	const version = await store.takeVersion(docName, { kind: 'named', name: name.value, by: authorOf(actor) });
	if (version?.unchanged) return { ok: false, reason: 'unchanged', existing: version.name ?? '' };
	return version ? { ok: true, id: version.id } : { ok: false, reason: 'not-stored' };
}

/**
 * Versions several documents at once under one label (closing a brede tafel). The
 * caller decides who may; returns the milestone id shared by the versions.
 */
export async function takeMilestone(docNames: string[], label: string, by: store.VersionAuthor | null): Promise<{ milestoneId: string; versions: store.VersionSummary[] }> {
	await flushLive(docNames);
	const milestoneId = generateId();
	const versions: store.VersionSummary[] = [];
	for (const docName of docNames) {
		const version = await store.takeVersion(docName, { kind: 'milestone', name: label, milestoneId, by });
		if (version) versions.push(version);
	}
	return { milestoneId, versions };
}

const label = (version: store.VersionSummary) => version.name ?? version.createdAt.toISOString();

/**
 * Restores a version: a safety version of the current state first, then the old content
 * written as a new change through the room (connected editors receive it and keep
 * typing; project fields are validated by the projection like any edit), then a
 * "restore" version and, for a project, a timeline entry.
 */
export async function restoreVersion(actor: VersionActor, docName: string, id: string): Promise<VersionResult> {
	const document = await resolveDocument(actor, docName);
	if (!document) return { ok: false, reason: 'not-found' };
	if (!versionRights(actor, document).restore) return { ok: false, reason: 'forbidden' };
	const version = await store.getVersion(docName, id);
	if (!version) return { ok: false, reason: 'not-found' };
	const source = new Y.Doc();
	try {
		Y.applyUpdate(source, version.state);
		await flushLive([docName]);
		await store.takeVersion(docName, { kind: 'auto', reason: 'before-restore', by: authorOf(actor) });
		try {
			await liveDocuments().change(document.ref, authorOf(actor), (doc, origin) => restoreContent(doc, source, document.ref.kind, origin));
		} catch (err) {
			log.error({ doc: docName, version: id, err: String(err) }, 'restore not stored');
			return { ok: false, reason: 'not-stored' };
		}
	} finally {
		source.destroy();
	}
	const restored = await store.takeVersion(docName, { kind: 'restore', name: version.name, restoredFrom: version.id, by: authorOf(actor) });
	if (document.projectId) {
		await db().insert(projectEvents).values({ projectId: document.projectId, kind: 'version-restored', toValue: version.id, note: label(version), userId: actor.userId, userName: actor.name, organisationId: actor.organisationId });
	}
	return { ok: true, id: restored?.id ?? version.id };
}
