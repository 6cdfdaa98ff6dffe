import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { FIELD_KEYS } from '$lib/domain/project';
import { requireUpload } from '$lib/server/http/import-route';
import { cancelImport, mappingColumns, saveMapping } from '$lib/server/import/projects';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { upload } = await requireUpload(locals, url, params.id);
	if (upload.state.phase === 'done') redirect(303, `/projecten/import/${upload.id}/klaar`);
	return {
		id: upload.id,
		fileName: upload.fileName,
		rowCount: upload.rows.length,
		columns: mappingColumns(upload),
		remembered: upload.remembered,
		fields: FIELD_KEYS
	};
};

export const actions: Actions = {
	map: async ({ locals, url, params, request }) => {
		const { user, upload } = await requireUpload(locals, url, params.id);
		const form = await request.formData();
		const chosen = upload.headers.map((_, i) => String(form.get(`kolom-${i}`) ?? ''));
		const result = await saveMapping(user, upload, chosen);
		if (!result.ok) return fail(400, { problems: result.problems, targets: result.targets });
		redirect(303, `/projecten/import/${upload.id}/controle`);
	},
	cancel: async ({ locals, url, params }) => {
		await cancelImport((await requireUpload(locals, url, params.id)).user, params.id);
		redirect(303, '/projecten');
	}
};
