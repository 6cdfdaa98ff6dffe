import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

// Placeholder until the collaboration server lands: refuse every upgrade.
export async function handleUpgrade(_request: IncomingMessage, socket: Duplex, _head: Buffer): Promise<void> {
	socket.end('HTTP/1.1 503 Service Unavailable\r\n\r\n');
}

export async function closeCollab(): Promise<void> {}
