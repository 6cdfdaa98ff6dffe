/**
 * 8. A brede tafel live (issue 15), ours only (the anchors have no live tafel): 100
 * browsers-worth of event streams (/api/events, Server-Sent Events) follow one
 * facilitator, who moves between agenda items and shows projects. Measured per action:
 * from the moment the facilitator's request leaves to the moment the new state has
 * arrived at every client (the last one), p50/p99 over the actions, and every client's
 * own latency; server CPU over the run. On one instance, and on two joined by Redis
 * with the streams spread over both (the facilitator on the first).
 */
import { cell, type BenchContext, type ScenarioResult } from '../lib/context.ts';
import { cpuSecondsFine } from '../lib/procs.ts';
import { firstLine, summarize, type Summary } from '../lib/stats.ts';
import { startOurs, until, type Target } from '../lib/targets.ts';
import { loginCookie } from '../../support/http.ts';
import { readEvents } from '../../support/sse.ts';

const ACCOUNTS = ['lid.ezk', 'lid.brabant', 'deelnemer', 'waarnemer', 'facilitator'];

interface Stream {
	versions: Map<number, number>;
	stop(): void;
}

/** One browser's event stream: the arrival time of each live-tafel state version. */
async function openStream(url: string, cookie: string): Promise<Stream> {
	const versions = new Map<number, number>();
	const stop = await readEvents(url, cookie, (data, at) => {
		const event = data as { type?: string; state?: { version: number } };
		if (event.type === 'tafel-live' && event.state && !versions.has(event.state.version)) versions.set(event.state.version, at);
	});
	return { versions, stop };
}

interface LiveRun {
	name: string;
	lastMs: Summary;
	eachMs: Summary;
	cpuPct: number;
	missing: number;
}

async function runLive(target: Target, clients: number, actions: number): Promise<LiveRun> {
	const base = target.instances[0].url;
	const admin = target.cookie!;
	const cookies = new Map<string, string>();
	for (const [i, instance] of target.instances.entries()) for (const a of ACCOUNTS) cookies.set(`${i}:${a}`, await loginCookie(instance.url, `${a}@demo.tafel`));
	const list = (await (await fetch(`${base}/api/tafels`, { headers: { cookie: admin } })).json()) as { upcoming: { id: string; title: string }[] };
	const tafelId = list.upcoming.find((t) => t.title === 'Oost: investeringsagenda')!.id;
	const live = async (body: object) => {
		const response = await fetch(`${base}/api/tafels/${tafelId}/live`, { method: 'POST', headers: { cookie: admin, origin: base, 'content-type': 'application/json' }, body: JSON.stringify(body) });
		if (response.status !== 200) throw new Error(`live ${response.status}: ${(await response.text()).slice(0, 200)}`);
		return (await response.json()) as { version: number; agenda: { id: string }[]; projects: { id: string }[] };
	};
	const first = await live({ action: 'start' });
	const streams: Stream[] = [];
	try {
		for (let c = 0; c < clients; c++) {
			const i = c % target.instances.length;
			streams.push(await openStream(target.instances[i].url, cookies.get(`${i}:${ACCOUNTS[c % ACCOUNTS.length]}`)!));
		}
		// Every stream is subscribed once it has received a state (a warm-up change).
		const warm = await live({ action: 'item', itemId: first.agenda[1].id });
		if (!(await until(() => streams.every((s) => s.versions.has(warm.version)), 30_000, 20))) throw new Error('streams not all connected');
		const last: number[] = [];
		const each: number[] = [];
		let missing = 0;
		const cpu0 = target.pids().reduce((s, p) => s + cpuSecondsFine(p), 0);
		const started = performance.now();
		for (let k = 0; k < actions; k++) {
			// Alternately the next item and a project shown: both move every follower.
			const request = k % 2 ? { action: 'item', itemId: first.agenda[k % first.agenda.length].id } : { action: 'show', projectId: first.projects[k % first.projects.length].id, section: '' };
			const sent = performance.now();
			const { version } = await live(request);
			const all = await until(() => streams.every((s) => [...s.versions.keys()].some((v) => v >= version)), 10_000, 2);
			const arrivals = streams.map((s) => Math.min(...[...s.versions].filter(([v]) => v >= version).map(([, at]) => at)));
			if (!all) missing++;
			const finite = arrivals.filter(Number.isFinite).map((at) => at - sent);
			each.push(...finite);
			if (all) last.push(Math.max(...finite));
			await new Promise((r) => setTimeout(r, 50));
		}
		const seconds = (performance.now() - started) / 1000;
		const cpuPct = ((target.pids().reduce((s, p) => s + cpuSecondsFine(p), 0) - cpu0) / seconds) * 100;
		return { name: target.label, lastMs: summarize(last), eachMs: summarize(each), cpuPct, missing };
	} finally {
		for (const s of streams) s.stop();
		await live({ action: 'stop' }).catch(() => {});
	}
}

