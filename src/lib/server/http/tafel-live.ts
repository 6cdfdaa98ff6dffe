/** The live endpoint's answers: the state, or a refusal with a sentence in the user's language. */
import { json } from '@sveltejs/kit';
import { m } from '../../paraglide/messages.js';
import { httpStatus } from '../../domain/errors.ts';
import type { LiveResult } from '../services/tafel-live.ts';

const problems: Record<string, () => string> = {
	'not-live': m.live_error_not_live,
	'bad-item': m.live_error_bad_item,
	'bad-project': m.live_error_bad_project,
	'bad-section': m.live_error_bad_section,
	'no-item': m.live_error_no_item,
	'bad-minutes': m.live_error_bad_minutes,
	'timer-too-long': m.live_error_timer_too_long,
	'not-in-queue': m.live_error_not_in_queue,
	'bad-dots': m.live_error_bad_dots,
	'bad-stacking': m.live_error_bad_stacking,
	'vote-open': m.live_error_vote_open,
	'too-few-options': m.live_error_too_few_options,
	'no-vote': m.live_error_no_vote,
	'bad-votes': m.live_error_bad_votes,
	'too-many-dots': m.live_error_too_many_dots
};

export function liveResponse(result: LiveResult): Response {
	if (result.ok) return json(result.state);
	const code = result.reason === 'invalid' ? (result.problem ?? 'invalid') : result.reason;
	const message = result.reason === 'not-found' ? m.api_not_found() : result.reason === 'forbidden' ? m.live_error_forbidden() : result.reason === 'rate-limited' ? m.live_error_rate_limited() : (problems[code] ?? m.api_bad_request)();
	return json({ error: code, message }, { status: httpStatus(result.reason) });
}
