import { describe, expect, test } from 'vitest';
import { can, canChangeComment, canChangeUser, canRemoveLink, canReply, canResolveThread, canRestoreVersion, canSeeReference, canSeeThread, type Action, type Actor, type Resource, type UserChangeRequest } from './permissions.ts';
import { ROLES, type Role } from './roles.ts';

import { actor, INVITED, UNINVITED } from './permissions.fixtures.ts';

// The expected matrix written out in full: a change to permissions.ts must change this table too.
// Columns: read, comment, edit, manage. Rows: admin, facilitator, member, participant, observer.
const EXPECTED: [string, Resource, Record<Role, string>][] = [
	['platform', { kind: 'platform' }, { admin: 'r--m', facilitator: 'r---', member: 'r---', participant: 'r---', observer: 'r---' }],
	['users', { kind: 'users' }, { admin: 'r-em', facilitator: '----', member: '----', participant: '----', observer: '----' }],
	['organisations', { kind: 'organisations' }, { admin: 'r-em', facilitator: 'r---', member: 'r---', participant: 'r---', observer: 'r---' }],
	['inventory', { kind: 'inventory' }, { admin: 'rcem', facilitator: 'rce-', member: 'rce-', participant: 'rc--', observer: 'r---' }],
	['werkagenda', { kind: 'document', docKind: 'werkagenda' }, { admin: 'rcem', facilitator: 'rce-', member: 'rce-', participant: 'rc--', observer: 'r---' }],
	['project', { kind: 'document', docKind: 'project' }, { admin: 'rcem', facilitator: 'rce-', member: 'rce-', participant: 'rc--', observer: 'r---' }],
	['tafels (create)', { kind: 'tafels' }, { admin: 'r-em', facilitator: 'r-em', member: 'r---', participant: 'r---', observer: 'r---' }],
	// Notes named without their tafel: refused, the rights come from the invitation.
	['tafel notes without tafel', { kind: 'document', docKind: 'tafel-notes' }, { admin: '----', facilitator: '----', member: '----', participant: '----', observer: '----' }],
	['tafel notes, own organisation invited', { kind: 'document', docKind: 'tafel-notes', tafel: INVITED }, { admin: 'rcem', facilitator: 'rcem', member: 'rce-', participant: 'rc--', observer: 'r---' }],
	['tafel notes, not invited', { kind: 'document', docKind: 'tafel-notes', tafel: UNINVITED }, { admin: 'rcem', facilitator: 'rcem', member: 'r---', participant: 'r---', observer: 'r---' }],
	['tafel notes, closed', { kind: 'document', docKind: 'tafel-notes', tafel: { ...INVITED, status: 'closed' } }, { admin: 'r--m', facilitator: 'r--m', member: 'r---', participant: 'r---', observer: 'r---' }],
	['tafel, own organisation invited', { kind: 'tafel', tafel: INVITED }, { admin: 'rcem', facilitator: 'rcem', member: 'rce-', participant: 'rc--', observer: 'r---' }],
	['tafel, not invited', { kind: 'tafel', tafel: UNINVITED }, { admin: 'rcem', facilitator: 'rcem', member: 'r---', participant: 'r---', observer: 'r---' }]
];
const ACTIONS: Action[] = ['read', 'comment', 'edit', 'manage'];

describe('the permission matrix', () => {
	for (const [label, resource, row] of EXPECTED) {
		for (const role of ROLES) {
			test(`${role} on ${label}: ${row[role]}`, () => {
				const got = ACTIONS.map((a, i) => (can(actor(role), a, resource) ? 'rcem'[i] : '-')).join('');
				expect(got).toBe(row[role]);
			});
		}
	}
});

