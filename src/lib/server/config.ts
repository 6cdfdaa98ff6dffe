import net from 'node:net';
import path from 'node:path';
import { validateEmail, validateName } from '../domain/account.ts';

/**
 * Every environment variable Tafel reads, read and validated here and nowhere else
 * (README "Configuration" lists them). A bad value stops the start with an error that
 * names the variable, instead of being silently replaced by a default.
 */
export interface Config {
	port: number;
	host: string;
	/** Public origin, e.g. https://tafel.example.nl; null = derive from the request. */
	origin: string | null;
	dataDir: string;
	databaseUrl: string | null;
	redisUrl: string | null;
	/** Start of every Redis channel name, so several Tafels can share one Redis (REDIS_PREFIX). */
	redisPrefix: string;
	seedDemo: boolean;
	logLevel: LogLevel;
	/** A PGlite data-dir tarball to start from (tests: a migrated template). */
	pgliteTemplate: string | null;
	/** Generated SQL migrations, applied at every start. */
	migrationsDir: string;
	/** The SvelteKit build (adapter-node output) that server/index.ts serves. */
	buildDir: string;
	/** Largest request body, in adapter-node's notation ("11M"); server/index.ts hands it to adapter-node. */
	bodySizeLimit: string;
	/** The first administrator of an empty database without demo data (ADMIN_EMAIL, ADMIN_NAME, ADMIN_ORGANISATION). */
	admin: { email: string; name: string; organisationId: string } | null;
	/** The numbers the collaboration server enforces (server/collab/limits.ts). */
	collab: CollabSettings;
	/** Who may read /metrics: a bearer token and/or client address ranges. */
	metrics: MetricsAccess;
	/** When automatic versions are taken and how long they are all kept (README "Version history"). */
	versions: VersionSettings;
}

export interface VersionSettings {
	/** VERSION_SETTLE_MS: editing quiet this long ends a burst (default 10 minutes). */
	settleMs: number;
	/** VERSION_AUTO_INTERVAL_MS: at most one automatic version per document in this time (default 1 hour). */
	minIntervalMs: number;
	/** VERSION_RETENTION_DAYS: automatic versions older than this are thinned to one per day (default 90). */
	retentionDays: number;
	/** VERSION_SWEEP_MS: how often this instance looks for settled documents (default 1 minute). */
	sweepMs: number;
}

/** An address range such as 10.0.0.0/8 or ::1/128. */
export interface AddressRange {
	address: string;
	prefix: number;
	family: 'ipv4' | 'ipv6';
}

