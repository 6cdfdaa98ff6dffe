import postgres from 'postgres';

/** The PostgreSQL tier runs only when DATABASE_URL is set (CI sets it). */
export const PG_URL = process.env.DATABASE_URL || null;

/** A fresh database per test file, dropped afterwards: files never see each other's rows. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
	if (!PG_URL) throw new Error('DATABASE_URL not set');
	const name = `tafel_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
	const admin = postgres(PG_URL, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	await admin.end();
	const url = new URL(PG_URL);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		async drop() {
			const again = postgres(PG_URL!, { max: 1, onnotice: () => {} });
			await again.unsafe(`drop database if exists ${name} with (force)`);
			await again.end();
		}
	};
}
