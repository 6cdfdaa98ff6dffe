import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { can } from '$lib/domain/permissions';
import { readInventoryQuery } from '$lib/domain/read-inventory-query';
import { requireUser } from '$lib/server/http/guard';
import { groupProjects, listProjects } from '$lib/server/services/inventory';
import { listOrganisations } from '$lib/server/services/organisations';
import { deleteView, listViews, saveView } from '$lib/server/services/saved-views';
import { gridRow } from '$lib/components/inventory/grid-row';
import { openThreadCounts } from '$lib/server/services/comments';

export const load: PageServerLoad = async ({ locals, url, depends }) => {
	const user = requireUser(locals, url);
	// Invalidated by the page when a project-changed event arrives (live list).
	depends('app:projects');
	const query = readInventoryQuery(url.searchParams);
	const [list, groups, views, organisations] = await Promise.all([
		listProjects(user, query),
		query.group ? groupProjects(user, query, query.group) : Promise.resolve(null),
		listViews(user),
		listOrganisations()
	]);
	const open = await openThreadCounts(user, list.rows.map((r) => r.id));
	return {
		query,
		rows: list.rows.map((r) => ({ ...gridRow(r), openComments: open.get(r.id) ?? 0 })),
		total: list.total,
		totals: list.totals,
		groups,
		views,
		organisations: organisations.map((o) => ({ id: o.id, name: o.name, type: o.type })),
		canCreate: can(user, 'edit', { kind: 'inventory' })
	};
};

export const actions: Actions = {
	saveView: async ({ locals, url, request }) => {
		const form = await request.formData();
		const name = String(form.get('name') ?? '');
		const query = readInventoryQuery(new URLSearchParams(String(form.get('query') ?? '').slice(0, 8000)));
		const result = await saveView(requireUser(locals, url), name, query);
		if (!result.ok) return fail(400, { viewError: result.reason, viewName: name.slice(0, 200) });
		return { viewSaved: name.trim() };
	},
	deleteView: async ({ locals, url, request }) => {
		const result = await deleteView(requireUser(locals, url), String((await request.formData()).get('id') ?? ''));
		if (!result.ok) return fail(404, { viewError: 'not-found' as const });
		return { viewDeleted: true };
	}
};
