import type { PageServerLoad } from './$types';
import { can } from '$lib/domain/permissions';
import { requireUser } from '$lib/server/http/guard';
import { listTafels } from '$lib/server/services/tafels';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return { ...(await listTafels(user)), canCreate: can(user, 'edit', { kind: 'tafels' }) };
};
