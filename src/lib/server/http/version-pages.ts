/**
 * The load functions and form actions of the version pages, shared by every document
 * that has a history (a project, the Werkagenda): the routes pass the document name and
 * where its page lives, and stay a few lines each.
 */
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import * as Y from 'yjs';
import { diffContents, documentContent, readVersion, type VersionDiff } from '../../collab/version-diff.ts';
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
	if (!result.ok) return fail(result.reason === 'unchanged' ? 409 : httpStatus(result.reason), { nameError: result.reason, name, existing: result.existing });
	return { named: result.id };
}

type Comparison = { against: 'now' } | { against: 'version'; version: VersionView; older: boolean } | null;

/**
 * One version: its content to preview, and (with `?vergelijk=nu` or `?vergelijk=<id>`)
 * the differences with now or with another version, computed here from both states (the
 * states themselves never go to the browser). Who changed a field comes from the
 * project's provenance: whoever last set it within the compared span.
 */
export async function loadVersion(event: RequestEvent, docName: string, versionId: string, projectId: string | null) {
	const user = requireUser(event.locals, event.url);
	const found = await documentVersion(user, docName, versionId);
	if (!found) error(404, 'Niet gevonden');
	const { document, version, rights } = found;
	const kind = document.ref.kind;
	const locale = event.locals.locale === 'en' ? 'en' : 'nl';
	const organisations = await organisationNames([...version.editors.map((e) => e.organisationId), version.createdByOrganisationId ?? '']);
	const content = readVersion(kind, version.state);
	const compareWith = event.url.searchParams.get('vergelijk');
	let comparison: Comparison = null;
	let diff: VersionDiff | null = null;
	let span: { from: Date; to: Date | null } | null = null;
	if (compareWith === 'nu') {
		// What editors were shown as "Opgeslagen" up to now, including this instance's last writes.
		await liveDocuments().flush([docName]).catch(() => undefined);
		const current = (await readDocument(docName)) ?? new Y.Doc();
		const now = documentContent(kind, current);
		current.destroy();
		diff = diffContents(content, now, locale);
		comparison = { against: 'now' };
		span = { from: version.createdAt, to: null };
	} else if (compareWith) {
		const second = await documentVersion(user, docName, compareWith.slice(0, 64));
		if (!second) error(404, 'Niet gevonden');
		const other = readVersion(kind, second.version.state);
		// Always from the older to the newer: what was added is what came later.
		const older = second.version.createdAt < version.createdAt;
		diff = older ? diffContents(other, content, locale) : diffContents(content, other, locale);
		comparison = { against: 'version', older, version: versionView(second.version, await organisationNames(second.version.editors.map((e) => e.organisationId))) };
		span = older ? { from: second.version.createdAt, to: version.createdAt } : { from: version.createdAt, to: second.version.createdAt };
	}
	const provenance = projectId && span ? ((await projectProvenance(user, projectId)) ?? []) : [];
	const changedBy: Partial<Record<FieldKey, string[]>> = {};
	for (const p of provenance) {
		if (!span || p.changedAt <= span.from || (span.to && p.changedAt > span.to)) continue;
		changedBy[p.field as FieldKey] = [p.organisationName ? `${p.userName} (${p.organisationName})` : p.userName];
	}
	return {
		docName,
		kind,
		title: document.title,
		rights,
		version: versionView(version, organisations),
		content,
		comparison,
		diff,
		changedBy
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
