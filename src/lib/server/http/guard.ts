import { error, redirect } from '@sveltejs/kit';
import type { SessionUser } from '../auth/session.ts';

/** Pages and actions behind login: send strangers to the login page and back afterwards. */
export function requireUser(locals: App.Locals, url: URL): SessionUser {
	if (locals.user) return locals.user;
	const back = url.pathname + url.search;
	redirect(303, `/login?terug=${encodeURIComponent(back)}`);
}

/** Only a local path may be a post-login destination: no open redirect. */
export function safeReturnPath(raw: string | null): string {
	if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
	return raw;
}

export function forbidden(): never {
	error(403, 'Geen toegang');
}