export interface MetricsAccess {
	/** METRICS_TOKEN: `Authorization: Bearer <token>` admits from anywhere; null = no token. */
	token: string | null;
	/** METRICS_ALLOW: ranges admitted without a token (default loopback only; `none` = token only). */
	allow: AddressRange[];
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Each tunable collaboration limit: its variable and its default. */
const COLLAB_VARIABLES = {
	maxFrameBytes: ['COLLAB_MAX_FRAME_BYTES', 2 * 1024 * 1024],
	maxDocumentBytes: ['COLLAB_MAX_DOCUMENT_BYTES', 16 * 1024 * 1024],
	maxPendingBytes: ['COLLAB_MAX_PENDING_BYTES', 1024 * 1024],
	messagesPerSecond: ['COLLAB_MESSAGES_PER_SECOND', 60],
	messageBurst: ['COLLAB_MESSAGE_BURST', 300],
	maxConnectionsPerDocument: ['COLLAB_MAX_CONNECTIONS_PER_DOCUMENT', 250],
	maxConnectionsPerUser: ['COLLAB_MAX_CONNECTIONS_PER_USER', 30],
	maxPendingUpgrades: ['COLLAB_MAX_PENDING_UPGRADES', 100],
	idleUnloadMs: ['COLLAB_IDLE_UNLOAD_MS', 30_000],
	commitIntervalMs: ['COLLAB_COMMIT_INTERVAL_MS', 25],
	fanoutIntervalMs: ['COLLAB_FANOUT_INTERVAL_MS', 2],
	compactAfterRows: ['COLLAB_COMPACT_AFTER_ROWS', 400]
} as const satisfies Record<string, readonly [string, number]>;

export type CollabSettings = Record<keyof typeof COLLAB_VARIABLES, number>;

/** A setting that cannot be used: the message names the variable and what it should be. */
export class ConfigError extends Error {
	constructor(variable: string, expected: string, got: string) {
		super(`Tafel configuration: ${variable} must be ${expected}, got "${got}"`);
		this.name = 'ConfigError';
	}
}

type Env = Record<string, string | undefined>;

/** Unset and empty mean "use the default", as a blank line in an env file would suggest. */
const given = (env: Env, name: string): string | undefined => (env[name] === undefined || env[name] === '' ? undefined : env[name]);

function bool(env: Env, name: string, fallback: boolean): boolean {
	const value = given(env, name);
	if (value === undefined) return fallback;
	if (/^(1|true|yes|ja|on)$/i.test(value)) return true;
	if (/^(0|false|no|nee|off)$/i.test(value)) return false;
	throw new ConfigError(name, 'a boolean (1 or 0)', value);
}

function positiveInteger(env: Env, name: string, fallback: number): number {
	const value = given(env, name);
	if (value === undefined) return fallback;
	const number = Number(value);
	if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number <= 0) throw new ConfigError(name, 'a positive whole number', value);
	return number;
}

function url(env: Env, name: string, protocols: readonly string[]): string | null {
	const value = given(env, name);
	if (value === undefined) return null;
	let parsed: URL;
	try {
		parsed = new URL(value);
	} catch {
		throw new ConfigError(name, `a URL (${protocols.join(' or ')})`, value);
	}
	if (!protocols.includes(parsed.protocol)) throw new ConfigError(name, `a URL (${protocols.join(' or ')})`, value);
	return value;
}

function port(env: Env): number {
	// An empty PORT has always meant 0 (any free port); test harnesses rely on PORT=0.
	const value = env.PORT ?? '3000';
	const number = Number(value);
	if (!Number.isInteger(number) || number < 0 || number > 65535) throw new ConfigError('PORT', 'a port number 0–65535', value);
	return number;
}

function logLevel(env: Env): LogLevel {
	const value = given(env, 'LOG_LEVEL');
	if (value === undefined) return env.NODE_ENV === 'test' ? 'warn' : 'info';
	if (!(LOG_LEVELS as readonly string[]).includes(value)) throw new ConfigError('LOG_LEVEL', `one of ${LOG_LEVELS.join(', ')}`, value);
	return value as LogLevel;
}

function bodySizeLimit(env: Env): string {
	const value = given(env, 'BODY_SIZE_LIMIT') ?? '11M';
	// adapter-node's own notation: bytes, with an optional K, M or G, or Infinity.
	if (!/^(\d+[KMG]?|Infinity)$/i.test(value)) throw new ConfigError('BODY_SIZE_LIMIT', 'a size such as 512K, 11M or 1G', value);
	return value;
}

function admin(env: Env): Config['admin'] {
	const raw = given(env, 'ADMIN_EMAIL');
	if (raw === undefined) return null;
	const email = validateEmail(raw);
	if (!email.ok) throw new ConfigError('ADMIN_EMAIL', 'an e-mail address', raw);
	const rawName = given(env, 'ADMIN_NAME') ?? 'Beheerder';
	const name = validateName(rawName);
	if (!name.ok) throw new ConfigError('ADMIN_NAME', 'a name of at most 120 characters', rawName);
	return { email: email.value, name: name.value, organisationId: given(env, 'ADMIN_ORGANISATION') ?? 'min-ez' };
}

