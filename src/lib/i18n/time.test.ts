import { afterEach, describe, expect, test } from 'vitest';
import { formatDate, formatDateTime, isoDay, formatDateTimeLong, formatRelative, formatTime } from './time.ts';

// Thursday 12 March 2026, 14:05 in Amsterdam (CET, UTC+1).
const NOW = '2026-03-12T13:05:00Z';
const before = (ms: number) => new Date(Date.parse(NOW) - ms);
const MIN = 60_000;

describe('relative times where people scan', () => {
	test.each([
		['nl', 30_000, 'zojuist'],
		['en', 30_000, 'just now'],
		['nl', 3 * MIN + 20_000, '3 min geleden'],
		['en', 3 * MIN + 20_000, '3 min ago'],
		['nl', 59 * MIN, '59 min geleden'],
		['nl', 2 * 60 * MIN, 'vandaag 12:05'],
		['en', 2 * 60 * MIN, 'today 12:05'],
		['nl', 24 * 60 * MIN, 'gisteren 14:05'],
		['en', 24 * 60 * MIN, 'yesterday 14:05'],
		['nl', 2 * 24 * 60 * MIN, '10 mrt, 14:05'],
		['en', 2 * 24 * 60 * MIN, '10 Mar, 14:05'],
		['nl', 365 * 24 * 60 * MIN, '12 mrt 2025, 14:05'],
		['en', 365 * 24 * 60 * MIN, '12 Mar 2025, 14:05']
	])('%s, %d ms ago → %s', (locale, ago, expected) => {
		expect(formatRelative(before(ago), locale, NOW)).toBe(expected);
	});

	test('a time ahead of the clock reads as the absolute time, a few seconds ahead as "just now"', () => {
		expect(formatRelative(before(-5 * MIN), 'nl', NOW)).toBe('12 mrt 2026, 14:10');
		expect(formatRelative(before(-10_000), 'nl', NOW)).toBe('zojuist');
	});

	test('"yesterday" is the calendar day in Amsterdam, not in UTC', () => {
		// 00:30 on 12 March in Amsterdam is still 11 March in UTC; 23:50 the evening before is yesterday.
		const now = '2026-03-11T23:30:00Z';
		expect(formatRelative('2026-03-11T22:10:00Z', 'nl', now)).toBe('gisteren 23:10');
		expect(formatRelative('2026-03-11T23:10:00Z', 'nl', now)).toBe('20 min geleden');
		expect(formatRelative('2026-03-11T22:20:00Z', 'en', '2026-03-11T23:40:00Z')).toBe('yesterday 23:20');
	});

	test('across the spring DST change (29 March 2026, 02:00 CET → 03:00 CEST)', () => {
		const now = '2026-03-29T10:00:00Z'; // 12:00 CEST
		expect(formatRelative('2026-03-28T23:30:00Z', 'nl', now)).toBe('vandaag 00:30');
		expect(formatRelative('2026-03-29T00:59:00Z', 'nl', now)).toBe('vandaag 01:59');
		expect(formatRelative('2026-03-29T01:00:00Z', 'nl', now)).toBe('vandaag 03:00');
		expect(formatRelative('2026-03-28T22:59:00Z', 'en', now)).toBe('yesterday 23:59');
	});

	test('across the autumn DST change (25 October 2026, 03:00 CEST → 02:00 CET)', () => {
		// Ten past midnight on the 26th: 24 h 40 min after 00:30 CEST on the 25th, still "yesterday".
		const now = '2026-10-25T23:10:00Z';
		expect(formatRelative('2026-10-24T22:30:00Z', 'nl', now)).toBe('gisteren 00:30');
		// The hour that happens twice: both read 02:30.
		expect(formatTime('2026-10-25T00:30:00Z', 'nl')).toBe('02:30');
		expect(formatTime('2026-10-25T01:30:00Z', 'nl')).toBe('02:30');
		expect(formatRelative('2026-10-24T21:59:00Z', 'nl', now)).toBe('24 okt, 23:59');
	});
});

describe('absolute times', () => {
	test('in Dutch and English, always in Amsterdam time', () => {
		expect(formatDateTime(NOW, 'nl')).toBe('12 mrt 2026, 14:05');
		expect(formatDateTime(NOW, 'en')).toBe('12 Mar 2026, 14:05');
		expect(formatDateTime('2026-07-01T12:00:00Z', 'nl')).toBe('1 jul 2026, 14:00');
		expect(formatDateTimeLong(NOW, 'nl')).toBe('donderdag 12 maart 2026 om 14:05');
		expect(formatDateTimeLong(NOW, 'en')).toBe('Thursday, 12 March 2026 at 14:05');
		expect(formatDate('2026-03-11T23:30:00Z', 'nl')).toBe('12-03-2026');
		expect(formatDate('2026-03-11T23:30:00Z', 'en')).toBe('12/03/2026');
		expect(formatTime(new Date(NOW), 'en')).toBe('14:05');
		// Just after midnight in Amsterdam is still the day before in UTC.
		expect(isoDay('2026-03-11T23:30:00Z')).toBe('2026-03-12');
		expect(isoDay('2026-06-30T22:00:00Z')).toBe('2026-07-01');
	});
});

describe('the zone of the browser or server is ignored', () => {
	const original = process.env.TZ;
	afterEach(() => {
		process.env.TZ = original;
	});

	const sample = () => [
		formatDateTime(NOW, 'nl'),
		formatDateTimeLong(NOW, 'en'),
		formatDate('2026-03-11T23:30:00Z', 'nl'),
		isoDay('2026-03-11T23:30:00Z'),
		formatTime('2026-10-25T01:30:00Z', 'en'),
		formatRelative('2026-03-11T22:10:00Z', 'nl', '2026-03-11T23:30:00Z'),
		formatRelative(before(2 * 60 * MIN), 'en', NOW)
	];

	test.each(['America/New_York', 'Asia/Tokyo', 'Pacific/Kiritimati', 'UTC'])('a machine set to %s shows Amsterdam time', (zone) => {
		process.env.TZ = zone;
		// The runtime really is in that zone now, as a browser there would be.
		expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone === 'UTC' ? 'UTC' : zone);
		expect(sample()).toEqual(['12 mrt 2026, 14:05', 'Thursday, 12 March 2026 at 14:05', '12-03-2026', '2026-03-12', '02:30', 'gisteren 23:10', 'today 12:05']);
	});
});
