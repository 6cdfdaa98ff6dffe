import type { Actions, PageServerLoad } from './$types';
import { documentName } from '$lib/collab/documents';
import { loadVersion, restoreAction } from '$lib/server/http/version-pages';

export const load: PageServerLoad = (event) => {
	const id = event.params.id.slice(0, 100);
	return loadVersion(event, documentName.project(id), event.params.vid, id);
};

export const actions: Actions = {
	restore: (event) => {
		const id = event.params.id.slice(0, 100);
		return restoreAction(event, documentName.project(id), event.params.vid, `/projecten/${id}`);
	}
};
