import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { mappingProblems } from '$lib/domain/import-mapping';
import { requireUpload } from '$lib/server/http/import-route';
import { cancelImport, confirmImport, importReport, mayShare, type ReportFilter } from '$lib/server/import/projects';

// URL words are Dutch: people share and bookmark these links.
const FILTER_PARAM: Record<string, ReportFilter> = { problemen: 'problems', afgewezen: 'rejected', dubbel: 'duplicate', geaccepteerd: 'accepted', alle: 'all' };

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { user, upload } = await requireUpload(locals, url, params.id);
	if (upload.state.phase === 'done') redirect(303, `/projecten/import/${upload.id}/klaar`);
	if (mappingProblems(upload.targets).length) redirect(303, `/projecten/import/${upload.id}`);
	const filter = FILTER_PARAM[url.searchParams.get('toon') ?? ''] ?? null;
	const report = await importReport(user, upload, filter, Number(url.searchParams.get('pagina')) || 1);
	return { id: upload.id, fileName: upload.fileName, report, canShare: mayShare(user), organisation: user.organisationName };
};

export const actions: Actions = {
	confirm: async ({ locals, url, params, request }) => {
		const { user, upload } = await requireUpload(locals, url, params.id);
		const form = await request.formData();
		const visibility = form.get('zichtbaarheid') === 'platform' ? 'platform' : 'concept';
		const result = await confirmImport(user, upload, { visibility, fingerprint: String(form.get('vingerafdruk') ?? '') });
		if (!result.ok) return fail(result.reason === 'failed' ? 500 : 409, { error: result.reason, visibility });
		redirect(303, `/projecten/import/${upload.id}/klaar`);
	},
	cancel: async ({ locals, url, params }) => {
		await cancelImport((await requireUpload(locals, url, params.id)).user, params.id);
		redirect(303, '/projecten');
	}
};
