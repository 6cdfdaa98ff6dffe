/**
 * The targets of issue 12 ("The spine at scale") that the bench can measure, checked
 * against the figures the scenarios of this run handed back (ScenarioResult.figures).
 * Called goals here because lib/targets.ts holds the servers under test.
 *
 * Each goal prints its figures and met / missed; "not judged" when a figure is missing
 * (scenario not run or failed) or not worth comparing (the load generator was
 * saturated, arrivals were lost, content was lost).
 */
import type { ScenarioResult, Table } from './context.ts';

type Figures = Record<string, number | string | null>;

interface Verdict {
	figures: string;
	verdict: string;
}

interface Goal {
	target: string;
	scenario: string;
	check(f: Figures): Verdict;
}

const num = (f: Figures, key: string): number | null => (typeof f[key] === 'number' ? (f[key] as number) : null);
const why = (f: Figures, key: string): string | null => (typeof f[key] === 'string' ? (f[key] as string) : null);
const show = (v: number | null, unit: string) => (v === null ? '–' : `${v}${unit}`);
const verdictOf = (ok: boolean) => (ok ? 'met' : 'missed');

/** Why a fan-out run's latency is not worth judging, or null. */
function latencyDoubt(f: Figures, run: string): string | null {
	if (num(f, `${run}.p99`) === null) return 'not measured';
	const saturated = why(f, `${run}.saturated`);
	if (saturated) return saturated;
	const delivered = num(f, `${run}.deliveredPct`);
	if (delivered !== null && delivered < 99) return `delivered ${delivered} %`;
	return null;
}

/** Why a fan-out run's traffic is not comparable (it fell behind: fewer arrivals, fewer bytes), or null. */
function deliveryDoubt(f: Figures, run: string): string | null {
	const delivered = num(f, `${run}.deliveredPct`);
	return delivered !== null && delivered < 99 ? `delivered ${delivered} %` : null;
}

/**
 * `ours ≤ factor × other` for one figure of two runs. `check`: latency figures also need
 * a generator that kept up and every arrival; delivery figures every arrival.
 */
function compare(label: string, ours: string, other: string, figure: string, factor: number, unit: string, check: 'latency' | 'delivery' | 'plain'): (f: Figures) => Verdict {
	return (f) => {
		const a = num(f, `${ours}.${figure}`);
		const b = num(f, `${other}.${figure}`);
		const text = `${label}: ${show(a, unit)} vs ${show(b, unit)}${a !== null && b ? ` (${Math.round((a / b) * 100) / 100}×, target ≤ ${factor}×)` : ''}`;
		const doubt =
			check === 'latency'
				? (latencyDoubt(f, ours) ?? latencyDoubt(f, other))
				: check === 'delivery'
					? (deliveryDoubt(f, ours) ?? deliveryDoubt(f, other))
					: (why(f, `${ours}.${figure}`) ?? why(f, `${other}.${figure}`));
		if (doubt) return { figures: text, verdict: `not judged: ${doubt}` };
		if (a === null || b === null) return { figures: text, verdict: 'not judged: not measured' };
		return { figures: text, verdict: verdictOf(a <= factor * b) };
	};
}

/** Several comparisons that must all hold. */
function all(...checks: ((f: Figures) => Verdict)[]): (f: Figures) => Verdict {
	return (f) => {
		const verdicts = checks.map((c) => c(f));
		const judged = verdicts.filter((v) => v.verdict === 'met' || v.verdict === 'missed');
		const notJudged = verdicts.find((v) => v.verdict.startsWith('not judged'));
		const verdict = judged.some((v) => v.verdict === 'missed') ? 'missed' : notJudged ? notJudged.verdict : 'met';
		return { figures: verdicts.map((v) => v.figures).join('; '), verdict };
	};
}

const F200 = 'fanout.light.200x200';
const F50 = 'fanout.full.50x50';
const INVENTORY_QUERIES = ['list (default: newest first, 50)', 'list sorted by title, page 5', 'filter province + status', 'filter theme + budget', 'full-text search', 'search + province filter'];

