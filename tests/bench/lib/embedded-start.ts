/**
 * Our server on the embedded database started as a new user starts it (`npm start`: an
 * empty data folder, initdb, migrations, the demo data) and then started again on that
 * folder: the RSS of the process over the first 30 s after it listens, idle. The fan-out
 * rows' "RSS at start" comes from the bench's shortcut (a seeded template tarball unpacked
 * into a new folder), which grows PGlite's WebAssembly memory more than any real start.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ourServerEnv, spawnOurServer, TAFEL_LISTENING, untilListening } from '../../support/child-server.ts';
import { alive, OUTPUT_KEPT, rssMb, stopChild, track } from './procs.ts';
import { sleep } from './targets.ts';

export interface StartMemory {
	/** Highest RSS in the 30 s after listening, MB. */
	peakMb: number;
	/** RSS 30 s after listening, MB. */
	settledMb: number;
	/** Seconds from spawn to listening. */
	startS: number;
}

const WATCH_S = 30;

async function startOnce(dataDir: string): Promise<StartMemory> {
	const env = ourServerEnv({ dataDir, pgliteTemplate: '', databaseUrl: null, logLevel: 'warn' });
	delete env.ORIGIN;
	const spawned = performance.now();
	const child = track(spawnOurServer(env));
	try {
		await untilListening(child, { marker: TAFEL_LISTENING, name: 'our server (embedded start)', timeoutMs: 180_000, keepChars: OUTPUT_KEPT });
		const startS = (performance.now() - spawned) / 1000;
		let peakMb = 0;
		for (let i = 0; i < WATCH_S * 4; i++) {
			peakMb = Math.max(peakMb, rssMb(child.pid!));
			await sleep(250);
		}
		return { peakMb, settledMb: rssMb(child.pid!), startS };
	} finally {
		if (alive(child)) await stopChild(child, 15_000);
	}
}

/** First start on an empty folder, then a restart on it. */
export async function measureEmbeddedStarts(): Promise<{ first: StartMemory; restart: StartMemory }> {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tafel-bench-start-'));
	try {
		const first = await startOnce(dataDir);
		const restart = await startOnce(dataDir);
		return { first, restart };
	} finally {
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
}
