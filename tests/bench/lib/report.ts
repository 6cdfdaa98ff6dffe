/** The Markdown form of a bench run. */
import type { ScenarioResult, Table } from './context.ts';
import { goalsTable } from './goals.ts';

function table(t: Table): string {
	const esc = (v: string | number | null) => (v === null ? '–' : String(v).replace(/\|/g, '\\|'));
	return [`**${t.caption}**`, '', `| ${t.header.join(' | ')} |`, `|${t.header.map(() => '---').join('|')}|`, ...t.rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

export interface RunMeta {
	date: string;
	commit: string;
	node: string;
	cpus: number;
	cpuModel: string;
	memoryGb: number;
	quick: boolean;
	only: number[] | null;
	anchors: Record<string, string>;
	durationS?: number;
	/** 1-minute load average of the machine: at the start, the end and the highest seen (sampled every 10 s). */
	load?: { start: number; end: number; max: number };
}

export function markdown(meta: RunMeta, results: ScenarioResult[], failures: { id: number; error: string }[]): string {
	const lines = [
		`# Tafel bench ${meta.date}${meta.quick ? ' (quick)' : ''}`,
		'',
		`Commit ${meta.commit} · Node ${meta.node} · ${meta.cpus} × ${meta.cpuModel} · ${meta.memoryGb} GB` + (meta.durationS ? ` · ${Math.round(meta.durationS)} s` : ''),
		`Anchors: ${Object.entries(meta.anchors).map(([k, v]) => `${k} ${v}`).join(', ')}.`,
		'All servers, clients and databases on one machine over loopback; absolute figures depend on what else runs — compare the ratios, which come from the same run.',
		...(meta.load ? [`Load average (1 min) during the run: ${meta.load.start} at the start, ${meta.load.end} at the end, up to ${meta.load.max} (${meta.cpus} cores).`] : []),
		''
	];
	if (results.some((r) => r.figures)) lines.push(table(goalsTable(results)), '');
	for (const result of results) {
		lines.push(`## ${result.id}. ${result.title}`, '');
		for (const s of result.setup) lines.push(`- ${s}`);
		lines.push('');
		for (const t of result.tables) lines.push(table(t), '');
		for (const n of result.notes) lines.push(`> ${n}`, '');
	}
	for (const f of failures) lines.push(`## ${f.id}. failed`, '', '```', f.error, '```', '');
	return lines.join('\n');
}
