/**
 * The brede tafel as typed in forms: the rules for a tafel, an agenda item, a decision
 * and an action. Pure, so the browser, the routes and the services apply the same ones.
 * Problems are codes; messages/ turns them into sentences (tafel_error_<code>).
 */
import { THEMES } from './reference.ts';

export type TafelProblem = 'required' | 'too-long' | 'bad-date' | 'bad-time' | 'bad-duration' | 'bad-link' | 'place-or-link' | 'bad-theme' | 'bad-minutes' | 'bad-text';
export type Checked<T> = { ok: true; value: T } | { ok: false; errors: Record<string, TafelProblem> };

export interface TafelInput {
	title: string;
	date: string;
	time: string;
	durationMinutes: string;
	place: string;
	onlineLink: string;
	description: string;
	themeId: string;
	series: string;
}

export interface TafelValues {
	title: string;
	/** Wall-clock date and time in the Netherlands, as typed. */
	date: string;
	time: string;
	durationMinutes: number;
	place: string;
	onlineLink: string;
	description: string;
	themeId: string;
	series: string;
}

export const TAFEL_TIME_ZONE = 'Europe/Amsterdam';

// The project fields' rule (control characters but tab and newlines, bidi overrides that
// disguise text) plus U+FFFE/U+FFFF, which are not XML and break the DOCX minutes. NUL and
// lone surrogates cannot be stored in PostgreSQL text; isWellFormed catches the surrogates.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const BAD_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/;

/** One text field: trimmed, within its length, required or not. */
export function checkText(raw: unknown, max: number, required: boolean): { ok: true; value: string } | { ok: false; problem: TafelProblem } {
	const value = typeof raw === 'string' ? raw.trim() : '';
	if (BAD_TEXT.test(value) || !value.isWellFormed()) return { ok: false, problem: 'bad-text' };
	if (required && !value) return { ok: false, problem: 'required' };
	if ([...value].length > max) return { ok: false, problem: 'too-long' };
	return { ok: true, value };
}

/** A real calendar day as YYYY-MM-DD. */
export function isCalendarDay(value: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) return false;
	const [y, mo, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(y, mo - 1, d));
	return y >= 2000 && y <= 2100 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function isHttpUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'https:' || url.protocol === 'http:';
	} catch {
		return false;
	}
}

export function validateTafel(input: TafelInput): Checked<TafelValues> {
	const errors: Record<string, TafelProblem> = {};
	const text = (key: keyof TafelInput, max: number, required = false) => {
		const checked = checkText(input[key], max, required);
		if (!checked.ok) errors[key] = checked.problem;
		return checked.ok ? checked.value : '';
	};
	const title = text('title', 200, true);
	const place = text('place', 200);
	const onlineLink = text('onlineLink', 500);
	const description = text('description', 5000);
	const series = text('series', 100);
	const date = input.date.trim();
	const time = input.time.trim();
	if (!date) errors.date = 'required';
	else if (!isCalendarDay(date)) errors.date = 'bad-date';
	if (!time) errors.time = 'required';
	else if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) errors.time = 'bad-time';
	const duration = Number(input.durationMinutes || 120);
	if (!Number.isInteger(duration) || duration < 15 || duration > 720) errors.durationMinutes = 'bad-duration';
	if (onlineLink && !isHttpUrl(onlineLink)) errors.onlineLink = 'bad-link';
	if (!place && !onlineLink && !errors.place && !errors.onlineLink) errors.place = 'place-or-link';
	const themeId = input.themeId.trim();
	if (themeId && !THEMES.some((t) => t.id === themeId)) errors.themeId = 'bad-theme';
	if (Object.keys(errors).length) return { ok: false, errors };
	return { ok: true, value: { title, date, time, durationMinutes: duration, place, onlineLink, description, themeId, series } };
}

export interface AgendaItemValues {
	title: string;
	minutes: number | null;
	note: string;
}

export function validateAgendaItem(input: { title: string; minutes: string; note: string }): Checked<AgendaItemValues> {
	const errors: Record<string, TafelProblem> = {};
	const title = checkText(input.title, 200, true);
	if (!title.ok) errors.title = title.problem;
	const note = checkText(input.note, 2000, false);
	if (!note.ok) errors.note = note.problem;
	const raw = input.minutes.trim();
	const minutes = raw ? Number(raw) : null;
	if (minutes !== null && (!Number.isInteger(minutes) || minutes < 1 || minutes > 480)) errors.minutes = 'bad-minutes';
	if (!title.ok || !note.ok || errors.minutes) return { ok: false, errors };
	return { ok: true, value: { title: title.value, minutes, note: note.value } };
}

/** Project codes as typed ("RIP-2026-0001, RIP-2026-0002"): upper-cased, unique, at most 20. */
export function parseProjectCodes(raw: string): string[] {
	const codes = raw.split(/[\s,;]+/).map((c) => c.trim().toUpperCase()).filter(Boolean);
	return [...new Set(codes)].slice(0, 20);
}

/**
 * Where an item lands when moved one step: the new order of ids, or null when it cannot
 * move that way (first up, last down) or is not in the list.
 */
export function moveInOrder(ids: readonly string[], id: string, direction: 'up' | 'down'): string[] | null {
	const from = ids.indexOf(id);
	const to = direction === 'up' ? from - 1 : from + 1;
	if (from < 0 || to < 0 || to >= ids.length) return null;
	const next = [...ids];
	[next[from], next[to]] = [next[to], next[from]];
	return next;
}

/** A requested full order is accepted only as a permutation of the current one. */
export function isSameSet(current: readonly string[], requested: readonly string[]): boolean {
	return current.length === requested.length && new Set(requested).size === requested.length && requested.every((id) => current.includes(id));
}

/**
 * A wall-clock date and time in the Netherlands as an instant. The offset is found from
 * the time zone database (CET or CEST) rather than assumed, twice, so it is right on the
 * days the clocks change.
 */
export function amsterdamToInstant(date: string, time: string): Date {
	const asUtc = Date.parse(`${date}T${time}:00Z`);
	const offsetAt = (instant: number) => {
		const parts = new Intl.DateTimeFormat('en-GB', { timeZone: TAFEL_TIME_ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(new Date(instant));
		const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
		return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - instant;
	};
	const first = asUtc - offsetAt(asUtc);
	return new Date(asUtc - offsetAt(first));
}

/** The reverse, for filling in the edit form. */
export function instantToAmsterdam(instant: Date): { date: string; time: string } {
	const parts = new Intl.DateTimeFormat('en-GB', { timeZone: TAFEL_TIME_ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(instant);
	const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}
