import { describe, expect, test } from 'vitest';
import { isTafelEvent, tafelEventParts } from './tafel-events.ts';
import { amsterdamToInstant, instantToAmsterdam, isSameSet, moveInOrder, parseProjectCodes, validateAgendaItem, validateTafel, type TafelInput } from './tafel.ts';

const good: TafelInput = { title: 'Brede tafel Oost', date: '2026-03-12', time: '13:30', durationMinutes: '150', place: 'Provinciehuis Arnhem', onlineLink: '', description: '', themeId: 'energie-klimaat', series: 'Oost' };

describe('a tafel as typed', () => {
	test('a complete form is accepted as typed, trimmed', () => {
		const checked = validateTafel({ ...good, title: '  Brede tafel Oost ' });
		expect(checked).toEqual({ ok: true, value: { ...good, durationMinutes: 150 } });
	});

	test.each([
		[{ title: '   ' }, 'title', 'required'],
		[{ date: '2026-02-30' }, 'date', 'bad-date'],
		[{ time: '25:00' }, 'time', 'bad-time'],
		[{ durationMinutes: '5' }, 'durationMinutes', 'bad-duration'],
		[{ onlineLink: 'javascript:alert(1)' }, 'onlineLink', 'bad-link'],
		[{ place: '', onlineLink: '' }, 'place', 'place-or-link'],
		[{ themeId: 'geen-thema' }, 'themeId', 'bad-theme'],
		[{ title: 'x'.repeat(201) }, 'title', 'too-long'],
		[{ description: 'a\u0000b' }, 'description', 'bad-text'],
		[{ title: 'Oost\uffff' }, 'title', 'bad-text'],
		[{ title: 'Oost\ufffe' }, 'title', 'bad-text'],
		[{ place: 'Arnhem\u202eolleh' }, 'place', 'bad-text'],
		[{ series: 'Oost\u2066' }, 'series', 'bad-text'],
		[{ title: 'Oost\u0007' }, 'title', 'bad-text'],
		[{ description: 'a\u007fb' }, 'description', 'bad-text'],
		[{ title: 'Oost\ud800' }, 'title', 'bad-text']
	] as const)('%o is refused on %s (%s)', (change, field, problem) => {
		const checked = validateTafel({ ...good, ...change });
		expect(checked.ok).toBe(false);
		if (!checked.ok) expect(checked.errors[field]).toBe(problem);
	});

	test('tabs and new lines in the description, and characters outside the BMP, are fine', () => {
		expect(validateTafel({ ...good, description: 'Eerste regel\r\n\tTweede 🔥' }).ok).toBe(true);
	});

	test('an online link alone is enough', () => {
		expect(validateTafel({ ...good, place: '', onlineLink: 'https://meet.example/oost' }).ok).toBe(true);
	});
});

describe('agenda items', () => {
	test('the time box is optional, and when given a whole number of minutes', () => {
		expect(validateAgendaItem({ title: 'Waterstof Oost', minutes: '', note: '' })).toEqual({ ok: true, value: { title: 'Waterstof Oost', minutes: null, note: '' } });
		expect(validateAgendaItem({ title: 'Waterstof Oost', minutes: '20', note: 'Zie koppeling' }).ok).toBe(true);
		expect(validateAgendaItem({ title: 'Waterstof Oost', minutes: '2.5', note: '' }).ok).toBe(false);
		expect(validateAgendaItem({ title: '', minutes: '', note: '' }).ok).toBe(false);
		expect(validateAgendaItem({ title: 'Waterstof\uffff', minutes: '', note: '' })).toEqual({ ok: false, errors: { title: 'bad-text' } });
		expect(validateAgendaItem({ title: 'Waterstof', minutes: '', note: 'zie \u202ebijlage' })).toEqual({ ok: false, errors: { note: 'bad-text' } });
	});

	test('project codes are read from commas, spaces and semicolons, once each', () => {
		expect(parseProjectCodes(' rip-2026-0001, RIP-2026-0002;RIP-2026-0001  ')).toEqual(['RIP-2026-0001', 'RIP-2026-0002']);
		expect(parseProjectCodes('')).toEqual([]);
	});

	test('moving one step swaps with the neighbour; not past either end', () => {
		expect(moveInOrder(['a', 'b', 'c'], 'c', 'up')).toEqual(['a', 'c', 'b']);
		expect(moveInOrder(['a', 'b', 'c'], 'a', 'down')).toEqual(['b', 'a', 'c']);
		expect(moveInOrder(['a', 'b', 'c'], 'a', 'up')).toBeNull();
		expect(moveInOrder(['a', 'b', 'c'], 'c', 'down')).toBeNull();
		expect(moveInOrder(['a'], 'x', 'up')).toBeNull();
	});

	test('a full new order must be the same items', () => {
		expect(isSameSet(['a', 'b'], ['b', 'a'])).toBe(true);
		expect(isSameSet(['a', 'b'], ['a', 'a'])).toBe(false);
		expect(isSameSet(['a', 'b'], ['a', 'b', 'c'])).toBe(false);
	});
});

describe('Dutch wall-clock time', () => {
	test('winter and summer time both map to the right instant and back', () => {
		expect(amsterdamToInstant('2026-01-15', '13:30').toISOString()).toBe('2026-01-15T12:30:00.000Z');
		expect(amsterdamToInstant('2026-07-15', '13:30').toISOString()).toBe('2026-07-15T11:30:00.000Z');
		expect(instantToAmsterdam(new Date('2026-07-15T11:30:00Z'))).toEqual({ date: '2026-07-15', time: '13:30' });
	});

	test('the morning the clocks go forward', () => {
		expect(amsterdamToInstant('2026-03-29', '09:00').toISOString()).toBe('2026-03-29T07:00:00.000Z');
	});
});

describe('timeline entries of a tafel', () => {
	test('the tafel and the owning organisation are read back from the event', () => {
		expect(tafelEventParts({ fromValue: 'Brede tafel Oost', toValue: 'abc123:Provincie Noord-Brabant' })).toEqual({ tafelId: 'abc123', tafelTitle: 'Brede tafel Oost', organisation: 'Provincie Noord-Brabant' });
		expect(tafelEventParts({ fromValue: 'Oost', toValue: 'abc123' })).toEqual({ tafelId: 'abc123', tafelTitle: 'Oost', organisation: '' });
		expect(isTafelEvent('tafel-action-done')).toBe(true);
		expect(isTafelEvent('status')).toBe(false);
	});
});
