import type { LayoutServerLoad } from './$types';
import { requireUser } from '$lib/server/http/guard';
import { attendedLiveState } from '$lib/server/services/tafel-live-state';

// Everything in (app) is behind login. Actions check again: layout loads don't run for them.
export const load: LayoutServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	// A live tafel this person takes part in: its bar stays on every page while it runs (read again on each navigation).
	return { live: await attendedLiveState(user) };
};
