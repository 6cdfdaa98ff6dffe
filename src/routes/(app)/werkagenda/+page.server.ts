import type { PageServerLoad } from './$types';
import { can } from '$lib/domain/permissions';
import { requireUser } from '$lib/server/guard';
import { documentName } from '$lib/collab/documents';

export const load: PageServerLoad = ({ locals, url }) => {
	const user = requireUser(locals, url);
	return { docName: documentName.werkagenda(), canEdit: can(user, 'edit', { kind: 'document', docKind: 'werkagenda' }) };
};
