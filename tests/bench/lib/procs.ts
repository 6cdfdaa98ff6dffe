/**
 * Child processes of the bench: every server is registered here and killed when the
 * bench ends, however it ends; spawned bound (tests/support/child.ts), so a bench killed
 * with -9 leaves none behind either. CPU and RSS of a child are read from /proc.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { spawnBound } from '../../support/child.ts';
import { ROOT } from '../../support/paths.ts';
import { untilListening } from '../../support/child-server.ts';

export const ANCHORS_DIR = path.join(ROOT, 'tests/bench/anchors');

/** Characters of a child's output the bench keeps: a chatty child must not grow the runner's memory without end. */
export const OUTPUT_KEPT = 2_000_000;

const children = new Set<ChildProcess>();

export function track(child: ChildProcess): ChildProcess {
	children.add(child);
	child.once('exit', () => children.delete(child));
	return child;
}

export function alive(child: ChildProcess): boolean {
	return child.exitCode === null && child.signalCode === null;
}

/** SIGKILL every child still running (synchronous: usable from 'exit'). */
export function killAll(): void {
	for (const child of children) if (alive(child)) child.kill('SIGKILL');
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the child has exited. */
export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
	if (!alive(child)) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	child.kill('SIGTERM');
	const timer = setTimeout(() => alive(child) && child.kill('SIGKILL'), graceMs);
	await exited;
	clearTimeout(timer);
}

let clockTicks: number | null = null;
function ticksPerSecond(): number {
	if (clockTicks === null) {
		try {
			clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
		} catch {
			clockTicks = 100;
		}
	}
	return clockTicks;
}

/** User + system CPU seconds a process has used so far (0 when it is gone). */
export function cpuSeconds(pid: number): number {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name may hold spaces: fields are counted after its closing parenthesis.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond();
	} catch {
		return 0;
	}
}

/**
 * CPU seconds of a process' live threads from /proc/<pid>/task/<tid>/schedstat, in
 * nanoseconds: fine enough for a window of milliseconds (the ticks of cpuSeconds are
 * 10 ms). A thread that exits within the window takes its time with it, so long windows
 * use cpuSeconds. Falls back to cpuSeconds where schedstat is missing.
 */
export function cpuSecondsFine(pid: number): number {
	try {
		let ns = 0;
		for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
			try {
				ns += Number(fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
			} catch {
				// the thread ended between the listing and the read
			}
		}
		return ns / 1e9;
	} catch {
		return cpuSeconds(pid);
	}
}

/** Resident set size in MB (0 when the process is gone). */
export function rssMb(pid: number): number {
	try {
		const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) / 1024 : 0;
	} catch {
		return 0;
	}
}

export interface Usage {
	/** CPU of all the processes together, in % of one core, over the window. */
	cpuPct: number;
	/** Highest sum of RSS seen while sampling, MB. */
	rssMaxMb: number;
	/** Sum of RSS at the end, MB. */
	rssEndMb: number;
	seconds: number;
}

/** Samples CPU and RSS of some processes (summed) over a window. */
export function sampleUsage(pids: number[], everyMs = 250): { stop(): Usage } {
	const started = performance.now();
	const cpu0 = pids.reduce((s, p) => s + cpuSeconds(p), 0);
	const rss = () => pids.reduce((s, p) => s + rssMb(p), 0);
	let rssMax = rss();
	const timer = setInterval(() => (rssMax = Math.max(rssMax, rss())), everyMs);
	return {
		stop() {
			clearInterval(timer);
			const seconds = (performance.now() - started) / 1000;
			const rssEnd = rss();
			const cpu = pids.reduce((s, p) => s + cpuSeconds(p), 0) - cpu0;
			return { cpuPct: (100 * cpu) / seconds, rssMaxMb: Math.max(rssMax, rssEnd), rssEndMb: rssEnd, seconds };
		}
	};
}

export interface AnchorProcess {
	child: ChildProcess;
	port: number;
	output(): string;
	stop(): Promise<void>;
}

/** Starts a script of tests/bench/anchors (its own node_modules) and waits for `ANCHOR_LISTENING <port>`. */
export async function spawnAnchor(script: string, env: Record<string, string | undefined>, timeoutMs = 90_000): Promise<AnchorProcess> {
	const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, PORT: '0' };
	// An undefined value removes the variable (YPERSISTENCE must be unset, not empty).
	for (const [key, value] of Object.entries(env)) if (value === undefined) delete childEnv[key];
	const child = track(spawnBound(process.execPath, [path.join(ANCHORS_DIR, script)], { cwd: ANCHORS_DIR, env: childEnv }));
	const { port, output } = await untilListening(child, { marker: /ANCHOR_LISTENING (\d+)/, name: script, timeoutMs, keepChars: OUTPUT_KEPT });
	return { child, port, output, stop: () => stopChild(child) };
}
