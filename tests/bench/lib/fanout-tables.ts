/** The tables scenarios 1 and 5 print for their fan-out runs, and the figures they hand to the targets table. */
import { cell, type Table } from './context.ts';
import type { FanoutResult } from './fanout.ts';

export interface FanoutRun {
	/** What the run was: clients, typists and the server setup. */
	clients: number;
	writers: number;
	name: string;
	result: FanoutResult | null;
	error?: string;
}

const closedText = (closed: Record<string, number>) =>
	Object.entries(closed)
		.map(([code, n]) => `${n}× ${code}`)
		.join(', ') || '–';

export function measuredTable(runs: FanoutRun[]): Table {
	return {
		caption: 'Measured (latency: edit → arrival at every other client)',
		header: ['clients', 'typing', 'server', 'edits/s', 'delivered %', 'p50 ms', 'p95 ms', 'p99 ms', 'durable ack p95 ms', 'server CPU %', 'CPU µs / delivered update', 'server RSS MB (start → max)', 'closed by server', 'generator CPU %', 'generator lag p99 · max ms (✗: no latency ratio)', 'load avg'],
		rows: runs.map((r) => {
			const x = r.result;
			if (!x) return [r.clients, r.writers, r.name, `failed: ${r.error}`, null, null, null, null, null, null, null, null, null, null, null, null];
			return [
				`${x.clients} ${x.mode}`,
				x.writers,
				x.target,
				x.editsPerSecond,
				x.deliveredPct,
				x.latencyMs.p50,
				x.latencyMs.p95,
				x.latencyMs.p99,
				x.durableMs?.p95 ?? null,
				cell(x.server.cpuPct, 0),
				cell(x.cpuPerDeliveryUs, 1),
				`${Math.round(x.server.rssStartMb)} → ${Math.round(x.server.rssMaxMb)}`,
				closedText(x.closed),
				x.generator.cpuPct,
				`${x.generator.lagP99Ms} · ${x.generator.lagMaxMs} (busy ${x.generator.busyPct} %; coordinator p99 ${x.generator.coordinatorLagP99Ms})${x.generator.saturated ? ' ✗' : ''}`,
				x.loadAverage
			];
		})
	};
}

export function trafficTable(runs: FanoutRun[]): Table {
	return {
		caption: 'What each client received during the window (per client per second)',
		header: ['clients', 'typing', 'server', 'messages/s', 'kB/s', 'by type: messages/s (kB/s)'],
		rows: runs
			.filter((r) => r.result)
			.map((r) => [
				r.clients,
				r.writers,
				r.result!.target,
				r.result!.perClient.messagesPerS,
				r.result!.perClient.kBPerS,
				Object.entries(r.result!.perClient.byType)
					.sort((a, b) => b[1].messagesPerS - a[1].messagesPerS)
					.map(([type, v]) => `${type} ${v.messagesPerS} (${v.kBPerS})`)
					.join(' · ')
			])
	};
}

/** Figures of one run for the targets table (lib/goals.ts), under `<prefix>.<figure>`. */
export function fanoutFigures(prefix: string, r: FanoutResult | null): Record<string, number | string | null> {
	if (!r) return {};
	return {
		[`${prefix}.p50`]: r.latencyMs.p50,
		[`${prefix}.p99`]: r.latencyMs.p99,
		[`${prefix}.deliveredPct`]: r.deliveredPct,
		[`${prefix}.saturated`]: r.generator.saturated,
		[`${prefix}.lagP99`]: r.generator.lagP99Ms,
		[`${prefix}.cpuPerDeliveryUs`]: r.cpuPerDeliveryUs,
		[`${prefix}.kBPerClientS`]: r.perClient.kBPerS,
		[`${prefix}.rssStartMb`]: Math.round(r.server.rssStartMb),
		[`${prefix}.rssMaxMb`]: Math.round(r.server.rssMaxMb)
	};
}
