import type { Actions, PageServerLoad } from './$types';
import { documentName } from '$lib/collab/documents';
import { loadVersionList, nameAction } from '$lib/server/http/version-pages';

export const load: PageServerLoad = (event) => loadVersionList(event, documentName.project(event.params.id.slice(0, 100)));

export const actions: Actions = {
	name: (event) => nameAction(event, documentName.project(event.params.id.slice(0, 100)))
};
