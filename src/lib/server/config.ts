import path from 'node:path';

/** Everything Tafel reads from the environment, validated once. */
export interface Config {
	port: number;
	host: string;
	/** Public origin, e.g. https://tafel.example.nl; null = derive from the request. */
	origin: string | null;
	dataDir: string;
	databaseUrl: string | null;
	redisUrl: string | null;
	seedDemo: boolean;
	logLevel: string;
	/** A PGlite data-dir tarball to start from (tests: a migrated template). */
	pgliteTemplate: string | null;
	/** The first administrator of an empty database without demo data (ADMIN_EMAIL, ADMIN_NAME, ADMIN_ORGANISATION). */
	admin: { email: string; name: string; organisationId: string } | null;
}

function bool(value: string | undefined, fallback: boolean): boolean {
	if (value === undefined || value === '') return fallback;
	if (/^(1|true|yes|ja|on)$/i.test(value)) return true;
	if (/^(0|false|no|nee|off)$/i.test(value)) return false;
	throw new Error(`Expected a boolean (1/0), got "${value}"`);
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
	const port = Number(env.PORT ?? 3000);
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0–65535, got "${env.PORT}"`);
	const origin = env.ORIGIN ? new URL(env.ORIGIN).origin : null;
	const databaseUrl = env.DATABASE_URL || null;
	return {
		port,
		host: env.HOST || '0.0.0.0',
		origin,
		dataDir: path.resolve(env.DATA_DIR || './data'),
		databaseUrl,
		redisUrl: env.REDIS_URL || null,
		// Demo data is on by default for the embedded database only: a PostgreSQL
		// deployment is production unless it says otherwise.
		seedDemo: bool(env.SEED_DEMO, databaseUrl === null),
		logLevel: env.LOG_LEVEL || 'info',
		pgliteTemplate: env.PGLITE_TEMPLATE || null,
		admin: env.ADMIN_EMAIL ? { email: env.ADMIN_EMAIL, name: env.ADMIN_NAME || 'Beheerder', organisationId: env.ADMIN_ORGANISATION || 'min-ez' } : null
	};
}

let cached: Config | null = null;
export function config(): Config {
	cached ??= readConfig();
	return cached;
}
