import { m } from '$lib/paraglide/messages.js';

const titles: Record<string, () => string> = {
	inhoud: m.section_inhoud, planning: m.section_planning, regio: m.section_regio,
	beleid: m.section_beleid, financiering: m.section_financiering, contact: m.section_contact
};

/** The heading of a record section (SECTIONS in field-options.ts), in the user's language. */
export function sectionTitle(id: string): string {
	return (titles[id] ?? (() => id))();
}
