/**
 * Spawns a child process bound to this one: it gets an IPC channel, and the child
 * (server/index.ts via server/parent.ts, the seed script, the anchor servers) exits on
 * its 'disconnect', which happens however this process ends — also on kill -9, where no
 * exit handler of ours runs. Output stays piped as before.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

export function spawnBound(command: string, args: string[], options: Omit<SpawnOptions, 'stdio'>): ChildProcess {
	const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
	// The channel is the child's lifeline, not a reason for this process to stay alive.
	child.channel?.unref();
	return child;
}
