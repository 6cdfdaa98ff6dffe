/** The minutes of a brede tafel as Markdown (internal or public), in Dutch. */
import { escapeMarkdown as escape, richTextMarkdown } from '../../collab/markdown.ts';
import type { Minutes, MinutesItem } from '../services/tafels-minutes.ts';
import { MINUTES_TEXT as T, aboutLine, actionLine, attendeeLine, decisionLine, itemTime, statusLine, voteHeading, voteLine } from './minutes-text.ts';

function item(out: string[], m: Minutes, it: MinutesItem, n: number | null): void {
	out.push(`### ${n === null ? '' : `${n}. `}${escape(it.title)}${escape(itemTime(it))}`, '');
	if (it.note) out.push(escape(it.note), '');
	if (it.projects.length) {
		out.push(`**${T.projects}**`, '');
		for (const p of it.projects) {
			const version = p.versionId && !m.public ? ` — [${T.versionTaken}: ${escape(m.milestoneLabel)}](/projecten/${p.id}/versies/${p.versionId})` : '';
			out.push(`- ${escape(p.code)} · ${escape(p.title)}${version}`);
		}
		out.push('');
	}
	out.push(`**${T.decisions}**`, '', ...(it.decisions.length ? it.decisions.map((d) => `- ${escape(decisionLine(d))}`) : [`_${T.none}_`]), '');
	out.push(`**${T.actions}**`, '', ...(it.actions.length ? it.actions.map((a) => `- ${escape(actionLine(a))}`) : [`_${T.none}_`]), '');
}

export function minutesMarkdown(m: Minutes): string {
	const out = [`# ${m.public ? T.publicKind : T.kind}: ${escape(m.title)}`, '', `${escape(aboutLine(m))}  `, `${escape(statusLine(m))}`, ''];
	if (m.public) out.push(`_${T.publicNote}_`, '');
	out.push(`## ${T.attendees}`, '', ...(m.attendees.length ? m.attendees.map((a) => `- ${escape(attendeeLine(a))}`) : [`_${T.noAttendees}_`]), '');
	out.push(`## ${T.agenda}`, '');
	m.items.forEach((it, i) => item(out, m, it, i + 1));
	if (m.other) item(out, m, m.other, null);
	if (m.votes.length) {
		out.push(`## ${T.votes}`, '');
		for (const v of m.votes) out.push(`**${escape(voteHeading(v))}**`, '', ...v.result.map((r) => `- ${escape(voteLine(r))}`), '');
	}
	out.push(`## ${T.notes}`, '');
	const notes = m.notes ? richTextMarkdown(m.notes, 2) : '';
	out.push(notes || `_${T.noNotes}_`, '');
	if (!m.public && m.threads.length) {
		out.push(`## ${T.threads}`, '');
		for (const t of m.threads) {
			out.push(`- ${t.quote ? `> ${escape(t.quote)} — ` : ''}${t.resolved ? `(${T.resolved}) ` : ''}${t.comments.map((c) => `${escape(c.author)} (${escape(c.organisation)}): ${escape(c.body)}`).join(' · ')}`);
		}
		out.push('');
	}
	return out.join('\n');
}
