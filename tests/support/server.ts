/**
 * Starts the real production server (server/index.ts + the SvelteKit build) as a
 * child process on port 0, on a fresh PGlite folder from the template or a fresh
 * PostgreSQL database. Used by integration and e2e tests alike.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnBound } from './child.ts';
import { ROOT, TEMPLATE } from './paths.ts';
import { createTestDatabase } from './postgres.ts';

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
	const env: NodeJS.ProcessEnv = {
		...process.env,
		PORT: String(options.port ?? 0),
		HOST: '127.0.0.1',
		DATA_DIR: dataDir,
		PGLITE_TEMPLATE: TEMPLATE,
		SEED_DEMO: '1',
		LOG_LEVEL: process.env.TEST_LOG_LEVEL || 'warn',
		NODE_ENV: 'production',
		DATABASE_URL: databaseUrl ?? '',
		REDIS_URL: options.env?.REDIS_URL ?? '',
		...options.env
	};
	// Bound to this process: a killed test runner leaves no server behind.
	const child = spawnBound(process.execPath, ['--import', 'tsx', 'server/index.ts'], { cwd: ROOT, env });
	let output = '';
	child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
	child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
	const port = await new Promise<number>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), STARTUP_TIMEOUT_MS);
		const onData = () => {
			const match = /TAFEL_LISTENING (\d+)/.exec(output);
			if (match) {
				clearTimeout(timer);
				child.stdout!.off('data', onData);
				resolve(Number(match[1]));
			}
		};
		child.stdout!.on('data', onData);
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`server exited with ${code} during start:\n${output}`));
		});
	});
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	const server: TestServer = {
		url: `http://127.0.0.1:${port}`,
		port,
		dataDir,
		databaseUrl,
		child,
		output: () => output,
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
