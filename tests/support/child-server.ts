/**
 * Child servers of the tests and the bench. Every one of them (ours:
 * `TAFEL_LISTENING <port>`, the anchors: `ANCHOR_LISTENING <port>`) is given port 0
 * and prints such a line once it accepts connections; untilListening waits for it.
 */
import { spawnBound } from './child.ts';
import type { ChildProcess } from 'node:child_process';
import { ROOT } from './paths.ts';

/** What server/index.ts prints once it listens. */
export const TAFEL_LISTENING = /TAFEL_LISTENING (\d+)/;

export interface OurServerSettings {
	dataDir: string;
	port?: number;
	/** The migrated PGlite folder a fresh data folder starts from; '' for none. */
	pgliteTemplate: string;
	databaseUrl: string | null;
	redisUrl?: string;
	logLevel: string;
}

/** The environment our production server runs with under test: loopback, demo data, the settings given, then `extra`. */
export function ourServerEnv(settings: OurServerSettings, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	return {
		...process.env,
		PORT: String(settings.port ?? 0),
		HOST: '127.0.0.1',
		DATA_DIR: settings.dataDir,
		PGLITE_TEMPLATE: settings.pgliteTemplate,
		SEED_DEMO: '1',
		LOG_LEVEL: settings.logLevel,
		NODE_ENV: 'production',
		DATABASE_URL: settings.databaseUrl ?? '',
		REDIS_URL: settings.redisUrl ?? '',
		...extra
	};
}

/** Spawns our production server (server/index.ts + the SvelteKit build) with stdout and stderr piped. */
/** Our server as a child bound to this process: a killed runner leaves no server behind. */
export function spawnOurServer(env: NodeJS.ProcessEnv, nodeArgs: string[] = []): ChildProcess {
	return spawnBound(process.execPath, [...nodeArgs, '--import', 'tsx', 'server/index.ts'], { cwd: ROOT, env });
}

export interface ListenOptions {
	/** What the child prints once it listens; the first group is the port. */
	marker: RegExp;
	/** Named in the error when the child does not start. */
	name: string;
	timeoutMs: number;
	/** Keep only about this many characters of output (the newest); unbounded when not given. */
	keepChars?: number;
}

export interface Listening {
	port: number;
	/** stdout and stderr of the child so far, interleaved as they arrived. */
	output(): string;
}

/**
 * Collects the output of a child spawned with piped stdout and stderr and resolves to
 * its port once it prints `marker`. Rejects when it exits first or does not start
 * within `timeoutMs`; a child that did not start in time is killed.
 */
export function untilListening(child: ChildProcess, options: ListenOptions): Promise<Listening> {
	let output = '';
	const append = (d: Buffer) => {
		output += d.toString();
		// Bounded on request: a chatty child must not grow the runner's memory without end.
		if (options.keepChars !== undefined && output.length > 2 * options.keepChars) output = output.slice(-options.keepChars);
	};
	child.stdout!.on('data', append);
	child.stderr!.on('data', append);
	const listening: Listening = { port: 0, output: () => output };
	return new Promise<Listening>((resolve, reject) => {
		const fail = (why: string) => {
			cleanUp();
			reject(new Error(`${options.name} ${why}:\n${output.slice(-4000)}`));
		};
		const timer = setTimeout(() => {
			fail(`did not start in ${options.timeoutMs} ms`);
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
		}, options.timeoutMs);
		const onData = () => {
			const match = options.marker.exec(output);
			if (!match) return;
			cleanUp();
			listening.port = Number(match[1]);
			resolve(listening);
		};
		const onExit = (code: number | null) => fail(`exited with ${code} during start`);
		const cleanUp = () => {
			clearTimeout(timer);
			child.stdout!.off('data', onData);
			child.off('exit', onExit);
		};
		child.stdout!.on('data', onData);
		child.once('exit', onExit);
	});
}
