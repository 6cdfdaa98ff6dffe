import type { Actions, PageServerLoad } from './$types';
import { documentName } from '$lib/collab/documents';
import { loadVersion, restoreAction } from '$lib/server/http/version-pages';

export const load: PageServerLoad = (event) => loadVersion(event, documentName.werkagenda(), event.params.vid, null);

export const actions: Actions = {
	restore: (event) => restoreAction(event, documentName.werkagenda(), event.params.vid, '/werkagenda')
};
