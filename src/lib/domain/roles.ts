/** The five roles of Tafel, from most to least rights. */
export const ROLES = ['admin', 'facilitator', 'member', 'participant', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
