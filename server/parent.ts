/**
 * A process started by a test or bench runner gets an IPC channel (tests/support/child.ts)
 * and leaves when that channel closes: the runner exited, or was killed with -9, which
 * no signal handler of the runner could have passed on. Without a channel (production,
 * a service manager) nothing changes.
 */
export function onParentGone(leave: () => void): void {
	if (!process.channel) return;
	process.once('disconnect', leave);
	// Listening for 'disconnect' refs the channel; it must not keep this process alive by itself.
	process.channel.unref();
}
