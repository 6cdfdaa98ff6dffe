import { redirect } from '@sveltejs/kit';
import type { SessionUser } from '../auth/session.ts';
import { forbidden, requireUser } from './guard.ts';
import { mayImport, openUpload } from '../import/projects.ts';
import type { Upload } from '../import/store.ts';

/** Every import page and action: logged in, and allowed to create projects (else 403). */
export function importer(locals: App.Locals, url: URL): SessionUser {
	const user = requireUser(locals, url);
	if (!mayImport(user)) forbidden();
	return user;
}

/** The user's own upload; an expired or unknown one sends them back to step 1 with a note. */
export async function requireUpload(locals: App.Locals, url: URL, id: string): Promise<{ user: SessionUser; upload: Upload }> {
	const user = importer(locals, url);
	const upload = await openUpload(user, id);
	if (!upload) redirect(303, '/projecten/import?verlopen=1');
	return { user, upload };
}
