import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { FIELD_KEYS } from '$lib/domain/project';
import { forbidden } from '$lib/server/http/guard';
import { importer } from '$lib/server/http/import-route';
import { uploadSpreadsheet } from '$lib/server/import/projects';
import { IMPORT_MAX_BYTES } from '$lib/server/import/parse';

export const load: PageServerLoad = ({ locals, url }) => {
	importer(locals, url);
	return { expired: url.searchParams.has('verlopen'), fields: FIELD_KEYS, maxBytes: IMPORT_MAX_BYTES };
};

/** SvelteKit refuses a body over BODY_SIZE_LIMIT while it is read: that is "too large" too; a broken body is "no file". */
async function readForm(request: Request): Promise<FormData | 'too-large' | 'no-file'> {
	try {
		return await request.formData();
	} catch (err) {
		return (err as { status?: number }).status === 413 ? 'too-large' : 'no-file';
	}
}

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		const user = importer(locals, url);
		const form = await readForm(request);
		if (typeof form === 'string') return fail(form === 'too-large' ? 413 : 400, { error: form });
		const file = form.get('bestand');
		if (!(file instanceof File) || (file.size === 0 && !file.name)) return fail(400, { error: 'no-file' as const });
		if (file.size > IMPORT_MAX_BYTES) return fail(413, { error: 'too-large' as const });
		const result = await uploadSpreadsheet(user, file.name, new Uint8Array(await file.arrayBuffer()));
		if (!result.ok && result.reason === 'forbidden') forbidden();
		if (!result.ok) return fail(400, { error: result.reason, line: result.line ?? null });
		redirect(303, `/projecten/import/${result.id}`);
	}
};
