/** What an actor may do with a document, asked of the one permission module. */
import { can, type Actor } from '#lib/domain/permissions.ts';
import type { DocumentRef } from '#lib/collab/documents.ts';
import { asResource, getProject } from '#lib/server/services/projects.ts';

export type DocumentAccess = 'none' | 'read-only' | 'read-write';

export async function documentAccess(actor: Actor, ref: DocumentRef): Promise<DocumentAccess> {
	if (ref.kind === 'project') {
		// Concept projects of other organisations do not exist as far as this actor knows.
		const project = await getProject(actor, ref.id);
		if (!project) return 'none';
		return can(actor, 'edit', asResource(project)) ? 'read-write' : 'read-only';
	}
	const resource = { kind: 'document', docKind: ref.kind } as const;
	if (!can(actor, 'read', resource)) return 'none';
	return can(actor, 'edit', resource) ? 'read-write' : 'read-only';
}
