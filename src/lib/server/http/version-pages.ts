/**
 * The load functions and form actions of the version pages, shared by every document
 * that has a history (a project, the Werkagenda): the routes pass the document name and
 * where its page lives, and stay a few lines each.
 */
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import * as Y from 'yjs';
import { versionContent } from '../../collab/version-content.ts';
import { httpStatus } from '../../domain/errors.ts';
import type { FieldKey } from '../../domain/project.ts';
import { readDocument } from '../documents/store.ts';
import { liveDocuments } from '../documents/live.ts';
import { projectProvenance } from '../services/projects.ts';
import { documentVersion, documentVersions, nameVersion, organisationNames, restoreVersion, versionsSinceNamed, type VersionSummary } from '../services/versions.ts';
import { parseKinds } from '../api/versions.ts';
import { requireUser } from './guard.ts';

const NAMED_KINDS = ['named', 'milestone'] as const;

/** A version as the pages show it: names of people and organisations resolved. */
export function versionView(v: VersionSummary, organisations: Record<string, string>) {
	return {
		id: v.id,
		kind: v.kind,
		reason: v.reason,
		name: v.name,
		restoredFrom: v.restoredFrom,
		createdAt: v.createdAt.toISOString(),
		createdBy: v.createdByName ? { name: v.createdByName, organisation: organisations[v.createdByOrganisationId ?? ''] ?? null } : null,
		editors: v.editors.map((e) => ({ name: e.name, organisation: organisations[e.organisationId] ?? null }))
	};
}
export type VersionView = ReturnType<typeof versionView>;

/** The history list: a page of versions (`?voor=` for older ones), optionally named and milestone versions only (`?alleen=benoemd`). */
export async function loadVersionList(event: RequestEvent, docName: string) {
	const user = requireUser(event.locals, event.url);
	// "Vergelijk twee versies" is a plain GET form (works without script): on to the first, compared with the second.
	const [a, b] = [event.url.searchParams.get('a'), event.url.searchParams.get('b')];
	if (a && b && /^[\w-]{1,64}$/.test(a) && /^[\w-]{1,64}$/.test(b)) redirect(303, `${event.url.pathname}/${a}?vergelijk=${b}`);
	const namedOnly = event.url.searchParams.get('alleen') === 'benoemd';
	const kinds = namedOnly ? NAMED_KINDS : parseKinds(event.url.searchParams.get('soort'));
	const result = await documentVersions(user, docName, { kinds, before: event.url.searchParams.get('voor'), limit: 30 });
	if (!result) error(404, 'Niet gevonden');
	return {
		docName,
		title: result.document.title,
		rights: result.rights,
		namedOnly,
		versions: result.page.versions.map((v) => versionView(v, result.organisations)),
		next: result.page.next,
		paged: event.url.searchParams.has('voor')
	};
}

/** "n versies sinds <name>" on a document page. */
export async function loadSinceNamed(event: RequestEvent, docName: string) {
	const user = requireUser(event.locals, event.url);
	const since = await versionsSinceNamed(user, docName);
	return since ? { name: since.version.name ?? '', since: since.since, id: since.version.id } : null;
}

/** Names the current state; the new version is the first of the list afterwards. */
export async function nameAction(event: RequestEvent, docName: string) {
	const user = requireUser(event.locals, event.url);
	const name = String((await event.request.formData()).get('name') ?? '');
	const result = await nameVersion(user, docName, name);
	if (!result.ok) return fail(httpStatus(result.reason), { nameError: result.reason, name });
	return { named: result.id };
}

type Comparison = { against: 'now' } | { against: 'version'; version: VersionView } | null;

/**
 * One version: its content to preview, and (with `?vergelijk=nu` or `?vergelijk=<id>`)
 * what to compare it with. The diff itself is made by the page's module from both
 * contents; who changed a field comes from the project's provenance.
 */
export async function loadVersion(event: RequestEvent, docName: string, versionId: string, projectId: string | null) {
	const user = requireUser(event.locals, event.url);
	const found = await documentVersion(user, docName, versionId);
	if (!found) error(404, 'Niet gevonden');
	const { document, version, rights } = found;
	const organisations = await organisationNames([...version.editors.map((e) => e.organisationId), version.createdByOrganisationId ?? '']);
	const compareWith = event.url.searchParams.get('vergelijk');
	let comparison: Comparison = null;
	let other: Uint8Array | null = null;
	if (compareWith === 'nu') {
		// What editors were shown as "Opgeslagen" up to now, including this instance's last writes.
		await liveDocuments().flush().catch(() => undefined);
		const current = await readDocument(docName);
		other = current ? Y.encodeStateAsUpdate(current) : new Uint8Array([0, 0]);
		current?.destroy();
		comparison = { against: 'now' };
	} else if (compareWith) {
		const second = await documentVersion(user, docName, compareWith.slice(0, 64));
		if (!second) error(404, 'Niet gevonden');
		other = second.version.state;
		comparison = { against: 'version', version: versionView(second.version, await organisationNames(second.version.editors.map((e) => e.organisationId))) };
	}
	const provenance = projectId && comparison ? ((await projectProvenance(user, projectId)) ?? []) : [];
	return {
		docName,
		kind: document.ref.kind,
		title: document.title,
		rights,
		version: versionView(version, organisations),
		content: versionContent(version.state, document.ref.kind),
		comparison,
		otherContent: other ? versionContent(other, document.ref.kind) : null,
		provenance: provenance.map((p) => ({ field: p.field as FieldKey, userName: p.userName, organisationName: p.organisationName, changedAt: p.changedAt.toISOString() }))
	};
}

/** Restores the version after the person confirmed; back to the document, which shows the restored content live. */
export async function restoreAction(event: RequestEvent, docName: string, versionId: string, documentPath: string) {
	const user = requireUser(event.locals, event.url);
	const form = await event.request.formData();
	if (form.get('confirm') !== 'ja') return fail(400, { restoreError: 'confirm' });
	const result = await restoreVersion(user, docName, versionId);
	if (!result.ok) return fail(result.reason === 'not-stored' ? 503 : httpStatus(result.reason), { restoreError: result.reason });
	redirect(303, `${documentPath}?hersteld=${encodeURIComponent(versionId)}`);
}
