import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readConfig } from './config.ts';

describe('configuration from the environment', () => {
	test('nothing set gives a working embedded instance', () => {
		const cfg = readConfig({});
		expect(cfg).toMatchObject({ port: 3000, host: '0.0.0.0', origin: null, databaseUrl: null, redisUrl: null, redisPrefix: 'tafel', seedDemo: true, logLevel: 'info', bodySizeLimit: '11M', admin: null });
		expect(cfg.dataDir).toBe(path.resolve('data'));
		expect(cfg.migrationsDir).toBe(path.resolve('drizzle'));
		expect(cfg.buildDir).toBe(path.resolve('build'));
		expect(cfg.collab).toMatchObject({ maxFrameBytes: 2 * 1024 * 1024, messagesPerSecond: 60, idleUnloadMs: 30_000, commitIntervalMs: 25, compactAfterRows: 400 });
		// Metrics are readable from the machine itself only, until the operator says otherwise.
		expect(cfg.metrics).toEqual({
			token: null,
			allow: [
				{ address: '127.0.0.0', prefix: 8, family: 'ipv4' },
				{ address: '::1', prefix: 128, family: 'ipv6' }
			]
		});
	});

	test('metrics access: a token, address ranges, or the token alone', () => {
		const cfg = readConfig({ METRICS_TOKEN: 'geheim-token-van-de-beheerder', METRICS_ALLOW: '10.0.0.0/8, 192.168.1.7, fd00::/8' });
		expect(cfg.metrics).toEqual({
			token: 'geheim-token-van-de-beheerder',
			allow: [
				{ address: '10.0.0.0', prefix: 8, family: 'ipv4' },
				{ address: '192.168.1.7', prefix: 32, family: 'ipv4' },
				{ address: 'fd00::', prefix: 8, family: 'ipv6' }
			]
		});
		expect(readConfig({ METRICS_TOKEN: 'geheim-token-van-de-beheerder', METRICS_ALLOW: 'none' }).metrics.allow).toEqual([]);
	});

	test('a bad metrics token is refused without echoing it', () => {
		expect(() => readConfig({ METRICS_TOKEN: 'kort' })).toThrowError(/^Tafel configuration: METRICS_TOKEN must be .*got "…"$/);
	});

	test('every setting is taken as given', () => {
		const cfg = readConfig({
			PORT: '0',
			ORIGIN: 'https://tafel.example.nl/pad',
			DATABASE_URL: 'postgres://tafel@db:5432/tafel',
			REDIS_URL: 'redis://cache:6379',
			REDIS_PREFIX: 'tafel-acc.2',
			LOG_LEVEL: 'debug',
			BODY_SIZE_LIMIT: '20M',
			BUILD_DIR: '/srv/tafel/build',
			ADMIN_EMAIL: ' Beheer@Example.NL ',
			ADMIN_NAME: 'Eerste Beheerder',
			ADMIN_ORGANISATION: 'prov-nb',
			COLLAB_IDLE_UNLOAD_MS: '500',
			COLLAB_MESSAGES_PER_SECOND: '2000'
		});
		expect(cfg).toMatchObject({ port: 0, origin: 'https://tafel.example.nl', databaseUrl: 'postgres://tafel@db:5432/tafel', redisUrl: 'redis://cache:6379', redisPrefix: 'tafel-acc.2', logLevel: 'debug', bodySizeLimit: '20M', buildDir: '/srv/tafel/build' });
		// PostgreSQL is production unless it says otherwise: no demo accounts.
		expect(cfg.seedDemo).toBe(false);
		expect(cfg.admin).toEqual({ email: 'beheer@example.nl', name: 'Eerste Beheerder', organisationId: 'prov-nb' });
		expect(cfg.collab.idleUnloadMs).toBe(500);
		expect(cfg.collab.messagesPerSecond).toBe(2000);
	});

	test('under the test runner the log is quiet unless LOG_LEVEL says otherwise', () => {
		expect(readConfig({ NODE_ENV: 'test' }).logLevel).toBe('warn');
		expect(readConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info' }).logLevel).toBe('info');
	});

	test('an empty value means the default', () => {
		expect(readConfig({ COLLAB_MAX_FRAME_BYTES: '', LOG_LEVEL: '', REDIS_URL: '', SEED_DEMO: '' })).toMatchObject({ logLevel: 'info', redisUrl: null, seedDemo: true });
	});

	// Each bad value stops the start with a message naming the variable.
	const BAD: [string, string][] = [
		['PORT', '70000'],
		['PORT', 'drieduizend'],
		['ORIGIN', 'tafel.example.nl'],
		['ORIGIN', 'ftp://tafel.example.nl'],
		['DATABASE_URL', 'mysql://db/tafel'],
		['DATABASE_URL', 'niet een url'],
		['REDIS_URL', 'localhost:6379x'],
		['REDIS_PREFIX', 'tafel:acc'],
		['REDIS_PREFIX', 'x'.repeat(65)],
		['SEED_DEMO', 'misschien'],
		['LOG_LEVEL', 'verbose'],
		['BODY_SIZE_LIMIT', '11 MB'],
		['ADMIN_EMAIL', 'beheer-at-example.nl'],
		['ADMIN_NAME', 'x'.repeat(121)],
		['COLLAB_MAX_FRAME_BYTES', 'twee megabyte'],
		['COLLAB_MAX_DOCUMENT_BYTES', '-1'],
		['COLLAB_MAX_PENDING_BYTES', '0'],
		['COLLAB_MESSAGES_PER_SECOND', '1.5'],
		['COLLAB_MESSAGE_BURST', '1e3'],
		['COLLAB_MAX_CONNECTIONS_PER_DOCUMENT', 'Infinity'],
		['COLLAB_MAX_CONNECTIONS_PER_USER', 'NaN'],
		['COLLAB_MAX_PENDING_UPGRADES', '99999999999999999999'],
		['COLLAB_IDLE_UNLOAD_MS', '30s'],
		['COLLAB_COMMIT_INTERVAL_MS', ' '],
		['COLLAB_COMPACT_AFTER_ROWS', '400 rows'],
		['METRICS_TOKEN', 'met spaties erin, zestien tekens'],
		['METRICS_ALLOW', '10.0.0.0/33'],
		['METRICS_ALLOW', 'localhost'],
		['METRICS_ALLOW', '10.0.0.0/8,,::1'],
		['METRICS_ALLOW', '::1/x']
	];
	test.each(BAD)('%s=%j is refused with an error naming the variable', (name, value) => {
		const env = name === 'ADMIN_NAME' ? { ADMIN_EMAIL: 'beheer@example.nl', [name]: value } : { [name]: value };
		expect(() => readConfig(env)).toThrowError(new RegExp(`^Tafel configuration: ${name} must be `));
	});
});
