import { m } from '$lib/paraglide/messages.js';
import type { Role } from '$lib/domain/roles';

/** Translated names for value lists; one place so every page words them the same. */
export function roleLabel(role: Role): string {
	return { admin: m.role_admin, facilitator: m.role_facilitator, member: m.role_member, participant: m.role_participant, observer: m.role_observer }[role]();
}

export function roleDescription(role: Role): string {
	return {
		admin: m.role_admin_description,
		facilitator: m.role_facilitator_description,
		member: m.role_member_description,
		participant: m.role_participant_description,
		observer: m.role_observer_description
	}[role]();
}

// Dates and times live in ./time.ts (one time zone for all); kept here for existing imports.
export { formatDateTime } from './time';
