import { asc, count, eq } from 'drizzle-orm';
import { can, type Actor } from '../../domain/permissions.ts';
import { validateName } from '../../domain/account.ts';
import { db } from '../db/client.ts';
import { organisations, users, type Organisation } from '../db/schema.ts';
import { log } from '../log.ts';

export const ORGANISATION_TYPES = [
	'ministerie',
	'uitvoeringsorganisatie',
	'financieringsinstelling',
	'koepelorganisatie',
	'provincie',
	'gemeente',
	'rom',
	'samenwerkingsverband',
	'regionaal_samenwerkingsverband',
	'ondernemersorganisatie',
	'koepel_topsectoren',
	'topsector',
	'kennisinstelling',
	'overig'
] as const;

export async function listOrganisations(options: { includeInactive?: boolean } = {}): Promise<Organisation[]> {
	const rows = await db().select().from(organisations).orderBy(asc(organisations.name));
	return options.includeInactive ? rows : rows.filter((o) => o.active);
}

/** For the admin page: every organisation, with how many users it has. */
export async function listOrganisationsWithCounts(): Promise<(Organisation & { members: number })[]> {
	const counts = await db().select({ id: users.organisationId, n: count() }).from(users).groupBy(users.organisationId);
	const byId = new Map(counts.map((c) => [c.id, c.n]));
	return (await listOrganisations({ includeInactive: true })).map((o) => ({ ...o, members: byId.get(o.id) ?? 0 }));
}

export interface OrganisationInput {
	id?: string;
	name: string;
	abbreviation: string;
	type: string;
	active?: boolean;
}

export type OrganisationProblem = 'name' | 'abbreviation' | 'type' | 'id' | 'id-taken';
export type OrganisationResult =
	| { ok: true; id: string }
	| { ok: false; reason: 'forbidden' | 'not-found' | OrganisationProblem };

function validate(input: OrganisationInput): { ok: false; reason: OrganisationProblem } | { ok: true; name: string; abbreviation: string; type: string } {
	const name = validateName(input.name, 160);
	if (!name.ok) return { ok: false, reason: 'name' };
	const abbreviation = validateName(input.abbreviation, 40);
	if (!abbreviation.ok) return { ok: false, reason: 'abbreviation' };
	if (!(ORGANISATION_TYPES as readonly string[]).includes(input.type)) return { ok: false, reason: 'type' };
	return { ok: true, name: name.value, abbreviation: abbreviation.value, type: input.type };
}

const tierOf = (type: string) =>
	type === 'provincie' ? 'provincie' : type === 'gemeente' ? 'gemeente' : ['ministerie', 'uitvoeringsorganisatie'].includes(type) ? 'rijk' : 'regio';

export async function createOrganisation(actor: Actor, input: OrganisationInput): Promise<OrganisationResult> {
	if (!can(actor, 'manage', { kind: 'organisations' })) return { ok: false, reason: 'forbidden' };
	const checked = validate(input);
	if (!checked.ok) return checked;
	const id = (input.id?.trim() || checked.abbreviation).toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
	if (!id || id.length > 60) return { ok: false, reason: 'id' };
	const existing = await db().select({ id: organisations.id }).from(organisations).where(eq(organisations.id, id));
	if (existing.length > 0) return { ok: false, reason: 'id-taken' };
	await db().insert(organisations).values({ id, name: checked.name, abbreviation: checked.abbreviation, type: checked.type, tier: tierOf(checked.type) });
	log.info({ event: 'organisation-created', id, by: actor.userId }, 'organisation created');
	return { ok: true, id };
}

export async function updateOrganisation(actor: Actor, id: string, input: OrganisationInput): Promise<OrganisationResult> {
	if (!can(actor, 'manage', { kind: 'organisations' })) return { ok: false, reason: 'forbidden' };
	const checked = validate(input);
	if (!checked.ok) return checked;
	const updated = await db()
		.update(organisations)
		.set({ name: checked.name, abbreviation: checked.abbreviation, type: checked.type, active: input.active ?? true, updatedAt: new Date() })
		.where(eq(organisations.id, id))
		.returning({ id: organisations.id });
	if (updated.length === 0) return { ok: false, reason: 'not-found' };
	log.info({ event: 'organisation-updated', id, by: actor.userId }, 'organisation updated');
	return { ok: true, id };
}
