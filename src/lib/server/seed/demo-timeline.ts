/**
 * Dates for demo projects: a status history along the pipeline, creation and last
 * change, and a project period that fits the status. Everything is relative to a
 * fixed "today" so the data (and its stale flags) is the same on every run.
 */
import { PIPELINE } from '../../domain/project.ts';
import type { ProjectStatus } from '../../domain/reference.ts';
import type { Random } from './random.ts';

export const DEMO_TODAY = '2026-11-28';
const DAY_MS = 24 * 60 * 60 * 1000;

export function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function addMonths(month: string, months: number): string {
	const [year, mon] = month.split('-').map(Number);
	const total = year * 12 + mon - 1 + months;
	return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** Days spent before reaching each status: a decision takes months, a project years. */
const GAP_DAYS: Record<ProjectStatus, [number, number]> = {
	idee: [0, 0],
	verkenning: [30, 150],
	uitwerking: [60, 240],
	aanvraag: [60, 240],
	besluit: [45, 180],
	uitvoering: [30, 120],
	afgerond: [365, 1300],
	gepauzeerd: [30, 200],
	gestopt: [30, 300]
};

/** The statuses passed so far; paused projects stop before execution, stopped ones anywhere. */
function statusPath(status: ProjectStatus, random: Random): ProjectStatus[] {
	if (status === 'gepauzeerd') return [...PIPELINE.slice(0, random.int(1, 5)), 'gepauzeerd'];
	if (status === 'gestopt') return [...PIPELINE.slice(0, random.int(1, 6)), 'gestopt'];
	return PIPELINE.slice(0, PIPELINE.indexOf(status) + 1);
}

export interface Timeline {
	statusHistory: { status: ProjectStatus; date: string }[];
	createdAt: string;
	updatedAt: string;
	periodStart: string;
	periodEnd: string;
}

export function demoTimeline(status: ProjectStatus, random: Random): Timeline {
	const path = statusPath(status, random);
	const gaps = path.map((s) => random.int(...GAP_DAYS[s]));
	const span = gaps.reduce((sum, g) => sum + g, 0);
	// About one in five projects was last touched over a year ago, so "stale" flags show.
	const last = addDays(DEMO_TODAY, -(random.chance(0.22) ? random.int(380, 900) : random.int(2, 330)));
	let date = addDays(last, -span);
	const statusHistory = path.map((s, i) => ({ status: s, date: (date = addDays(date, gaps[i])) }));
	return { statusHistory, createdAt: statusHistory[0].date, updatedAt: last, ...period(statusHistory, random) };
}

function period(history: { status: ProjectStatus; date: string }[], random: Random): { periodStart: string; periodEnd: string } {
	const at = (s: ProjectStatus) => history.find((h) => h.status === s)?.date.slice(0, 7);
	const started = at('uitvoering');
	if (started) {
		const finished = at('afgerond') ?? at('gestopt');
		return { periodStart: started, periodEnd: finished ?? addMonths(started, random.int(12, 60)) };
	}
	const start = addMonths(history[history.length - 1].date.slice(0, 7), random.int(2, 12));
	return { periodStart: start, periodEnd: addMonths(start, random.int(12, 72)) };
}
