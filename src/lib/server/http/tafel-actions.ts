/**
 * The form actions of a tafel page, thin: read the form, call the service, turn its
 * answer into fail()/a result the page announces. Kept out of the route file so the
 * route stays a list of names.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import type { RequestEvent } from '@sveltejs/kit';
import { requireUser, forbidden } from './guard.ts';
import { respondToTafel } from '../services/tafels.ts';
import { addAgendaItem, decideProposal, moveAgendaItem, reorderAgenda } from '../services/tafels-agenda.ts';
import { closeTafel } from '../services/tafels-minutes.ts';
import { recordAction, recordAttendance, recordDecision, setActionStatus } from '../services/tafels-records.ts';

type Event = RequestEvent<{ id: string }>;
const text = (form: FormData, name: string, max = 6000) => String(form.get(name) ?? '').slice(0, max);

/** not-found and forbidden answer like a page would; the rest come back to the form. */
function refused(reason: string, extra: Record<string, unknown> = {}) {
	if (reason === 'not-found') error(404, 'Niet gevonden');
	if (reason === 'forbidden') forbidden();
	return fail(400, { problem: reason, ...extra });
}

async function read(event: Event) {
	return { user: requireUser(event.locals, event.url), form: await event.request.formData(), id: event.params.id };
}

export const tafelActions = {
	respond: async (event: Event) => {
		const { user, form, id } = await read(event);
		const result = await respondToTafel(user, id, text(form, 'response', 20), text(form, 'representedBy', 400));
		if (!result.ok && result.reason !== 'invalid') return refused(result.reason);
		if (!result.ok) return fail(400, { action: 'respond' as const, problem: result.problem ?? 'required' });
		return { done: 'respond' as const };
	},
	addItem: async (event: Event) => {
		const { user, form, id } = await read(event);
		const values = { title: text(form, 'title'), minutes: text(form, 'minutes', 10), note: text(form, 'note'), projects: text(form, 'projects', 2000) };
		const result = await addAgendaItem(user, id, values);
		if (!result.ok) return result.reason === 'invalid' ? fail(400, { action: 'addItem', errors: result.errors, unknownCodes: result.unknownCodes ?? [], values }) : refused(result.reason);
		return { done: 'addItem' as const, id: result.id };
	},
	decide: async (event: Event) => {
		const { user, form } = await read(event);
		const result = await decideProposal(user, text(form, 'item', 80), text(form, 'decision') === 'accept' ? 'accept' : 'decline');
		if (!result.ok) return refused(result.reason);
		return { done: 'decide' as const, id: result.id };
	},
	move: async (event: Event) => {
		const { user, form } = await read(event);
		const item = text(form, 'item', 80);
		const result = await moveAgendaItem(user, item, text(form, 'direction') === 'up' ? 'up' : 'down');
		if (!result.ok) return refused(result.reason, { action: 'move' });
		return { done: 'move' as const, id: item, position: result.position, count: result.count, direction: text(form, 'direction') };
	},
	reorder: async (event: Event) => {
		const { user, form, id } = await read(event);
		const result = await reorderAgenda(user, id, form.getAll('order').map(String).slice(0, 200));
		if (!result.ok) return refused(result.reason, { action: 'reorder' });
		return { done: 'reorder' as const };
	},
	decision: async (event: Event) => {
		const { user, form, id } = await read(event);
		const values = { agendaItemId: text(form, 'agendaItemId', 80), text: text(form, 'text'), projectIds: form.getAll('projectIds').map(String).slice(0, 50) };
		const result = await recordDecision(user, id, values);
		if (!result.ok) return result.reason === 'invalid' ? fail(400, { action: 'decision', item: values.agendaItemId, errors: result.errors, values }) : refused(result.reason);
		return { done: 'decision' as const, id: result.id, item: values.agendaItemId };
	},
	action: async (event: Event) => {
		const { user, form, id } = await read(event);
		const values = { agendaItemId: text(form, 'agendaItemId', 80), text: text(form, 'text'), ownerOrganisationId: text(form, 'ownerOrganisationId', 80), ownerUserId: text(form, 'ownerUserId', 80), dueDate: text(form, 'dueDate', 20), projectIds: form.getAll('projectIds').map(String).slice(0, 50) };
		const result = await recordAction(user, id, values);
		if (!result.ok) return result.reason === 'invalid' ? fail(400, { action: 'action', item: values.agendaItemId, errors: result.errors, values }) : refused(result.reason);
		return { done: 'action' as const, id: result.id, item: values.agendaItemId };
	},
	actionStatus: async (event: Event) => {
		const { user, form } = await read(event);
		const actionId = text(form, 'actionId', 80);
		const status = text(form, 'status') === 'done' ? 'done' : 'open';
		const result = await setActionStatus(user, actionId, status);
		if (!result.ok) return refused(result.reason);
		return { done: 'actionStatus' as const, id: actionId, status };
	},
	/** Closing: milestone versions and draft minutes, then to the minutes. */
	close: async (event: Event) => {
		const { user, id } = await read(event);
		const result = await closeTafel(user, id);
		if (!result.ok) return refused(result.reason);
		redirect(303, `/tafels/${id}/verslag?gesloten`);
	},
	attendance: async (event: Event) => {
		const { user, form, id } = await read(event);
		const result = await recordAttendance(user, id, form.getAll('present').map(String).slice(0, 1000));
		if (!result.ok) return refused(result.reason);
		return { done: 'attendance' as const };
	}
};
