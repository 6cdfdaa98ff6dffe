import type { PageServerLoad } from './$types';
import { readInventoryQuery } from '$lib/domain/read-inventory-query';
import { parseMeasure } from '$lib/domain/dashboard-measure';
import { requireUser } from '$lib/server/http/guard';
import { provinceMap } from '$lib/server/map';
import { groupProjects } from '$lib/server/services/inventory';
import { listOrganisations } from '$lib/server/services/organisations';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	// The grid's own filters: a dashboard link and a grid link select the same projects.
	const query = readInventoryQuery(url.searchParams);
	const [themes, provinces, instruments, organisations] = await Promise.all([
		groupProjects(user, query, 'theme'),
		groupProjects(user, query, 'province'),
		groupProjects(user, query, 'instrument'),
		listOrganisations()
	]);
	// Every project has exactly one theme (or none, one group), so the theme groups add up to the whole selection.
	const totals = themes.reduce(
		(sum, g) => ({ count: sum.count + g.count, totalBudget: sum.totalBudget + g.totalBudget, requestedAmount: sum.requestedAmount + g.requestedAmount }),
		{ count: 0, totalBudget: 0, requestedAmount: 0 }
	);
	return {
		query,
		measure: parseMeasure(url.searchParams),
		totals,
		groups: { theme: themes, province: provinces, instrument: instruments },
		map: provinceMap(),
		organisations: organisations.map((o) => ({ id: o.id, name: o.name }))
	};
};
