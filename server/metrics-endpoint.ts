/**
 * GET /metrics in Prometheus text format, answered before the SvelteKit handler: the
 * address is the TCP peer's own (no forwarded header to trust), and a scrape costs no
 * session lookup. Admitted from the ranges in METRICS_ALLOW (loopback by default) or
 * with `Authorization: Bearer <METRICS_TOKEN>`; everyone else gets 403.
 */
import type http from 'node:http';
import net from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import type { MetricsAccess } from '#lib/server/config.ts';
import { log } from '#lib/server/log.ts';
import { metrics } from '#lib/server/metrics.ts';

export const METRICS_PATH = '/metrics';

function allowList(access: MetricsAccess): net.BlockList {
	const list = new net.BlockList();
	for (const range of access.allow) list.addSubnet(range.address, range.prefix, range.family);
	return list;
}

/** An IPv4 client on a dual-stack socket shows as ::ffff:a.b.c.d; the ranges name it a.b.c.d. */
function peerAddress(request: http.IncomingMessage): { address: string; family: 'ipv4' | 'ipv6' } | null {
	const raw = request.socket.remoteAddress;
	if (!raw) return null;
	const address = raw.startsWith('::ffff:') && net.isIPv4(raw.slice(7)) ? raw.slice(7) : raw;
	return { address, family: net.isIPv4(address) ? 'ipv4' : 'ipv6' };
}

function hasToken(request: http.IncomingMessage, token: string | null): boolean {
	const match = /^Bearer (.+)$/.exec(request.headers.authorization ?? '');
	if (!token || !match) return false;
	const given = Buffer.from(match[1]);
	const expected = Buffer.from(token);
	return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A request handler for /metrics under the given access rules. */
export function metricsEndpoint(access: MetricsAccess): (request: http.IncomingMessage, response: http.ServerResponse) => Promise<void> {
	const allowed = allowList(access);
	return async (request, response) => {
		const peer = peerAddress(request);
		if (!hasToken(request, access.token) && !(peer && allowed.check(peer.address, peer.family))) {
			response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('forbidden\n');
			return;
		}
		if (request.method !== 'GET' && request.method !== 'HEAD') {
			response.writeHead(405, { allow: 'GET, HEAD' }).end();
			return;
		}
		try {
			const registry = metrics().registry;
			const body = await registry.metrics();
			response.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' }).end(request.method === 'HEAD' ? undefined : body);
		} catch (err) {
			log.error({ err: String(err) }, 'metrics could not be collected');
			response.writeHead(500).end();
		}
	};
}

export const isMetricsRequest = (request: http.IncomingMessage): boolean => (request.url ?? '').split('?')[0] === METRICS_PATH;
