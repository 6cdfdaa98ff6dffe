/** Small helpers for the JSON endpoints that change things (comments, inbox). */
import { error, json } from '@sveltejs/kit';
import { m } from '../../paraglide/messages.js';
import type { SessionUser } from '../auth/session.ts';
import { httpStatus } from '../../domain/errors.ts';

export function requireApiUser(locals: App.Locals): SessionUser {
	if (!locals.user) error(401, m.api_not_logged_in());
	return locals.user;
}

/** The body as JSON, refused with 413 beyond `maxBytes` and 400 when it does not parse. */
export async function readJson(request: Request, maxBytes = 64_000): Promise<Record<string, unknown>> {
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > maxBytes) error(413, m.api_too_large());
	const text = await request.text();
	if (Buffer.byteLength(text) > maxBytes) error(413, m.api_too_large());
	try {
		const value = JSON.parse(text) as unknown;
		if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
	} catch {
		/* answered below */
	}
	error(400, m.api_bad_json());
}

/** A refused change: status by reason, the reason as a code and a sentence in the user's language. */
export function refusal(reason: string): Response {
	const messages: Record<string, () => string> = {
		'not-found': m.api_not_found,
		forbidden: m.api_forbidden,
		required: m.comment_error_required,
		'too-long': m.comment_error_too_long,
		'invalid-text': m.comment_error_invalid_text,
		'bad-anchor': m.comment_error_bad_anchor,
		'bad-visibility': m.comment_error_bad_visibility
	};
	return json({ error: reason, message: (messages[reason] ?? m.api_bad_request)() }, { status: httpStatus(reason) });
}
