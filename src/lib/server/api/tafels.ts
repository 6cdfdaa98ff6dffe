/**
 * The JSON API's brede tafels (README "JSON API"): authorised like the pages, through
 * the same services; ids and ISO times, no labels.
 */
import type { Actor } from '../../domain/permissions.ts';
import { listTafels } from '../services/tafels.ts';
import { getTafelDetail } from '../services/tafels-detail.ts';

export async function apiTafelList(actor: Actor) {
	const { upcoming, past, all } = await listTafels(actor);
	return { scope: all ? 'all' : 'invited', upcoming, past };
}

export async function apiTafel(actor: Actor, id: string) {
	const t = await getTafelDetail(actor, id);
	if (!t) return null;
	return {
		id: t.id, title: t.title, startsAt: t.startsAt, durationMinutes: t.durationMinutes, place: t.place, onlineLink: t.onlineLink,
		description: t.description, themeId: t.themeId, series: t.series, status: t.status,
		invitations: t.invitations.map((i) => ({ organisationId: i.organisationId, userId: i.userId, response: i.response, representedBy: i.representedBy || null, respondedAt: i.respondedAt })),
		agenda: t.agenda.map((i) => ({
			id: i.id, position: i.position, title: i.title, minutes: i.minutes, note: i.note,
			projects: i.projects.map((p) => ({ id: p.id, code: p.code, title: p.title, status: p.status, openThreads: p.openThreads, linkType: p.linkType, sincePrevious: p.sincePrevious })),
			decisions: t.decisions.filter((d) => d.agendaItemId === i.id).map((d) => ({ id: d.id, text: d.text, createdAt: d.createdAt, projectIds: d.projects.map((p) => p.id) })),
			actions: t.actions.filter((a) => a.agendaItemId === i.id).map((a) => ({
				id: a.id, text: a.text, ownerOrganisationId: a.ownerOrganisationId, dueDate: a.dueDate, status: a.status, doneAt: a.doneAt, projectIds: a.projects.map((p) => p.id)
			}))
		})),
		proposals: t.proposals.map((i) => ({ id: i.id, title: i.title, status: i.status }))
	};
}