function collab(env: Env): CollabSettings {
	const entries = Object.entries(COLLAB_VARIABLES).map(([key, [name, fallback]]) => [key, positiveInteger(env, name, fallback)]);
	return Object.fromEntries(entries) as CollabSettings;
}

const LOOPBACK = '127.0.0.0/8,::1/128';

function addressRange(entry: string): AddressRange | null {
	const [address, prefixText, ...rest] = entry.trim().split('/');
	const version = net.isIP(address ?? '');
	if (version === 0 || rest.length) return null;
	const max = version === 4 ? 32 : 128;
	const prefix = prefixText === undefined ? max : Number(prefixText);
	if (!/^\d*$/.test(prefixText ?? '') || !Number.isInteger(prefix) || prefix < 0 || prefix > max) return null;
	return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

function metrics(env: Env): MetricsAccess {
	const token = given(env, 'METRICS_TOKEN') ?? null;
	// A short token is guessable, and whitespace in one is almost always a copy-paste slip.
	if (token !== null && !/^[\x21-\x7e]{16,}$/.test(token)) throw new ConfigError('METRICS_TOKEN', 'at least 16 printable characters without spaces', '…');
	const raw = given(env, 'METRICS_ALLOW') ?? LOOPBACK;
	if (raw.trim().toLowerCase() === 'none') return { token, allow: [] };
	const allow = raw.split(',').map(addressRange);
	if (allow.some((range) => range === null)) throw new ConfigError('METRICS_ALLOW', 'a comma-separated list of addresses or ranges (10.0.0.0/8, ::1/128) or none', raw);
	return { token, allow: allow as AddressRange[] };
}

function versions(env: Env): VersionSettings {
	return {
		settleMs: positiveInteger(env, 'VERSION_SETTLE_MS', 10 * 60_000),
		minIntervalMs: positiveInteger(env, 'VERSION_AUTO_INTERVAL_MS', 60 * 60_000),
		retentionDays: positiveInteger(env, 'VERSION_RETENTION_DAYS', 90),
		sweepMs: positiveInteger(env, 'VERSION_SWEEP_MS', 60_000)
	};
}

function redisPrefix(env: Env): string {
	const value = given(env, 'REDIS_PREFIX') ?? 'tafel';
	// No ':' — it separates the prefix from the rest of the channel name.
	if (!/^[A-Za-z0-9_.-]{1,64}$/.test(value)) throw new ConfigError('REDIS_PREFIX', 'at most 64 letters, digits, ".", "_" or "-"', value);
	return value;
}

function origin(env: Env): string | null {
	const value = url(env, 'ORIGIN', ['http:', 'https:']);
	return value === null ? null : new URL(value).origin;
}

export function readConfig(env: Env = process.env): Config {
	const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
	return {
		port: port(env),
		host: given(env, 'HOST') ?? '0.0.0.0',
		origin: origin(env),
		dataDir: path.resolve(given(env, 'DATA_DIR') ?? './data'),
		databaseUrl,
		redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
		redisPrefix: redisPrefix(env),
		// Demo data is on by default for the embedded database only: a PostgreSQL
		// deployment is production unless it says otherwise.
		seedDemo: bool(env, 'SEED_DEMO', databaseUrl === null),
		logLevel: logLevel(env),
		pgliteTemplate: given(env, 'PGLITE_TEMPLATE') ?? null,
		migrationsDir: path.resolve(given(env, 'MIGRATIONS_DIR') ?? 'drizzle'),
		buildDir: path.resolve(given(env, 'BUILD_DIR') ?? 'build'),
		bodySizeLimit: bodySizeLimit(env),
		admin: admin(env),
		collab: collab(env),
		metrics: metrics(env),
		versions: versions(env)
	};
}

let cached: Config | null = null;
/** The configuration of this process, read on first use (at start-up, before anything listens). */
export function config(): Config {
	cached ??= readConfig();
	return cached;
}
