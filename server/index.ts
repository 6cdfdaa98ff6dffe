/**
 * Production entry: one HTTP server on one port for the SvelteKit app (adapter-node
 * handler) and the collaboration websocket (/collab/…).
 */
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { config } from '#lib/server/config.ts';
import { log } from '#lib/server/log.ts';
import { startApp } from '#lib/server/startup.ts';
import { accessPath } from '#lib/domain/account.ts';
import { shutdown } from './shutdown.ts';
import { onParentGone } from './parent.ts';
import { collabServer, handleUpgrade, closeCollab } from './collab/index.ts';
import { isMetricsRequest, metricsEndpoint } from './metrics-endpoint.ts';

const cfg = config();

// A promise nobody awaited must not take every user's session down with it: log it (with
// the query, when the database refused one) and keep serving.
process.on('unhandledRejection', (reason) => {
	const query = typeof reason === 'object' && reason && 'query' in reason ? String((reason as { query: unknown }).query).slice(0, 300) : undefined;
	log.error({ err: reason instanceof Error ? reason.stack : String(reason), query }, 'unhandled promise rejection');
});

// Started by a test or bench runner: leave with it, also while still starting (kill -9 of the runner included).
let leave: () => void = () => process.exit(1);
onParentGone(() => leave());

const { adminToken } = await startApp();
// Before the first request: pages write into open documents through it (a restored version).
collabServer();

// adapter-node assumes https when ORIGIN is unset, which breaks the CSRF origin check on a
// plain-http instance. We know our own protocol: we listen on plain HTTP. A TLS proxy in
// front sets ORIGIN=https://… (README), and then this header is not used.
const PROTOCOL_HEADER = 'x-tafel-protocol';
if (!cfg.origin) process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;
// adapter-node refuses request bodies over 512 kB by default; a spreadsheet import may
// be 10 MB (the import itself refuses more, in Dutch). adapter-node reads these from
// process.env when the handler loads, so the validated values are handed over there.
process.env.BODY_SIZE_LIMIT = cfg.bodySizeLimit;

const { handler } = (await import(pathToFileURL(path.join(cfg.buildDir, 'handler.js')).href)) as {
	handler: http.RequestListener;
};

const serveMetrics = metricsEndpoint(cfg.metrics);

const server = http.createServer((request, response) => {
	if (isMetricsRequest(request)) return void serveMetrics(request, response);
	// Overwrite whatever a client sent: only we know how the connection arrived.
	request.headers[PROTOCOL_HEADER] = 'http';
	handler(request, response);
});
server.on('upgrade', (request, socket, head) => {
	if (request.url?.startsWith('/collab/')) {
		handleUpgrade(request, socket, head).catch((err: unknown) => {
			log.error({ err: String(err) }, 'collab upgrade failed');
			socket.destroy();
		});
	} else {
		socket.destroy();
	}
});

server.listen(cfg.port, cfg.host, () => {
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : cfg.port;
	log.info({ port }, 'listening');
	// Test harnesses read this line to learn the port when PORT=0.
	console.log(`TAFEL_LISTENING ${port}`);
	// Printed on stdout on purpose, once the address is known: the operator hands this link to the administrator.
	if (adminToken) console.log(`\nTafel: eerste beheerder aangemaakt. Stel een wachtwoord in via:\n${cfg.origin ?? `http://localhost:${port}`}${accessPath(adminToken)}\n`);
});

leave = () => void shutdown(server, closeCollab, 'parent-gone');
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
	process.once(signal, () => void shutdown(server, closeCollab, signal));
}