describe('scoped resources', () => {
	const internal: Resource = { kind: 'document', docKind: 'project', scope: { organisationId: 'prov-nb', visibility: 'organisation' } };
	const shared: Resource = { kind: 'document', docKind: 'project', scope: { organisationId: 'prov-nb', visibility: 'platform' } };

	test.each(ROLES)('a %s of another organisation cannot even read an internal document', (role) => {
		expect(can(actor(role, 'min-ez'), 'read', internal)).toBe(false);
	});

	test('members of the owning organisation read and edit internal documents', () => {
		expect(can(actor('member', 'prov-nb'), 'read', internal)).toBe(true);
		expect(can(actor('member', 'prov-nb'), 'edit', internal)).toBe(true);
		expect(can(actor('observer', 'prov-nb'), 'edit', internal)).toBe(false);
	});

	test('shared documents follow the role table for every organisation', () => {
		expect(can(actor('member', 'min-ez'), 'edit', shared)).toBe(true);
		expect(can(actor('participant', 'min-ez'), 'edit', shared)).toBe(false);
	});

	const ownConcept: Resource = { kind: 'project', ownerOrganisationId: 'prov-nb', visibility: 'concept', archived: false };
	const sharedProject: Resource = { kind: 'project', ownerOrganisationId: 'prov-nb', visibility: 'platform', archived: false };
	const archivedProject: Resource = { kind: 'project', ownerOrganisationId: 'prov-nb', visibility: 'platform', archived: true };

	test('a concept project is invisible outside its organisation, for admins too', () => {
		expect(can(actor('admin', 'min-ez'), 'read', ownConcept)).toBe(false);
		expect(can(actor('member', 'prov-nb'), 'edit', ownConcept)).toBe(true);
	});

	test('archiving and sharing belong to the owning organisation and admins', () => {
		expect(can(actor('member', 'prov-nb'), 'manage', sharedProject)).toBe(true);
		expect(can(actor('member', 'min-ez'), 'manage', sharedProject)).toBe(false);
		expect(can(actor('participant', 'prov-nb'), 'manage', sharedProject)).toBe(false);
		expect(can(actor('admin', 'min-ez'), 'manage', sharedProject)).toBe(true);
	});

	test('an archived project can be read and commented on but not edited', () => {
		expect(can(actor('member', 'prov-nb'), 'read', archivedProject)).toBe(true);
		expect(can(actor('member', 'prov-nb'), 'edit', archivedProject)).toBe(false);
		expect(can(actor('member', 'prov-nb'), 'manage', archivedProject)).toBe(true);
	});

	test('nobody without a session can do anything', () => {
		expect(can(null, 'read', { kind: 'platform' })).toBe(false);
	});

	test('an account is managed by its owner and by admins only', () => {
		expect(can(actor('observer'), 'manage', { kind: 'account', userId: 'u-observer' })).toBe(true);
		expect(can(actor('member'), 'manage', { kind: 'account', userId: 'someone-else' })).toBe(false);
		expect(can(actor('admin'), 'manage', { kind: 'account', userId: 'someone-else' })).toBe(true);
	});
});

