/** Versions in the JSON API: the same service and rights as the pages, shaped for clients. */
import { bodyOf } from '../../collab/documents.ts';
import { plainText, richTextDoc } from '../../collab/rich-text.ts';
import { docFromState, documentContent } from '../../collab/version-diff.ts';
import type { Actor } from '../../domain/permissions.ts';
import { documentVersion, documentVersions, organisationNames, type VersionKind, type VersionSummary } from '../services/versions.ts';

const KINDS: readonly VersionKind[] = ['auto', 'named', 'milestone', 'restore'];

/** `?kind=named,milestone` → the kinds asked for; unknown names are ignored. */
export function parseKinds(raw: string | null): VersionKind[] {
	return (raw ?? '').split(',').filter((k): k is VersionKind => (KINDS as readonly string[]).includes(k));
}

function summary(v: VersionSummary, organisations: Record<string, string>) {
	return {
		id: v.id,
		kind: v.kind,
		reason: v.reason,
		name: v.name,
		milestoneId: v.milestoneId,
		restoredFrom: v.restoredFrom,
		size: v.size,
		createdAt: v.createdAt.toISOString(),
		createdBy: v.createdByName ? { name: v.createdByName, organisation: organisations[v.createdByOrganisationId ?? ''] ?? null } : null,
		changedBy: v.editors.map((e) => ({ name: e.name, organisation: organisations[e.organisationId] ?? null }))
	};
}

export async function apiVersionList(actor: Actor, docName: string, query: URLSearchParams) {
	const limit = Number(query.get('limit') ?? 50);
	const result = await documentVersions(actor, docName, { kinds: parseKinds(query.get('kind')), before: query.get('before'), limit: Number.isFinite(limit) ? limit : 50 });
	if (!result) return null;
	return { versions: result.page.versions.map((v) => summary(v, result.organisations)), next: result.page.next };
}

export async function apiVersionDetail(actor: Actor, docName: string, id: string) {
	const result = await documentVersion(actor, docName, id);
	if (!result) return null;
	const kind = result.document.ref.kind;
	const doc = docFromState(result.version.state);
	// Fields as the document held them then (a value that broke a rule too), the text as plain text.
	const fields = documentContent(kind, doc).fields?.raw ?? null;
	const text = plainText(richTextDoc(bodyOf(doc, kind)));
	doc.destroy();
	const organisations = await organisationNames([...result.version.editors.map((e) => e.organisationId), result.version.createdByOrganisationId ?? '']);
	return { ...summary(result.version, organisations), fields, text };
}
