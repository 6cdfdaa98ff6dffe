/**
 * Every date and time the app shows, in one time zone: Europe/Amsterdam, whatever the
 * zone of the browser or the server. Otherwise a comment written in a browser set to
 * another zone could appear to come before the change it answers on the timeline.
 *
 * Relative times ("3 min geleden", "gisteren 14:05") take `now` as an argument so the
 * server and the browser can render the same text from the same instant.
 */
// Relative import: server-side exports load this outside Vite too.
import { m } from '../paraglide/messages.js';

export const TIME_ZONE = 'Europe/Amsterdam';
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

type Locale = 'nl' | 'en';
type Moment = Date | string | number;

const asLocale = (locale: string): Locale => (locale === 'en' ? 'en' : 'nl');
const toDate = (value: Moment): Date => (value instanceof Date ? value : new Date(value));

// Building a DateTimeFormat is slow; keep one per locale and options.
const formats = new Map<string, Intl.DateTimeFormat>();

/** A formatter with any options but always Amsterdam time (exports with their own layout). */
export function dateTimeFormat(locale: string, options: Omit<Intl.DateTimeFormatOptions, 'timeZone'>): Intl.DateTimeFormat {
	return format(locale, JSON.stringify(options), options);
}

function format(locale: string, style: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${asLocale(locale)}:${style}`;
	let found = formats.get(key);
	if (!found) {
		found = new Intl.DateTimeFormat(asLocale(locale) === 'en' ? 'en-GB' : 'nl-NL', { ...options, timeZone: TIME_ZONE });
		formats.set(key, found);
	}
	return found;
}

/** "12 mrt 2026, 14:05" */
export function formatDateTime(value: Moment, locale: string): string {
	return format(locale, 'datetime', { dateStyle: 'medium', timeStyle: 'short' }).format(toDate(value));
}

/** "donderdag 12 maart 2026 om 14:05": the tooltip behind a relative time. */
export function formatDateTimeLong(value: Moment, locale: string): string {
	return format(locale, 'long', { dateStyle: 'full', timeStyle: 'short' }).format(toDate(value));
}

/** "12-03-2026" (grid columns). */
export function formatDate(value: Moment, locale: string): string {
	return format(locale, 'date', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(toDate(value));
}

/** "2026-03-12": the day in Amsterdam as ISO 8601 (file names, spreadsheet cells). */
export function isoDay(value: Moment): string {
	const { year, month, day } = amsterdamDate(toDate(value));
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "14:05" */
export function formatTime(value: Moment, locale: string): string {
	return format(locale, 'time', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(toDate(value));
}

/** "12 mrt, 14:05": this year's dates need no year. */
function formatDayTime(value: Date, locale: string): string {
	return format(locale, 'daytime', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(value);
}

function amsterdamDate(value: Date): { year: number; month: number; day: number } {
	const parts = format('en', 'ymd', { year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(value);
	const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
	return { year: part('year'), month: part('month'), day: part('day') };
}

/** The calendar day in Amsterdam as a day count, so "yesterday" follows the clock on the wall, not 24 hours. */
function amsterdamDay(value: Date): { day: number; year: number } {
	const { year, month, day } = amsterdamDate(value);
	return { day: Date.UTC(year, month - 1, day) / DAY_MS, year };
}

/**
 * For lists people scan: "zojuist", "3 min geleden", "vandaag 14:05", "gisteren 14:05",
 * "12 mrt, 14:05", and for other years the full date. A time in the future (a clock
 * ahead of ours) reads as the absolute time rather than "in 2 min".
 */
export function formatRelative(value: Moment, locale: string, now: Moment): string {
	const date = toDate(value);
	const at = toDate(now);
	const options = { locale: asLocale(locale) };
	const ago = at.getTime() - date.getTime();
	if (ago >= -MINUTE_MS && ago < MINUTE_MS) return m.time_just_now({}, options);
	if (ago > 0 && ago < HOUR_MS) return m.time_minutes_ago({ count: Math.floor(ago / MINUTE_MS) }, options);
	if (ago < 0) return formatDateTime(date, locale);
	const then = amsterdamDay(date);
	const today = amsterdamDay(at);
	const time = formatTime(date, locale);
	if (then.day === today.day) return m.time_today({ time }, options);
	if (then.day === today.day - 1) return m.time_yesterday({ time }, options);
	return then.year === today.year ? formatDayTime(date, locale) : formatDateTime(date, locale);
}
