import { describe, expect, test } from 'vitest';
import { can, canCloseTafel, canCompleteAction, canFinaliseMinutes, canRespondToTafel, canTafelLive, isInvited, type TafelRef } from './permissions.ts';
import { ROLES } from './roles.ts';
import { actor, INVITED, UNINVITED } from './permissions.fixtures.ts';

describe('brede tafels', () => {
	test('an organisation invitation makes its members and participants invitees, not its observers', () => {
		expect(isInvited(actor('member'), INVITED)).toBe(true);
		expect(isInvited(actor('participant'), INVITED)).toBe(true);
		expect(isInvited(actor('observer'), INVITED)).toBe(false);
		expect(isInvited(actor('member'), UNINVITED)).toBe(false);
	});

	test('a person invited by name is an invitee whatever the organisation, within the ceiling of their role', () => {
		const personal: TafelRef = { ...UNINVITED, invitedUserIds: ['u-observer', 'u-member'] };
		expect(isInvited(actor('observer'), personal)).toBe(true);
		expect(canRespondToTafel(actor('observer'), personal)).toBe(true);
		expect(can(actor('observer'), 'comment', { kind: 'tafel', tafel: personal })).toBe(false);
		expect(can(actor('member'), 'edit', { kind: 'document', docKind: 'tafel-notes', tafel: personal })).toBe(true);
	});

	test('answering an invitation: invitees of a planned tafel only', () => {
		expect(canRespondToTafel(actor('participant'), INVITED)).toBe(true);
		expect(canRespondToTafel(actor('member'), UNINVITED)).toBe(false);
		expect(canRespondToTafel(actor('facilitator'), UNINVITED)).toBe(false);
		expect(canRespondToTafel(actor('member'), { ...INVITED, status: 'closed' })).toBe(false);
		expect(canRespondToTafel(null, INVITED)).toBe(false);
	});

	test('closing and finalising: facilitators and admins, once each; the draft minutes take comments from invitees, final ones from nobody', () => {
		const closed = (minutes: 'draft' | 'final'): TafelRef => ({ ...INVITED, status: 'closed', minutes });
		for (const role of ['facilitator', 'admin'] as const) {
			expect(canCloseTafel(actor(role), INVITED)).toBe(true);
			expect(canCloseTafel(actor(role), closed('draft'))).toBe(false);
			expect(canFinaliseMinutes(actor(role), closed('draft'))).toBe(true);
			expect(canFinaliseMinutes(actor(role), closed('final'))).toBe(false);
		}
		for (const role of ['member', 'participant', 'observer'] as const) {
			expect(canCloseTafel(actor(role, 'prov-nb'), INVITED)).toBe(false);
			expect(canFinaliseMinutes(actor(role, 'prov-nb'), closed('draft'))).toBe(false);
		}
		const notes = (tafel: TafelRef) => ({ kind: 'document' as const, docKind: 'tafel-notes' as const, tafel });
		expect(can(actor('participant', 'prov-nb'), 'comment', notes(closed('draft')))).toBe(true);
		expect(can(actor('participant', 'prov-nb'), 'comment', notes(closed('final')))).toBe(false);
		expect(can(actor('member', 'prov-nb'), 'edit', notes(closed('draft')))).toBe(false);
		expect(can(actor('member', 'bom'), 'comment', notes(closed('draft')))).toBe(false);
		expect(can(actor('observer', 'prov-nb'), 'comment', notes(closed('draft')))).toBe(false);
		// Commenting on the minutes is not proposing agenda items.
		expect(can(actor('participant', 'prov-nb'), 'comment', { kind: 'tafel', tafel: closed('draft') })).toBe(false);
	});

	test('any facilitator manages any tafel, whoever created it; members never do', () => {
		expect(can(actor('facilitator', 'ipo'), 'manage', { kind: 'tafel', tafel: UNINVITED })).toBe(true);
		expect(can(actor('member', 'prov-nb'), 'manage', { kind: 'tafel', tafel: UNINVITED })).toBe(false);
	});

	const action = { ownerOrganisationId: 'prov-nb', ownerUserId: 'u-someone' };
	test.each([
		['member', 'prov-nb', true],
		['participant', 'prov-nb', true],
		['observer', 'prov-nb', false],
		['member', 'min-ez', false],
		['facilitator', 'ipo', true],
		['admin', 'min-ez', true]
	] as const)('a %s of %s may mark an action of Noord-Brabant done: %s', (role, organisation, allowed) => {
		expect(canCompleteAction(actor(role, organisation), action)).toBe(allowed);
	});

	test('the person an action is assigned to may mark it done, even as an observer elsewhere', () => {
		expect(canCompleteAction({ userId: 'u-someone', organisationId: 'vng', role: 'observer' }, action)).toBe(true);
		expect(canCompleteAction(null, action)).toBe(false);
	});
});

describe('a live tafel', () => {
	const running = { active: true };
	test.each(ROLES)('%s: steers only as facilitator or admin; takes part only when invited and while it runs', (role) => {
		const steers = role === 'admin' || role === 'facilitator';
		expect(canTafelLive(actor(role), 'steer', INVITED, running)).toBe(steers);
		expect(canTafelLive(actor(role), 'steer', INVITED, { active: false })).toBe(steers);
		for (const own of ['hand', 'react', 'vote', 'presence'] as const) {
			expect(canTafelLive(actor(role), own, INVITED, running)).toBe(role !== 'observer');
			expect(canTafelLive(actor(role), own, INVITED, { active: false })).toBe(false);
			expect(canTafelLive(actor(role), own, UNINVITED, running)).toBe(steers);
		}
	});
	test('a person invited in person takes part; nobody does anything once the tafel is closed', () => {
		expect(canTafelLive(actor('observer'), 'hand', { ...UNINVITED, invitedUserIds: ['u-observer'] }, running)).toBe(true);
		for (const action of ['steer', 'hand', 'react', 'vote', 'presence'] as const) expect(canTafelLive(actor('admin'), action, { ...INVITED, status: 'closed' }, running)).toBe(false);
		expect(canTafelLive(null, 'hand', INVITED, running)).toBe(false);
	});
});
