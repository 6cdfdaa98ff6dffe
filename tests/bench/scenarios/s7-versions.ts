/**
 * 7. Version history (issue 13): on our server only (the anchors have no versions).
 * A project description of ~1 MB is written by a client, then: naming a version (the
 * whole stored state read, encoded and written), comparing that version with now after
 * 20 paragraphs changed (both states read and diffed on the server), and the history
 * list of a document with 1,000 versions (a page of 50, and the HTML page). Times are
 * over loopback; server CPU from the server's own threads.
 */
import * as Y from 'yjs';
import { bodyOf, parseDocumentName } from '../../../src/lib/collab/documents.ts';
import { cell, type BenchContext, type ScenarioResult } from '../lib/context.ts';
import { benchDocs } from '../lib/documents.ts';
import { cpuSecondsFine } from '../lib/procs.ts';
import { summarize, type Summary } from '../lib/stats.ts';
import { startOurs, until, withTimeout } from '../lib/targets.ts';

const PARAGRAPH = 'Waterstof, warmte en wind: de regio koppelt projecten over provinciegrenzen heen. ';

function paragraphs(doc: Y.Doc, from: number, count: number, size: number): void {
	const body = bodyOf(doc, 'project');
	doc.transact(() => {
		body.insert(
			body.length,
			Array.from({ length: count }, (_, i) => {
				const p = new Y.XmlElement('paragraph');
				p.insert(0, [new Y.XmlText(`[${from + i}] ` + PARAGRAPH.repeat(Math.ceil(size / PARAGRAPH.length)).slice(0, size))]);
				return p;
			})
		);
	});
}

