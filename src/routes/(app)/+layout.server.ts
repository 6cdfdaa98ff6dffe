import type { LayoutServerLoad } from './$types';
import { requireUser } from '$lib/server/http/guard';

// Everything in (app) is behind login. Actions check again: layout loads don't run for them.
export const load: LayoutServerLoad = ({ locals, url }) => {
	requireUser(locals, url);
};
