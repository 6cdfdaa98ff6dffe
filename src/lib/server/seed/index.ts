import { count } from 'drizzle-orm';
import { db } from '../db/client.ts';
import { organisations, users } from '../db/schema.ts';
import { hashPassword } from '../auth/password.ts';
import { generateId } from '../auth/tokens.ts';
import { log } from '../log.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.ts';
import { organisationSeeds } from './organisations.ts';
import { seedDemoProjects } from './projects.ts';
import { seedDemoTafels } from './demo-tafels.ts';

/** Organisations are lookup data every instance needs; inserted once, then admin-owned. */
export async function seedOrganisations(): Promise<void> {
	const [{ n }] = await db().select({ n: count() }).from(organisations);
	if (n > 0) return;
	await db().insert(organisations).values(organisationSeeds());
	log.info({ count: organisationSeeds().length }, 'organisations seeded');
}

/** Demo accounts, only on an empty user table. */
export async function seedDemo(): Promise<void> {
	const [{ n }] = await db().select({ n: count() }).from(users);
	if (n > 0) return;
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	await db()
		.insert(users)
		.values(DEMO_ACCOUNTS.map((a) => ({ ...a, id: generateId(), passwordHash })));
	log.info({ count: DEMO_ACCOUNTS.length }, 'demo accounts seeded');
}

export async function seed(options: { demo: boolean }): Promise<void> {
	await seedOrganisations();
	if (options.demo) {
		await seedDemo();
		await seedDemoProjects();
		await seedDemoTafels();
	}
}
