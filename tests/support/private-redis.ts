/**
 * A throw-away redis-server on a free loopback port, for tests with several instances:
 * never the shared one named by REDIS_URL, whose channels other runs may use at the
 * same time (the same scratch documents would meet there).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net, { type AddressInfo } from 'node:net';
import { until } from './collab-client.ts';

async function freePort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

export class PrivateRedis {
	#child: ChildProcess | null = null;
	private constructor(readonly port: number) {}

	static async start(): Promise<PrivateRedis> {
		const redis = new PrivateRedis(await freePort());
		await redis.#spawn();
		return redis;
	}

	get url() {
		return `redis://127.0.0.1:${this.port}`;
	}

	/** Starts it again on the same port (after kill: Redis coming back after an outage). */
	restart(): Promise<void> {
		return this.#spawn();
	}

	async #spawn(): Promise<void> {
		const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
		this.#child = child;
		let output = '';
		child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
		child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
		await until(() => output.includes('Ready to accept connections') || child.exitCode !== null, `redis-server on ${this.port}`);
		if (child.exitCode !== null) throw new Error(`redis-server exited:\n${output}`);
	}

	async kill(): Promise<void> {
		const child = this.#child;
		this.#child = null;
		if (!child || child.exitCode !== null || child.signalCode !== null) return;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.kill('SIGKILL');
		await exited;
	}
}
