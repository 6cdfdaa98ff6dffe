/** The people and brede tafels the permission tests ask about. */
import type { Actor, TafelRef } from './permissions.ts';
import type { Role } from './roles.ts';

/** Someone of `role` in an organisation (EZK unless given). */
export const actor = (role: Role, organisationId = 'min-ez'): Actor => ({ userId: `u-${role}`, organisationId, role });
/** A tafel EZK's organisation is invited to, and one it is not. */
export const INVITED: TafelRef = { status: 'planned', invitedOrganisationIds: ['prov-nb', 'min-ez'], invitedUserIds: [] };
export const UNINVITED: TafelRef = { status: 'planned', invitedOrganisationIds: ['prov-nb'], invitedUserIds: [] };
