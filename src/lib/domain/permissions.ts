import type { Role } from './roles.ts';

/** Who is asking: taken from the session, never from the client. */
export interface Actor {
	userId: string;
	organisationId: string;
	role: Role;
}

export type Action = 'read' | 'comment' | 'edit' | 'manage';

/**
 * What is asked about. Scoped resources carry the organisation that owns them and
 * whether they are shared with the platform or internal to that organisation.
 */
export type Resource =
	| { kind: 'platform' }
	| { kind: 'users' }
	| { kind: 'organisations' }
	| { kind: 'account'; userId: string }
	| { kind: 'document'; docKind: DocumentKind; scope?: Scope; archived?: boolean; tafel?: TafelRef }
	| { kind: 'project'; ownerOrganisationId: string; visibility: 'concept' | 'platform'; archived: boolean }
	| { kind: 'inventory' }
	/** Brede tafels as a whole: edit = create one. */
	| { kind: 'tafels' }
	/** One brede tafel: read = see it and its agenda; comment = propose agenda items; edit = write its notes; manage = everything a facilitator does. */
	| { kind: 'tafel'; tafel: TafelRef };

/** What the policy needs to know of a brede tafel: who is invited and whether it is still open. */
export interface TafelRef {
	status: 'planned' | 'closed';
	invitedOrganisationIds: readonly string[];
	invitedUserIds: readonly string[];
	/** The minutes made on closing: 'draft' while the table comments on them, then 'final'. */
	minutes?: 'draft' | 'final' | null;
}

export type DocumentKind = 'werkagenda' | 'project' | 'tafel-notes';

export interface Scope {
	organisationId: string;
	/** 'organisation' = internal/concept: invisible outside the owning organisation. */
	visibility: 'platform' | 'organisation';
}

type Matrix = Record<Exclude<Resource['kind'], 'account' | 'document' | 'project' | 'tafel'> | `document:${DocumentKind}`, Record<Action, readonly Role[]>>;

const everyone = ['admin', 'facilitator', 'member', 'participant', 'observer'] as const;
const commenters = ['admin', 'facilitator', 'member', 'participant'] as const;
const editors = ['admin', 'facilitator', 'member'] as const;
const adminOnly = ['admin'] as const;
const facilitators = ['admin', 'facilitator'] as const;
const none = [] as const;

/** The whole roles × actions table; the unit test walks every cell. */
export const MATRIX: Matrix = {
	platform: { read: everyone, comment: none, edit: none, manage: adminOnly },
	users: { read: adminOnly, comment: none, edit: adminOnly, manage: adminOnly },
	organisations: { read: everyone, comment: none, edit: adminOnly, manage: adminOnly },
	/** edit = create projects and import; manage = bulk operations. */
	inventory: { read: everyone, comment: commenters, edit: editors, manage: adminOnly },
	'document:werkagenda': { read: everyone, comment: commenters, edit: editors, manage: adminOnly },
	'document:project': { read: everyone, comment: commenters, edit: editors, manage: adminOnly },
	/** Creating a brede tafel: facilitators and admins. */
	tafels: { read: everyone, comment: none, edit: facilitators, manage: facilitators },
	/**
	 * The most a role may do with a tafel and its notes; the invitation narrows it further
	 * (see canTafel): an uninvited member reads, an invited member writes.
	 */
	'document:tafel-notes': { read: everyone, comment: commenters, edit: editors, manage: facilitators }
};

/** The project as a document resource: concept projects are internal to their organisation. */
export function projectDocument(project: { ownerOrganisationId: string; visibility: 'concept' | 'platform'; archived: boolean }): Resource {
	return {
		kind: 'document',
		docKind: 'project',
		scope: { organisationId: project.ownerOrganisationId, visibility: project.visibility === 'concept' ? 'organisation' : 'platform' },
		archived: project.archived
	};
}

/**
 * Which projects an actor may read, as data rather than a yes/no per project, so lists,
 * search and exports can ask the database: every shared (platform) project, and the
 * concept projects of the actor's own organisation; null = none at all. Archiving does
 * not change who may read. `server/policy-sql.ts` turns this into SQL, and
 * tests/integration/policy-sql.test.ts proves both forms agree with can() cell by cell.
 */
export function projectReadScope(actor: Actor | null | undefined): { ownOrganisationId: string } | null {
	if (!actor || !MATRIX['document:project'].read.includes(actor.role)) return null;
	return { ownOrganisationId: actor.organisationId };
}

