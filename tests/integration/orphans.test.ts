/**
 * Child processes never outlive their runner: a runner killed with -9 (no exit handler
 * runs) leaves no server behind; it leaves within seconds.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, expect, test } from 'vitest';
import { until } from '../support/collab-client.ts';
import { ROOT } from '../support/paths.ts';

/** Gone, or a zombie waiting for a parent that does not reap it: either way it no longer runs. */
function running(pid: number): boolean {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
	} catch {
		return false;
	}
}

let leftover: { pid: number; dataDir: string } | null = null;
afterAll(() => {
	if (!leftover) return;
	if (running(leftover.pid)) process.kill(leftover.pid, 'SIGKILL');
	fs.rmSync(leftover.dataDir, { recursive: true, force: true });
});

test('a server started by a runner that is killed with -9 exits within seconds', async () => {
	const runner = spawn(process.execPath, ['--import', 'tsx', 'tests/support/server-runner.ts'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	runner.stdout!.on('data', (d: Buffer) => (output += d.toString()));
	runner.stderr!.on('data', (d: Buffer) => (output += d.toString()));
	await until(() => /RUNNER_SERVER \d+ \S+/.test(output) || runner.exitCode !== null, 'the runner started a server', 60_000);
	const [, pid, dataDir] = /RUNNER_SERVER (\d+) (\S+)/.exec(output) ?? [];
	expect(pid, output).toBeDefined();
	leftover = { pid: Number(pid), dataDir };
	expect(running(leftover.pid)).toBe(true);

	const runnerGone = new Promise((resolve) => runner.once('exit', resolve));
	runner.kill('SIGKILL');
	await runnerGone;
	await until(() => !running(leftover!.pid), 'the orphaned server exits', 5_000);
});
