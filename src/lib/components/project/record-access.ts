import type { AccessMode } from '$lib/collab/messages';

export interface RecordRights {
	editable: boolean;
	canComment: boolean;
}

/**
 * What this person may do on the record now. The server's Access message decides once it
 * has arrived, so a role changed while the page is open applies at once.
 *
 * `joined` is the first Access message of the session. It is read together with what the
 * page was loaded with: a server that does not yet send 'comment' says 'read-only' to a
 * participant, who may still comment. Any later change is taken as the server says it.
 */
export function recordRights(page: { canEdit: boolean; canComment: boolean; archived: boolean }, access: AccessMode | null, joined: AccessMode | null): RecordRights {
	if (!access) return { editable: !page.archived && page.canEdit, canComment: page.canComment };
	const canComment = access !== 'read-only' || (access === joined && page.canComment);
	return { editable: !page.archived && access === 'read-write', canComment };
}