/** The one access decision of Tafel: HTTP, websocket, exports and events all ask here. */
export function can(actor: Actor | null | undefined, action: Action, resource: Resource): boolean {
	if (!actor) return false;
	if (resource.kind === 'account') return actor.userId === resource.userId || actor.role === 'admin';
	if (resource.kind === 'tafel') return canTafel(actor, action, resource.tafel);
	// Notes without their tafel are refused: the rights come from the invitation.
	if (resource.kind === 'document' && resource.docKind === 'tafel-notes') return resource.tafel ? canTafel(actor, action, resource.tafel, true) : false;
	if (resource.kind === 'project') {
		if (action === 'manage') {
			// Archiving, restoring and sharing belong to the owning organisation (and admins).
			if (!can(actor, 'read', projectDocument(resource))) return false;
			return actor.role === 'admin' || (['facilitator', 'member'].includes(actor.role) && actor.organisationId === resource.ownerOrganisationId);
		}
		return can(actor, action, projectDocument(resource));
	}
	// An archived record is kept as it was: readable, not editable.
	if (resource.kind === 'document' && resource.archived && action === 'edit') return false;
	const key = resource.kind === 'document' ? (`document:${resource.docKind}` as const) : resource.kind;
	if (!MATRIX[key][action].includes(actor.role)) return false;
	if (resource.kind === 'document' && resource.scope?.visibility === 'organisation') {
		// Internal and concept material stays inside its organisation, for admins too.
		return resource.scope.organisationId === actor.organisationId;
	}
	return true;
}

/**
 * A record that names another one (a link, a timeline event, a notification, a link
 * suggestion) shows that reference only to those who may read the other record. A
 * record that is gone (null) is not shown either: a concept project of another
 * organisation does not exist for the reader, not even as "hidden".
 */
export function canSeeReference(actor: Actor | null | undefined, referenced: Resource | null): boolean {
	return referenced !== null && can(actor, 'read', referenced);
}

/** What the policy needs to know of a comment thread. */
export interface ThreadRef {
	authorId: string;
	organisationId: string;
	visibility: 'platform' | 'internal';
}

/**
 * Threads follow their document, and an internal thread stays inside the author's
 * organisation — for admins too, as internal documents do.
 */
export function canSeeThread(actor: Actor | null | undefined, thread: ThreadRef, document: Resource): boolean {
	if (!actor || !can(actor, 'read', document)) return false;
	return thread.visibility === 'platform' || thread.organisationId === actor.organisationId;
}

/** Replying needs the right to comment on the document and to see the thread. */
export function canReply(actor: Actor | null | undefined, thread: ThreadRef, document: Resource): boolean {
	return canSeeThread(actor, thread, document) && can(actor, 'comment', document);
}

/**
 * Resolving and reopening: the thread's author, members of the organisation that owns
 * the record (a project's owner), facilitators and admins.
 */
export function canResolveThread(actor: Actor | null | undefined, thread: ThreadRef, document: Resource, ownerOrganisationId: string | null): boolean {
	if (!actor || !canReply(actor, thread, document)) return false;
	if (actor.userId === thread.authorId || actor.role === 'admin' || actor.role === 'facilitator') return true;
	return actor.role === 'member' && ownerOrganisationId !== null && actor.organisationId === ownerOrganisationId;
}

/** Own comments can be edited and deleted; admins may delete any (moderation), never edit. */
export function canChangeComment(actor: Actor | null | undefined, comment: { authorId: string }, change: 'edit' | 'delete', thread: ThreadRef, document: Resource): boolean {
	if (!actor || !canSeeThread(actor, thread, document)) return false;
	if (comment.authorId === actor.userId) return can(actor, 'comment', document);
	return change === 'delete' && actor.role === 'admin';
}

/**
 * Restoring an old version of a document overwrites everyone's current work (as a new,
 * undoable change): editors of the document who are members of the organisation that
 * owns it, facilitators and admins. Naming a version needs only the right to edit.
 */
export function canRestoreVersion(actor: Actor | null | undefined, document: Resource, ownerOrganisationId: string | null): boolean {
	if (!actor || !can(actor, 'edit', document)) return false;
	if (actor.role === 'admin' || actor.role === 'facilitator') return true;
	return actor.role === 'member' && ownerOrganisationId !== null && actor.organisationId === ownerOrganisationId;
}

/** A link between two projects is taken back by whoever proposed it; admins remove any (moderation). */
export function canRemoveLink(actor: Actor | null | undefined, link: { proposedBy: string | null }): boolean {
	if (!actor) return false;
	return link.proposedBy === actor.userId || actor.role === 'admin';
}

