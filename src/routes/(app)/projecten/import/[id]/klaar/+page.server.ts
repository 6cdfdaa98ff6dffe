import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireUpload } from '$lib/server/http/import-route';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { user, upload } = await requireUpload(locals, url, params.id);
	if (upload.state.phase !== 'done') redirect(303, `/projecten/import/${upload.id}/controle`);
	const { imported, skipped, visibility } = upload.state;
	return { imported, skipped, visibility, organisation: user.organisationName, gridHref: `/projecten?organisatie=${encodeURIComponent(user.organisationId)}` };
};