export async function scenarioTafelLive(ctx: BenchContext): Promise<ScenarioResult> {
	const clients = 100;
	const actions = ctx.quick ? 20 : 100;
	const runs: (LiveRun | { name: string; error: string })[] = [];
	const url = ctx.pg.available ? await ctx.pg.database('tafel_live') : undefined;
	const setups = [
		{ name: 'ours×1', start: () => startOurs(url ? { database: 'postgres', databaseUrl: url } : { database: 'pglite' }) },
		...(url && ctx.redis.available ? [{ name: 'ours×2 + Redis', start: () => startOurs({ database: 'postgres', databaseUrl: url, redisUrl: ctx.redis.url, instances: 2, env: { REDIS_PREFIX: `tafel-bench-${ctx.runId}` } }) }] : [])
	];
	for (const setup of setups) {
		ctx.log(`  tafel live: ${clients} streams, ${actions} actions · ${setup.name}`);
		const target = await setup.start();
		try {
			const run = await runLive(target, clients, actions);
			runs.push(run);
			ctx.log(`    last client p50 ${run.lastMs.p50} p99 ${run.lastMs.p99} ms · each p50 ${run.eachMs.p50} p99 ${run.eachMs.p99} ms · CPU ${run.cpuPct.toFixed(0)}% · missing ${run.missing}`);
		} catch (err) {
			runs.push({ name: setup.name, error: firstLine(err) });
			ctx.log(`    failed: ${firstLine(err)}`);
		} finally {
			await target.stop();
		}
	}
	return {
		id: 8,
		title: 'A brede tafel live: 100 followers of one facilitator (ours only)',
		setup: [
			`${clients} event streams (/api/events) of ${ACCOUNTS.length} demo accounts, spread round-robin over the instances; the facilitator (admin) alternately moves to an agenda item and shows a project, ${actions} times, 50 ms apart, waiting each time until every stream has the new state`,
			'latency: from sending the facilitator\'s request to the new state\'s arrival (the request includes storing the change and reading the state); CPU: the server processes over the measured actions, in % of one core',
			setups.length < 2 ? 'two instances with Redis skipped: needs PostgreSQL and Redis' : 'two instances share one PostgreSQL database and one Redis (a key prefix of this run)'
		],
		tables: [
			{
				caption: `Facilitator action → ${clients} followers`,
				header: ['server', 'last client p50 (ms)', 'last client p99 (ms)', 'each client p50 (ms)', 'each client p99 (ms)', 'server CPU (%)', 'actions not seen by all within 10 s'],
				rows: runs.map((r) => ('error' in r ? [r.name, r.error, null, null, null, null, null] : [r.name, cell(r.lastMs.p50), cell(r.lastMs.p99), cell(r.eachMs.p50), cell(r.eachMs.p99), cell(r.cpuPct, 0), r.missing]))
			}
		],
		notes: ['No anchor has a live tafel: absolute figures on this machine, for comparison between runs.'],
		data: runs
	};
}
