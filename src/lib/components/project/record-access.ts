import type { AccessMode } from '$lib/collab/messages';

export interface RecordRights {
	editable: boolean;
	canComment: boolean;
}

/**
 * What this person may do on the record now. The server's Access message decides once it
 * has arrived ('comment': read and comment, no writing), so a role changed while the page
 * is open applies at once; before it arrives, what the page was loaded with.
 */
export function recordRights(page: { canEdit: boolean; canComment: boolean; archived: boolean }, access: AccessMode | null): RecordRights {
	if (!access) return { editable: !page.archived && page.canEdit, canComment: page.canComment };
	return { editable: !page.archived && access === 'read-write', canComment: access !== 'read-only' };
}
