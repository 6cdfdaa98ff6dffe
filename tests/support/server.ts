/**
 * Starts the real production server (server/index.ts + the SvelteKit build) as a
 * child process on port 0, on a fresh PGlite folder from the template or a fresh
 * PostgreSQL database. Used by integration and e2e tests alike.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEMPLATE } from './paths.ts';
import { createTestDatabase } from './postgres.ts';
import { ourServerEnv, spawnOurServer, TAFEL_LISTENING, untilListening } from './child-server.ts';

export interface TestServer {
	url: string;
	port: number;
	dataDir: string;
	databaseUrl: string | null;
	child: ChildProcess;
	output(): string;
	/** SIGTERM and wait for exit; resolves to the exit code. */
	stop(): Promise<number | null>;
	/** SIGKILL: the crash of F1. */
	kill(): Promise<void>;
	/** Start again on the same data (after kill or stop). */
	restart(): Promise<TestServer>;
	/** Stop and remove the data. */
	dispose(): Promise<void>;
}

export interface StartOptions {
	database?: 'pglite' | 'postgres';
	env?: Record<string, string>;
	dataDir?: string;
	databaseUrl?: string;
	port?: number;
}

const STARTUP_TIMEOUT_MS = 60_000;

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
	let databaseUrl = options.databaseUrl ?? null;
	let dropDatabase: (() => Promise<void>) | null = null;
	if (options.database === 'postgres' && !databaseUrl) {
		const created = await createTestDatabase();
		databaseUrl = created.url;
		dropDatabase = created.drop;
	}
	const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tafel-test-'));
	const env = ourServerEnv(
		{ dataDir, port: options.port, pgliteTemplate: TEMPLATE, databaseUrl, redisUrl: options.env?.REDIS_URL, logLevel: process.env.TEST_LOG_LEVEL || 'warn' },
		options.env
	);
	const child = spawnOurServer(env);
	const { port, output } = await untilListening(child, { marker: TAFEL_LISTENING, name: 'our server', timeoutMs: STARTUP_TIMEOUT_MS });
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	const server: TestServer = {
		url: `http://127.0.0.1:${port}`,
		port,
		dataDir,
		databaseUrl,
		child,
		output,
		async stop() {
			if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
			child.kill('SIGTERM');
			return exited;
		},
		async kill() {
			if (child.exitCode !== null || child.signalCode !== null) return;
			child.kill('SIGKILL');
			await exited;
		},
		restart: () => startServer({ ...options, dataDir, databaseUrl: databaseUrl ?? undefined, port }),
		async dispose() {
			await server.stop();
			fs.rmSync(dataDir, { recursive: true, force: true });
			await dropDatabase?.();
		}
	};
	return server;
}