/** A change to an account's role or activation, as the user administration asks it. */
export interface UserChangeRequest {
	role?: Role;
	active?: boolean;
}

/**
 * Whoever manages users may change anyone's role and activation, except that they
 * cannot deactivate themselves or take away their own right to manage users: the
 * platform is never left without someone who can undo a mistake.
 */
export function canChangeUser(actor: Actor | null | undefined, targetUserId: string, change: UserChangeRequest): boolean {
	if (!actor || !can(actor, 'manage', { kind: 'users' })) return false;
	if (targetUserId !== actor.userId) return true;
	if (change.active === false) return false;
	return change.role === undefined || can({ ...actor, role: change.role }, 'manage', { kind: 'users' });
}

/**
 * Invited to a tafel: named in person, or of an invited organisation with a role that
 * takes part (an observer of an invited organisation watches; invited in person, answers).
 */
export function isInvited(actor: Actor | null | undefined, tafel: TafelRef): boolean {
	if (!actor) return false;
	if (tafel.invitedUserIds.includes(actor.userId)) return true;
	return actor.role !== 'observer' && tafel.invitedOrganisationIds.includes(actor.organisationId);
}

/**
 * A brede tafel. Every platform user reads every tafel, its agenda, decisions and
 * actions, and its notes (read-only): the table coordinates shared projects in the open.
 * Any facilitator (not only the one who created it) and admins manage it — prepare,
 * decide on proposals, record decisions, actions and attendance, close — so a colleague
 * can take over. Invitees propose agenda items and comment on the notes; invited members
 * also write in them (a role's ceiling from the matrix still applies). Once closed,
 * nobody writes in the notes or proposes any more; managing stays (the minutes follow).
 * While the minutes are a draft, those who commented on the notes comment on them (the
 * threads are whole-record threads on the notes document; proposing stays closed);
 * once final, nobody does.
 */
function canTafel(actor: Actor, action: Action, tafel: TafelRef, notes = false): boolean {
	if (!MATRIX['document:tafel-notes'][action].includes(actor.role)) return false;
	if (action === 'read' || action === 'manage') return true;
	if (tafel.status === 'closed' && !(notes && action === 'comment' && tafel.minutes === 'draft')) return false;
	return actor.role === 'admin' || actor.role === 'facilitator' || isInvited(actor, tafel);
}

/** Finalising the minutes: whoever manages the tafel, once, while they are a draft. */
export function canFinaliseMinutes(actor: Actor | null | undefined, tafel: TafelRef): boolean {
	return !!actor && tafel.minutes === 'draft' && can(actor, 'manage', { kind: 'tafel', tafel });
}

/** Closing a tafel (milestone versions, draft minutes): whoever manages it, once. */
export function canCloseTafel(actor: Actor | null | undefined, tafel: TafelRef): boolean {
	return !!actor && tafel.status === 'planned' && can(actor, 'manage', { kind: 'tafel', tafel });
}

/** Answering an invitation (present, absent, represented): invitees, while the tafel is planned. */
export function canRespondToTafel(actor: Actor | null | undefined, tafel: TafelRef): boolean {
	return tafel.status === 'planned' && isInvited(actor, tafel);
}

/**
 * Marking an action done or open again: the people of the owning organisation who take
 * part (members and participants), the person it is assigned to, facilitators and admins.
 */
export function canCompleteAction(actor: Actor | null | undefined, action: { ownerOrganisationId: string; ownerUserId: string | null }): boolean {
	if (!actor) return false;
	if (actor.role === 'admin' || actor.role === 'facilitator' || actor.userId === action.ownerUserId) return true;
	return (actor.role === 'member' || actor.role === 'participant') && actor.organisationId === action.ownerOrganisationId;
}

/**
 * What can be done while a tafel runs live. 'steer' (start and end live mode, change the
 * item, show and summon, the timer, the floor and the queue, open and reveal a vote) is
 * managing the tafel. The rest is what a person at the table does for themselves — raise
 * or lower their own hand, react, cast their own dots, say they are here: invitees (and
 * those who manage it), only while it runs and the tafel is still open.
 */
export type TafelLiveAction = 'steer' | 'hand' | 'react' | 'vote' | 'presence';

export function canTafelLive(actor: Actor | null | undefined, action: TafelLiveAction, tafel: TafelRef, live: { active: boolean }): boolean {
	if (!actor || tafel.status !== 'planned') return false;
	const manages = can(actor, 'manage', { kind: 'tafel', tafel });
	if (action === 'steer') return manages;
	if (!live.active) return false;
	return manages || isInvited(actor, tafel);
}
