import type { PageServerLoad } from './$types';
import { can } from '$lib/domain/permissions';
import { requireUser } from '$lib/server/http/guard';
import { documentName } from '$lib/collab/documents';
import type { AccessMode } from '$lib/collab/messages';
// The colour the collaboration server gives this user, so our own entry matches what others see.
import { organisationColor } from '$lib/collab/colors';
import { loadSinceNamed } from '$lib/server/http/version-pages';

export const load: PageServerLoad = async (event) => {
	const { locals, url } = event;
	const user = requireUser(locals, url);
	const access: AccessMode = can(user, 'edit', { kind: 'document', docKind: 'werkagenda' }) ? 'read-write' : 'read-only';
	return {
		docName: documentName.werkagenda(),
		access,
		canComment: can(user, 'comment', { kind: 'document', docKind: 'werkagenda' }),
		organisationName: user.organisationName,
		sinceNamed: await loadSinceNamed(event, documentName.werkagenda()),
		restored: url.searchParams.has('hersteld'),
		caretUser: {
			userId: user.userId,
			name: user.name,
			organisation: user.organisationAbbreviation,
			organisationId: user.organisationId,
			color: organisationColor(user.organisationId)
		}
	};
};
