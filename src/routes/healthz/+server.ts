import { json } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';
import { databaseKind, db } from '$lib/server/db/client';

/** Liveness and database reachability for load balancers and orchestrators. */
export async function GET() {
	try {
		await db().execute(sql`select 1`);
		return json({ status: 'ok', database: databaseKind() });
	} catch {
		return json({ status: 'error', database: databaseKind() }, { status: 503 });
	}
}
