import { json } from '@sveltejs/kit';
import { readiness } from '$lib/server/readiness';

/** Readiness for load balancers: 503 with the failed check named until this instance can serve. */
export async function GET() {
	const { ready, checks } = await readiness();
	return json({ status: ready ? 'ok' : 'unavailable', checks }, { status: ready ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
