/** What an actor may do with a collaborative document, asked of the one permission module. */
import { can, projectDocument, type Actor, type Resource } from '../../domain/permissions.ts';
import { parseDocumentName, WERKAGENDA_ID, type DocumentRef } from '../../collab/documents.ts';
import { getProjectHeader } from './project-headers.ts';
import { loadTafel } from './tafel-ref.ts';

/** 'comment': reads and comments, writes nothing (a participant); 'read-only' reads only (an observer). */
export type DocumentAccess = 'none' | 'read-only' | 'comment' | 'read-write';

/** A document as the policy sees it, for the socket, threads and exports alike. */
export interface ResolvedDocument {
	ref: DocumentRef;
	resource: Resource;
	/** The organisation owning the record (a project's owner); null for platform documents. */
	ownerOrganisationId: string | null;
	projectId: string | null;
	title: string;
}

/** The document if the actor may read it; unknown names and invisible records are null alike. */
export async function resolveDocument(actor: Actor, name: string): Promise<ResolvedDocument | null> {
	const ref = parseDocumentName(name);
	if (!ref) return null;
	if (ref.kind === 'project') {
		// Concept projects of other organisations do not exist as far as this actor knows.
		const project = await getProjectHeader(actor, ref.id);
		if (!project) return null;
		const resource = projectDocument({ ownerOrganisationId: project.ownerOrganisationId, visibility: project.visibility, archived: project.archivedAt !== null });
		return { ref, resource, ownerOrganisationId: project.ownerOrganisationId, projectId: project.id, title: `${project.code} · ${project.title}` };
	}
	if (ref.kind === 'tafel-notes') {
		// The notes exist with their tafel; the rights come from its invitations (permissions.ts).
		const tafel = await loadTafel(ref.id);
		if (!tafel) return null;
		const resource: Resource = { kind: 'document', docKind: 'tafel-notes', tafel: tafel.ref };
		if (!can(actor, 'read', resource)) return null;
		return { ref, resource, ownerOrganisationId: null, projectId: null, title: tafel.row.title };
	}
	// Only documents whose record exists are served: the platform's one Werkagenda. Any
	// other name is refused like an invisible one.
	if (ref.kind === 'werkagenda' && ref.id !== WERKAGENDA_ID) return null;
	const resource: Resource = { kind: 'document', docKind: ref.kind };
	if (!can(actor, 'read', resource)) return null;
	return { ref, resource, ownerOrganisationId: null, projectId: null, title: ref.kind === 'werkagenda' ? 'Werkagenda' : ref.name };
}

function modeFor(actor: Actor, resource: Resource): Exclude<DocumentAccess, 'none'> {
	if (can(actor, 'edit', resource)) return 'read-write';
	return can(actor, 'comment', resource) ? 'comment' : 'read-only';
}

/** What the actor may do with a document; 'none' alike for names nobody created and documents the actor may not see. */
export async function documentAccess(actor: Actor, ref: DocumentRef): Promise<DocumentAccess> {
	const document = await resolveDocument(actor, ref.name);
	return document ? modeFor(actor, document.resource) : 'none';
}
