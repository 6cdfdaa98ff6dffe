/**
 * The wording of the minutes downloads (Markdown, PDF, DOCX), in Dutch like every
 * export, so the three formats say the same thing in the same words.
 */
import { dateTimeFormat } from '../../i18n/time.ts';
import type { Minutes, MinutesAction, MinutesDecision, MinutesItem, MinutesVote } from '../services/tafels-minutes.ts';

const when = dateTimeFormat('nl', { dateStyle: 'full', timeStyle: 'short' });
const day = dateTimeFormat('nl', { dateStyle: 'long' });
const dueDay = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' });

export const MINUTES_TEXT = {
	kind: 'Verslag brede tafel',
	publicKind: 'Openbaar verslag brede tafel',
	draft: 'Concept',
	final: 'Vastgesteld',
	attendees: 'Aanwezig',
	noAttendees: 'Geen aanwezigheid vastgelegd.',
	agenda: 'Agenda',
	projects: 'Projecten',
	decisions: 'Besluiten',
	actions: 'Acties',
	none: 'Geen.',
	notes: 'Aantekeningen',
	noNotes: 'Geen aantekeningen.',
	notesTruncated: 'De aantekeningen zijn ingekort; de volledige tekst staat in Tafel.',
	threads: 'Opmerkingen bij het verslag',
	resolved: 'afgehandeld',
	publicNote: 'Openbare versie (Woo): zonder interne opmerkingen en zonder persoonsgegevens; alleen organisaties worden genoemd.',
	versionTaken: 'versie',
	done: 'afgerond',
	open: 'open',
	votes: 'Stemrondes'
} as const;

export const minutesFileName = (m: Minutes, extension: string) => `verslag-${m.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'tafel'}${m.public ? '-openbaar' : ''}.${extension}`;

/** "dinsdag 12 maart 2030 om 13:30 · Provinciehuis · Thema: … · Reeks: …" */
export function aboutLine(m: Minutes): string {
	return [when.format(m.startsAt), m.place, m.themeLabel ? `Thema: ${m.themeLabel}` : '', m.series ? `Reeks: ${m.series}` : ''].filter(Boolean).join(' · ');
}

export function statusLine(m: Minutes): string {
	return m.status === 'final' && m.finalisedAt ? `${MINUTES_TEXT.final} op ${day.format(m.finalisedAt)}` : MINUTES_TEXT.draft;
}

export function decisionLine(d: MinutesDecision): string {
	return `${d.text}${d.projects.length ? ` (${d.projects.join(', ')})` : ''}`;
}

/** "Netcapaciteit navragen — Provincie Noord-Brabant (Bram van Dijk), uiterlijk 1 april 2030, open (RIP-…)" */
export function actionLine(a: MinutesAction): string {
	const owner = a.person ? `${a.organisation} (${a.person})` : a.organisation;
	const due = a.dueDate ? `, uiterlijk ${dueDay.format(new Date(`${a.dueDate}T00:00:00Z`))}` : '';
	return `${a.text} — ${owner}${due}, ${a.status === 'done' ? MINUTES_TEXT.done : MINUTES_TEXT.open}${a.projects.length ? ` (${a.projects.join(', ')})` : ''}`;
}

export function attendeeLine(a: Minutes['attendees'][number]): string {
	return a.people.length ? `${a.organisation}: ${a.people.join(', ')}` : a.organisation;
}

/** " (30 min.; besteed: 35 min.)": the time box and, when the item was timed live, the time spent. */
export function itemTime(it: MinutesItem): string {
	const parts = [it.minutes ? `${it.minutes} min.` : '', it.spentMinutes !== null ? `besteed: ${it.spentMinutes} min.` : ''].filter(Boolean);
	return parts.length ? ` (${parts.join('; ')})` : '';
}

/** "Bij Programmaplan warmte: 3 stippen per persoon, stemmers: 12" */
export function voteHeading(v: MinutesVote): string {
	return `${v.item ? `Bij ${v.item}: ` : ''}${v.dots} ${v.dots === 1 ? 'stip' : 'stippen'} per persoon, stemmers: ${v.voters}`;
}

export function voteLine(r: MinutesVote['result'][number]): string {
	return `${r.code} · ${r.title}: ${r.dots} ${r.dots === 1 ? 'stip' : 'stippen'}`;
}
