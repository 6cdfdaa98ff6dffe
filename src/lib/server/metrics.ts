/**
 * The Prometheus metrics of this process, by name. One registry per process: the
 * SvelteKit bundle and server/index.ts each load src/lib/server, so it is a singleton.
 * The collaboration server reports with one-line calls; nothing here touches a socket
 * or the database, so unit tests of rooms and the update log run with it as is.
 * Served by server/metrics-endpoint.ts (README "Running in production" lists them).
 */
import { performance } from 'node:perf_hooks';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { redisState } from './events.ts';
import { singleton } from './singleton.ts';

/** Seconds: from a millisecond commit on a quiet server to a database that stalls. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

function createMetrics() {
	const registry = new Registry();
	// Event-loop lag, heap, CPU, handles: the standard names dashboards expect.
	collectDefaultMetrics({ register: registry });
	const registers = [registry];
	return {
		registry,
		/** Set by the collaboration server: its open connections, read at each scrape. */
		connectionCount: { read: (): number => 0 },
		openDocuments: new Gauge({ name: 'tafel_open_documents', help: 'Documents loaded in memory (rooms)', registers }),
		connections: new Gauge({
			name: 'tafel_connections',
			help: 'Open collaboration websocket connections',
			registers,
			collect() {
				this.set(metrics().connectionCount.read());
			}
		}),
		updates: new Counter({ name: 'tafel_updates_total', help: 'Client updates applied to a document (rate() gives updates per second)', registers }),
		commitSeconds: new Histogram({ name: 'tafel_commit_batch_seconds', help: 'Time to write one group commit of the update log', buckets: LATENCY_BUCKETS, registers }),
		commitFailures: new Counter({ name: 'tafel_commit_failures_total', help: 'Group commits that failed and are retried', registers }),
		ackSeconds: new Histogram({ name: 'tafel_ack_seconds', help: 'From an update received to its stored acknowledgement', buckets: LATENCY_BUCKETS, registers }),
		fanoutSeconds: new Histogram({ name: 'tafel_fanout_seconds', help: 'From an update applied to its frame handed to every peer of the room', buckets: LATENCY_BUCKETS, registers }),
		redisUp: new Gauge({
			name: 'tafel_redis_up',
			help: '1 while Redis is connected, 0 while it is down or not configured (REDIS_URL)',
			registers,
			collect() {
				this.set(redisState() === 'up' ? 1 : 0);
			}
		})
	};
}

export type Metrics = ReturnType<typeof createMetrics>;

export const metrics = (): Metrics => singleton('metrics', createMetrics);

/** Seconds since a performance.now() reading. */
export const secondsSince = (start: number): number => (performance.now() - start) / 1000;

/** Wraps work that runs later: observes the time from this call until the work has run. */
export function measured(histogram: Histogram, work: () => void): () => void {
	const start = performance.now();
	return () => {
		work();
		histogram.observe(secondsSince(start));
	};
}