export const GOALS: Goal[] = [
	{ target: '200 clients, all typing: p99 ≤ 0.8× Hocuspocus', scenario: '1', check: compare('p99', `${F200}.ours-pg`, `${F200}.hocuspocus`, 'p99', 0.8, ' ms', 'latency') },
	{ target: '200 clients, all typing: server CPU per delivered update ≤ Hocuspocus', scenario: '1', check: compare('CPU per delivered update', `${F200}.ours-pg`, `${F200}.hocuspocus`, 'cpuPerDeliveryUs', 1, ' µs', 'plain') },
	{ target: '200 clients, all typing: bytes per client ≤ 1.2× the reference server', scenario: '1', check: compare('received per client', `${F200}.ours-pg`, `${F200}.y-websocket`, 'kBPerClientS', 1.2, ' kB/s', 'delivery') },
	{
		target: '50 clients (full providers, all typing): p50 ≤ both anchors',
		scenario: '1',
		check: all(compare('vs reference', `${F50}.ours-pg`, `${F50}.y-websocket`, 'p50', 1, ' ms', 'latency'), compare('vs Hocuspocus', `${F50}.ours-pg`, `${F50}.hocuspocus`, 'p50', 1, ' ms', 'latency'))
	},
	{
		target: '50 clients (full providers, all typing): p99 ≤ both anchors',
		scenario: '1',
		check: all(compare('vs reference', `${F50}.ours-pg`, `${F50}.y-websocket`, 'p99', 1, ' ms', 'latency'), compare('vs Hocuspocus', `${F50}.ours-pg`, `${F50}.hocuspocus`, 'p99', 1, ' ms', 'latency'))
	},
	{ target: 'Embedded database: 200 clients all typing, p99 within 1.5× of PostgreSQL', scenario: '1', check: compare('PGlite vs PostgreSQL p99', `${F200}.ours-pglite`, `${F200}.ours-pg`, 'p99', 1.5, ' ms', 'latency') },
	{
		target: 'Embedded database: under 300 MB RSS after start with the demo data',
		scenario: '1',
		// Judged on the process once started (30 s after it listens, idle), first start and restart; the peaks beside it.
		check: (f) => {
			const first = f['embedded.first.settledMb'];
			const restart = f['embedded.restart.settledMb'];
			if (typeof first !== 'number' || typeof restart !== 'number') return { figures: '–', verdict: 'not judged: not measured' };
			const highest = Math.max(first, restart);
			return {
				figures: `started as npm start does, 30 s after listening: first start ${first} MB, restart ${restart} MB (peaks while starting: ${f['embedded.first.peakMb']} / ${f['embedded.restart.peakMb']} MB; target < 300 MB)`,
				verdict: verdictOf(highest < 300)
			};
		}
	},
	{
		target: 'Join of a hot 1 MB document: server CPU ≤ 0.2× the anchors',
		scenario: '2',
		check: all(compare('server CPU per warm join vs reference', 'load.ours', 'load.y-websocket', 'warmCpuP50', 0.2, ' ms', 'plain'), compare('vs Hocuspocus', 'load.ours', 'load.hocuspocus', 'warmCpuP50', 0.2, ' ms', 'plain'))
	},
	{
		target: 'Loading a stored 1 MB document ≤ Hocuspocus in time and CPU',
		scenario: '2',
		check: all(compare('cold load p50', 'load.ours', 'load.hocuspocus', 'coldP50', 1, ' ms', 'plain'), compare('server CPU per cold load', 'load.ours', 'load.hocuspocus', 'coldCpuP50', 1, ' ms', 'plain'))
	},
	{
		target: '1,000 documents: connections per second ≥ Hocuspocus',
		scenario: '3',
		check: (f) => {
			const a = num(f, 'many.ours.connectionsPerS');
			const b = num(f, 'many.hocuspocus.connectionsPerS');
			const figures = `${show(a, '/s')} vs ${show(b, '/s')}`;
			return a === null || b === null ? { figures, verdict: 'not judged: not measured' } : { figures, verdict: verdictOf(a >= b) };
		}
	},
	{ target: '1,000 documents: heap per document ≤ the reference server (measured as RSS per document)', scenario: '3', check: compare('RSS per document', 'many.ours', 'many.y-websocket', 'kBPerDocument', 1, ' kB', 'plain') },
	{
		target: 'Edit → durable acknowledgement p95 ≤ 100 ms at 1,000 updates/s on PostgreSQL',
		scenario: '4',
		check: (f) => {
			const key = 'durability.PostgreSQL.1000.ackP95';
			const v = num(f, key);
			if (why(f, key)) return { figures: why(f, key)!, verdict: `not judged: ${why(f, key)}` };
			return v === null ? { figures: '–', verdict: 'not judged: not measured' } : { figures: `${v} ms`, verdict: verdictOf(v <= 100) };
		}
	},
	{ target: '3 instances + Redis: p99 ≤ 1.5× one instance (200 clients, all typing)', scenario: '5', check: compare('p99 ×3 vs ×1', 'scale.200x200.ours×3', 'scale.200x200.ours×1', 'p99', 1.5, ' ms', 'latency') },
	{
		target: 'Inventory at 10,000 projects: list, filter and full-text search p95 ≤ 50 ms (request time over loopback, an upper bound of server time)',
		scenario: '6',
		check: (f) => {
			const values = INVENTORY_QUERIES.map((q) => [q, num(f, `inventory.10000.${q}`)] as const);
			if (values.every(([, v]) => v === null)) return { figures: '–', verdict: 'not judged: not measured' };
			const worst = values.reduce((w, x) => ((x[1] ?? -1) > (w[1] ?? -1) ? x : w));
			const over = values.filter(([, v]) => v !== null && v > 50).map(([q, v]) => `${q} ${v} ms`);
			return { figures: `highest p95: ${worst[0]} ${worst[1]} ms${over.length ? `; over 50 ms: ${over.join(', ')}` : ''}`, verdict: verdictOf(over.length === 0 && values.every(([, v]) => v !== null)) };
		}
	}
];

export function goalsTable(results: ScenarioResult[]): Table {
	const figures: Figures = Object.assign({}, ...results.map((r) => r.figures ?? {}));
	return {
		caption: 'Targets of issue 12 (this run)',
		header: ['target', 'scenario', 'figures (ours vs anchor)', 'verdict'],
		rows: GOALS.map((g) => {
			const v = g.check(figures);
			return [g.target, g.scenario, v.figures, v.verdict];
		})
	};
}