export async function scenarioVersions(ctx: BenchContext): Promise<ScenarioResult> {
	const total = ctx.quick ? 250 : 1000;
	const listSize = ctx.quick ? 200 : 1000;
	const databaseUrl = ctx.pg.available ? await ctx.pg.database('versions') : undefined;
	const target = await startOurs(databaseUrl ? { database: 'postgres', databaseUrl } : { database: 'pglite' });
	const [docName] = benchDocs(30, 1);
	const projectId = parseDocumentName(docName)!.id;
	const base = target.instances[0].url;
	const cookie = target.cookie!;
	const cpu = () => target.pids().reduce((s, p) => s + cpuSecondsFine(p), 0);
	const timed = async (what: () => Promise<Response>) => {
		const cpu0 = cpu();
		const started = performance.now();
		const response = await what();
		const body = await response.text();
		if (response.status !== 200) throw new Error(`${response.status}: ${body.slice(0, 200)}`);
		return { ms: performance.now() - started, cpuMs: (cpu() - cpu0) * 1000, body };
	};
	const post = (path: string, form: Record<string, string>) =>
		fetch(base + path, { method: 'POST', headers: { origin: base, cookie, accept: 'application/json', 'x-sveltekit-action': 'true', 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) });
	const get = (path: string) => fetch(base + path, { headers: { cookie } });
	try {
		// ~1 MB of description, written by one client in batches it sends as ordinary updates.
		const client = target.connect(docName);
		const persisted = { clock: 0 };
		client.onPersisted((vector) => (persisted.clock = vector.get(client.doc.clientID as number) ?? persisted.clock));
		await withTimeout(client.synced, 30_000, 'versions client sync');
		const local = new Y.Doc();
		Y.applyUpdate(local, client.encodedState());
		const send = (change: () => void) => {
			const before = Y.encodeStateVector(local);
			change();
			client.applyUpdate(Y.encodeStateAsUpdate(local, before));
		};
		for (let i = 0; i < total; i += 50) send(() => paragraphs(local, i, 50, 1000));
		if (!(await until(() => persisted.clock >= client.ownClock(), 60_000, 50))) throw new Error('description not persisted');
		const stateBytes = Y.encodeStateAsUpdate(local).length;

		const name: { ms: number[]; cpu: number[] } = { ms: [], cpu: [] };
		for (let k = 0; k < 3; k++) {
			const r = await timed(() => post(`/projecten/${projectId}/versies?/name`, { name: `Bench ${k}` }));
			name.ms.push(r.ms);
			name.cpu.push(r.cpuMs);
		}
		const versions = JSON.parse((await timed(() => get(`/api/projects/${projectId}/versions?limit=1`))).body).versions as { id: string }[];
		// 20 paragraphs changed after the version.
		send(() => {
			const body = bodyOf(local, 'project');
			for (let i = 0; i < 20; i++) ((body.get(i * Math.floor(total / 20)) as Y.XmlElement).get(0) as Y.XmlText).insert(5, ' gewijzigd ');
		});
		if (!(await until(() => persisted.clock >= client.ownClock(), 30_000, 50))) throw new Error('edit not persisted');
		const diff: { ms: number[]; cpu: number[] } = { ms: [], cpu: [] };
		for (let k = 0; k < 3; k++) {
			const r = await timed(() => get(`/projecten/${projectId}/versies/${versions[0].id}/__data.json?vergelijk=nu`));
			diff.ms.push(r.ms);
			diff.cpu.push(r.cpuMs);
		}
		client.destroy();

		// A history of `listSize` versions (64 kB states: the list never reads them).
		let list: Summary | null = null;
		let page: Summary | null = null;
		if (databaseUrl) {
			await ctx.pg.query(
				databaseUrl,
				`insert into doc_versions (id, doc_name, kind, name, state, size, hash, created_at)
				 select 'bench-' || g, '${docName}', case when g % 50 = 0 then 'named' else 'auto' end, case when g % 50 = 0 then 'Bench ' || g end,
				        decode(repeat('00', 65536), 'hex'), 65536, md5(g::text), now() - (g || ' minutes')::interval
				 from generate_series(1, ${listSize}) g`
			);
			const listMs: number[] = [];
			const pageMs: number[] = [];
			let next: string | null = null;
			for (let k = 0; k < 20; k++) {
				const r = await timed(() => get(`/api/projects/${projectId}/versions?limit=50${next ? `&before=${next}` : ''}`));
				next = (JSON.parse(r.body) as { next: string | null }).next;
				listMs.push(r.ms);
			}
			for (let k = 0; k < 10; k++) pageMs.push((await timed(() => get(`/projecten/${projectId}/versies`))).ms);
			list = summarize(listMs);
			page = summarize(pageMs);
		}
		const n = summarize(name.ms);
		const nc = summarize(name.cpu);
		const d = summarize(diff.ms);
		const dc = summarize(diff.cpu);
		return {
			id: 7,
			title: 'Version history (ours only)',
			setup: [`${target.label}; description of ${total} paragraphs of 1 kB (${(stateBytes / 1e6).toFixed(2)} MB state)`, `history list: ${databaseUrl ? `${listSize} versions of one document` : 'skipped on PGlite (the server holds the folder)'}`],
			tables: [
				{
					caption: `Version history on a ${(stateBytes / 1e6).toFixed(2)} MB document`,
					header: ['operation', 'time p50 (ms)', 'time max (ms)', 'server CPU p50 (ms)'],
					rows: [
						['name a version (read, encode, store)', cell(n.p50), cell(n.max), cell(nc.p50)],
						['compare a version with now (both read, diffed, rendered as data)', cell(d.p50), cell(d.max), cell(dc.p50)],
						...(list && page ? [[`history list, a page of 50 of ${listSize}`, cell(list.p50), cell(list.max), null], [`history page (HTML) of ${listSize}`, cell(page.p50), cell(page.max), null]] : [])
					]
				}
			],
			notes: ['No anchor has versions: absolute figures on this machine, for comparison between runs.'],
			data: { stateBytes, name: { ms: n, cpu: nc }, diff: { ms: d, cpu: dc }, list, page }
		};
	} finally {
		await target.stop();
	}
}