describe('comment threads', () => {
	const doc: Resource = { kind: 'document', docKind: 'project', scope: { organisationId: 'prov-nb', visibility: 'platform' } };
	const concept: Resource = { kind: 'document', docKind: 'project', scope: { organisationId: 'prov-nb', visibility: 'organisation' } };
	const actor = (role: Role, organisationId: string, userId = `${role}-${organisationId}`): Actor => ({ userId, organisationId, role });
	const internal = { authorId: 'member-prov-nb', organisationId: 'prov-nb', visibility: 'internal' } as const;
	const shared = { authorId: 'participant-bom', organisationId: 'bom', visibility: 'platform' } as const;

	test('internal threads are seen by their organisation only, admins of others included', () => {
		expect(canSeeThread(actor('observer', 'prov-nb'), internal, doc)).toBe(true);
		for (const role of ROLES) expect(canSeeThread(actor(role, 'min-ez'), internal, doc), role).toBe(false);
		for (const role of ROLES) expect(canSeeThread(actor(role, 'min-ez'), shared, doc), role).toBe(true);
	});
	test('a thread on a concept project is as invisible as the project', () => {
		expect(canSeeThread(actor('admin', 'min-ez'), shared, concept)).toBe(false);
	});
	test('participants reply, observers only read', () => {
		expect(canReply(actor('participant', 'bom'), shared, doc)).toBe(true);
		expect(canReply(actor('observer', 'bom'), shared, doc)).toBe(false);
	});
	test('resolving: the author, members of the owning organisation, facilitators and admins', () => {
		expect(canResolveThread(actor('participant', 'bom'), shared, doc, 'prov-nb')).toBe(true);
		expect(canResolveThread(actor('member', 'prov-nb'), shared, doc, 'prov-nb')).toBe(true);
		expect(canResolveThread(actor('member', 'min-ez'), shared, doc, 'prov-nb')).toBe(false);
		expect(canResolveThread(actor('facilitator', 'ipo'), shared, doc, 'prov-nb')).toBe(true);
		expect(canResolveThread(actor('admin', 'min-ez'), shared, doc, 'prov-nb')).toBe(true);
		expect(canResolveThread(actor('participant', 'bom', 'other'), shared, doc, 'prov-nb')).toBe(false);
	});
	test('own comments can be edited and deleted; admins delete but never edit others', () => {
		const comment = { authorId: 'participant-bom' };
		expect(canChangeComment(actor('participant', 'bom'), comment, 'edit', shared, doc)).toBe(true);
		expect(canChangeComment(actor('member', 'bom'), comment, 'delete', shared, doc)).toBe(false);
		expect(canChangeComment(actor('admin', 'min-ez'), comment, 'delete', shared, doc)).toBe(true);
		expect(canChangeComment(actor('admin', 'min-ez'), comment, 'edit', shared, doc)).toBe(false);
	});
});

describe('references to other records', () => {
	const project = (ownerOrganisationId: string, visibility: 'concept' | 'platform', archived = false): Resource => ({ kind: 'project', ownerOrganisationId, visibility, archived });
	// Who may see a link, timeline event or suggestion naming the referenced record, per role. Readers are of min-ez.
	const CASES: [string, Resource | null, Record<Role, boolean>][] = [
		['a concept of another organisation', project('prov-nb', 'concept'), { admin: false, facilitator: false, member: false, participant: false, observer: false }],
		['an archived concept of another organisation', project('prov-nb', 'concept', true), { admin: false, facilitator: false, member: false, participant: false, observer: false }],
		['a concept of their own organisation', project('min-ez', 'concept'), { admin: true, facilitator: true, member: true, participant: true, observer: true }],
		['a platform project of another organisation', project('prov-nb', 'platform'), { admin: true, facilitator: true, member: true, participant: true, observer: true }],
		['an archived platform project', project('prov-nb', 'platform', true), { admin: true, facilitator: true, member: true, participant: true, observer: true }],
		['an internal document of another organisation', { kind: 'document', docKind: 'project', scope: { organisationId: 'prov-nb', visibility: 'organisation' } }, { admin: false, facilitator: false, member: false, participant: false, observer: false }],
		['a record that no longer exists', null, { admin: false, facilitator: false, member: false, participant: false, observer: false }]
	];
	for (const [label, referenced, expected] of CASES) {
		for (const role of ROLES) {
			test(`${role} ${expected[role] ? 'sees' : 'does not see'} a reference to ${label}`, () => {
				expect(canSeeReference(actor(role), referenced)).toBe(expected[role]);
			});
		}
	}
	test('without a session no reference is shown', () => {
		expect(canSeeReference(null, project('min-ez', 'platform'))).toBe(false);
	});
});

