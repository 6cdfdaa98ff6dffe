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

type Messages = Record<string, (() => string) | undefined>;

/** An organisation type ("ministerie") by name; a type no list knows as itself. */
export function organisationTypeLabel(type: string): string {
	return (m as unknown as Messages)[`orgtype_${type}`]?.() ?? type.replaceAll('_', ' ');
}

/**
 * Who made a change, as the timeline and field history show it: a person's name as it is,
 * a system source (no person behind it) in the reader's language.
 */
// The name src/lib/server/seed/projects.ts writes for the demo inventory.
const SOURCES: Record<string, () => string> = { 'Inventarisatie (demo)': m.source_demo_inventory };
export function changedByLabel(name: string): string {
	return SOURCES[name]?.() ?? name;
}
