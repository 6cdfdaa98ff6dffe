import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/http/guard';
import { tafelActions } from '$lib/server/http/tafel-actions';
import { getTafelDetail } from '$lib/server/services/tafels-detail';
import { inviteOptions } from '$lib/server/services/tafels';
import { agendaCandidates } from '$lib/server/services/tafels-candidates';
import { documentName } from '$lib/collab/documents';
import { organisationColor } from '$lib/collab/colors';
import { liveOnTafelPage } from '$lib/server/services/tafel-live-state';

export const load: PageServerLoad = async ({ locals, url, params, depends }) => {
	const user = requireUser(locals, url);
	depends('app:tafel');
	const tafel = await getTafelDetail(user, params.id);
	if (!tafel) error(404, 'Niet gevonden');
	return {
		tafel,
		// Owners an action can be given to: every active organisation (the invited ones first on the page).
		organisations: tafel.may.manage ? await inviteOptions() : [],
		// Only for those who prepare a planned tafel (null otherwise).
		candidates: tafel.may.manage && tafel.status === 'planned' ? await agendaCandidates(user, tafel.id) : null,
		docName: documentName.tafelNotes(tafel.id),
		// The whole live state at once, so someone arriving late sees where the table is.
		tafelLive: await liveOnTafelPage(user, tafel.id),
		organisationName: user.organisationName,
		created: url.searchParams.has('nieuw'),
		updated: url.searchParams.has('bijgewerkt'),
		caretUser: { userId: user.userId, name: user.name, organisation: user.organisationAbbreviation, organisationId: user.organisationId, color: organisationColor(user.organisationId) }
	};
};

export const actions: Actions = tafelActions;
