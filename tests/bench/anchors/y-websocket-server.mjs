/**
 * Anchor 1: the reference y-websocket server (@y/websocket-server 0.1.1), as its own
 * bin starts it but on 127.0.0.1 and a free port. Persistence is off: YPERSISTENCE
 * is unset, so y-leveldb/leveldown are loaded but never opened and documents live in
 * memory only (never unloaded). No auth, no Origin check, no rate limits.
 * Prints `ANCHOR_LISTENING <port>` once listening.
 */
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { setupWSConnection, getPersistence } from '@y/websocket-server/utils';

if (getPersistence() !== null) throw new Error('bench anchor must run without YPERSISTENCE (in-memory)');
const wss = new WebSocketServer({ noServer: true });
const server = http.createServer((_request, response) => {
	response.writeHead(200, { 'content-type': 'text/plain' });
	response.end('okay');
});
wss.on('connection', setupWSConnection);
server.on('upgrade', (request, socket, head) => {
	wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});
server.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
	console.log(`ANCHOR_LISTENING ${server.address().port}`);
});
for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => process.exit(0));
// Started by the bench with an IPC channel (tests/support/child.ts): leave with it, even when it was killed.
if (process.channel) {
	process.once('disconnect', () => process.exit(0));
	process.channel.unref();
}
