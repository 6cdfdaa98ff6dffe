import type { Role } from '../../domain/roles.ts';

/** Demo-only accounts (README lists them); all share this password. */
export const DEMO_PASSWORD = 'tafel-demo';

export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; organisationId: string }[] = [
	{ email: 'beheerder@demo.tafel', name: 'Bea Beheerder', role: 'admin', organisationId: 'min-ez' },
	{ email: 'facilitator@demo.tafel', name: 'Frank Facilitator', role: 'facilitator', organisationId: 'ipo' },
	{ email: 'lid.ezk@demo.tafel', name: 'Eva de Vries', role: 'member', organisationId: 'min-ez' },
	{ email: 'lid.brabant@demo.tafel', name: 'Bram van Dijk', role: 'member', organisationId: 'prov-nb' },
	{ email: 'deelnemer@demo.tafel', name: 'Dewi Jansen', role: 'participant', organisationId: 'bom' },
	{ email: 'waarnemer@demo.tafel', name: 'Wout Bakker', role: 'observer', organisationId: 'vng' }
];