describe('removing a link between projects', () => {
	// Who may remove a link proposed by someone else, and one they proposed themselves, per role.
	const EXPECTED: Record<Role, { others: boolean; own: boolean }> = {
		admin: { others: true, own: true },
		facilitator: { others: false, own: true },
		member: { others: false, own: true },
		participant: { others: false, own: true },
		observer: { others: false, own: true }
	};
	for (const role of ROLES) {
		test(`a ${role} ${EXPECTED[role].others ? 'removes' : 'does not remove'} a link someone else proposed, and removes their own`, () => {
			expect(canRemoveLink(actor(role), { proposedBy: 'someone-else' })).toBe(EXPECTED[role].others);
			expect(canRemoveLink(actor(role), { proposedBy: `u-${role}` })).toBe(EXPECTED[role].own);
		});
	}
	test('a link whose proposer was removed (null) is removed by admins only; nobody without a session', () => {
		expect(canRemoveLink(actor('member'), { proposedBy: null })).toBe(false);
		expect(canRemoveLink(actor('admin'), { proposedBy: null })).toBe(true);
		expect(canRemoveLink(null, { proposedBy: 'u-member' })).toBe(false);
	});
});

describe('changing a user', () => {
	const CHANGES: [string, UserChangeRequest][] = [
		['make admin', { role: 'admin' }],
		['make facilitator', { role: 'facilitator' }],
		['make member', { role: 'member' }],
		['make participant', { role: 'participant' }],
		['make observer', { role: 'observer' }],
		['deactivate', { active: false }],
		['activate', { active: true }],
		['change nothing of role or activation', {}]
	];
	// An admin on themselves: everything except losing the right to manage users.
	const ON_SELF: Record<string, boolean> = {
		'make admin': true,
		'make facilitator': false,
		'make member': false,
		'make participant': false,
		'make observer': false,
		deactivate: false,
		activate: true,
		'change nothing of role or activation': true
	};
	for (const [label, change] of CHANGES) {
		for (const role of ROLES) {
			const onOther = role === 'admin';
			test(`a ${role} may ${onOther ? '' : 'not '}${label} another user`, () => {
				expect(canChangeUser(actor(role), 'someone-else', change)).toBe(onOther);
			});
			const onSelf = role === 'admin' && ON_SELF[label];
			test(`a ${role} may ${onSelf ? '' : 'not '}${label} themselves`, () => {
				expect(canChangeUser(actor(role), `u-${role}`, change)).toBe(onSelf);
			});
		}
	}
	test('nobody without a session changes anyone', () => {
		expect(canChangeUser(null, 'someone', { role: 'member' })).toBe(false);
	});
});

describe('restoring a version', () => {
	const doc: Resource = { kind: 'document', docKind: 'project', scope: { organisationId: 'prov-nb', visibility: 'platform' } };
	test('members of the owning organisation, facilitators and admins; not other members, participants or observers', () => {
		expect(canRestoreVersion(actor('member', 'prov-nb'), doc, 'prov-nb')).toBe(true);
		expect(canRestoreVersion(actor('facilitator', 'bom'), doc, 'prov-nb')).toBe(true);
		expect(canRestoreVersion(actor('admin', 'min-ez'), doc, 'prov-nb')).toBe(true);
		expect(canRestoreVersion(actor('member', 'bom'), doc, 'prov-nb')).toBe(false);
		expect(canRestoreVersion(actor('participant', 'prov-nb'), doc, 'prov-nb')).toBe(false);
		expect(canRestoreVersion(actor('observer', 'prov-nb'), doc, 'prov-nb')).toBe(false);
		expect(canRestoreVersion(null, doc, 'prov-nb')).toBe(false);
	});
	test('an archived record is not restored by anyone; the Werkagenda (no owner) by facilitators and admins', () => {
		expect(canRestoreVersion(actor('admin'), { ...doc, archived: true }, 'prov-nb')).toBe(false);
		const werkagenda: Resource = { kind: 'document', docKind: 'werkagenda' };
		expect(canRestoreVersion(actor('facilitator'), werkagenda, null)).toBe(true);
		expect(canRestoreVersion(actor('member'), werkagenda, null)).toBe(false);
	});
});
