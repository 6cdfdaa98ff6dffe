import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { singleton } from '../../src/lib/server/singleton.ts';
import { seed } from '../../src/lib/server/seed/index.ts';

/** Runs the app's own seed against a database opened by the test harness. */
export async function initDatabaseWith(db: PgliteDatabase): Promise<void> {
	const holder = singleton<{ opening: unknown; current: unknown }>('db', () => ({ opening: null, current: null }));
	holder.current = { db, kind: 'pglite', close: async () => {} };
	try {
		await seed({ demo: true });
	} finally {
		holder.current = null;
	}
}
