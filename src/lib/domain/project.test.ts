import { describe, expect, test } from 'vitest';
import { crossCheck, emptyFields, isStale, validateField, validateProject } from './project.ts';

describe('project field validation', () => {
	test('a title is required, 5 to 140 characters', () => {
		expect(validateField('title', '')).toEqual({ ok: false, problem: 'required' });
		expect(validateField('title', 'Kort')).toEqual({ ok: false, problem: 'too-short' });
		expect(validateField('title', 'x'.repeat(141))).toEqual({ ok: false, problem: 'too-long' });
		expect(validateField('title', '  Waterstof Noord  ')).toEqual({ ok: true, value: 'Waterstof Noord' });
	});
	test('amounts accept Dutch notation and refuse negatives, fractions and absurd sizes', () => {
		expect(validateField('totalBudget', '€ 1.250.000')).toEqual({ ok: true, value: 1_250_000 });
		expect(validateField('totalBudget', '')).toEqual({ ok: true, value: null });
		expect(validateField('totalBudget', -5)).toEqual({ ok: false, problem: 'negative' });
		expect(validateField('totalBudget', 12.5)).toEqual({ ok: false, problem: 'not-a-number' });
		expect(validateField('totalBudget', 1e12)).toEqual({ ok: false, problem: 'too-large' });
		expect(validateField('totalBudget', 'veel')).toEqual({ ok: false, problem: 'not-a-number' });
	});
	test('value lists only take known ids', () => {
		expect(validateField('provinces', ['NL-NB', 'NL-GE', 'NL-NB'])).toEqual({ ok: true, value: ['NL-NB', 'NL-GE'] });
		expect(validateField('provinces', ['NL-XX'])).toEqual({ ok: false, problem: 'not-in-list' });
		expect(validateField('status', 'klaar')).toEqual({ ok: false, problem: 'not-in-list' });
		expect(validateField('themeId', 'energie-klimaat')).toEqual({ ok: true, value: 'energie-klimaat' });
	});
	test('placeholder missions of unknown content are not offered', () => {
		expect(validateField('missionIds', ['v-x6'])).toEqual({ ok: false, problem: 'not-in-list' });
	});
	test('texts refuse control characters, bidi overrides and lone surrogates but keep HTML as text', () => {
		expect(validateField('summary', 'a\u0000b').ok).toBe(false);
		expect(validateField('summary', 'a\u202eb').ok).toBe(false);
		expect(validateField('summary', 'a\ud800b').ok).toBe(false);
		expect(validateField('summary', '<script>alert(1)</script> 🦆')).toEqual({ ok: true, value: '<script>alert(1)</script> 🦆' });
	});
	test('months are yyyy-mm and TRL 1 to 9', () => {
		expect(validateField('periodStart', '2026-13').ok).toBe(false);
		expect(validateField('periodStart', '2026-01').ok).toBe(true);
		expect(validateField('trlCurrent', 10).ok).toBe(false);
		expect(validateField('trlCurrent', '7')).toEqual({ ok: true, value: 7 });
	});
	test('a crafted value of the wrong type is refused, never coerced', () => {
		expect(validateField('title', { toString: () => 'x' }).ok).toBe(false);
		expect(validateField('provinces', 'NL-NB')).toEqual({ ok: true, value: ['NL-NB'] });
		expect(validateField('provinces', 42).ok).toBe(false);
	});
});

describe('rules between fields', () => {
	const base = { ...emptyFields(), title: 'Waterstof Noord', provinces: ['NL-GR'] };
	test('requested may not exceed the total budget', () => {
		expect(crossCheck({ ...base, totalBudget: 100, requestedAmount: 200 })).toEqual([{ field: 'requestedAmount', problem: 'requested-exceeds-total', involves: ['requestedAmount', 'totalBudget'] }]);
	});
	test('COROP regions must lie in the chosen provinces', () => {
		expect(crossCheck({ ...base, corop: ['CR01'] })).toEqual([]);
		expect(crossCheck({ ...base, corop: ['CR36'] })).toEqual([{ field: 'corop', problem: 'corop-outside-provinces', involves: ['corop', 'provinces'] }]);
	});
	test('TRL and period go forward', () => {
		expect(crossCheck({ ...base, trlCurrent: 7, trlTarget: 5 })).toEqual([{ field: 'trlTarget', problem: 'trl-order', involves: ['trlCurrent', 'trlTarget'] }]);
		expect(crossCheck({ ...base, periodStart: '2027-01', periodEnd: '2026-01' })).toEqual([{ field: 'periodEnd', problem: 'period-order', involves: ['periodStart', 'periodEnd'] }]);
	});
	test('validateProject reports every problem at its field', () => {
		const result = validateProject({ title: 'x', totalBudget: 'veel', status: 'onbekend' });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.errors).toEqual({ title: 'too-short', totalBudget: 'not-a-number', status: 'not-in-list' });
	});
});

test('a field untouched for more than a year is flagged as possibly stale', () => {
	const now = new Date('2026-11-28');
	expect(isStale('2025-11-01', now)).toBe(true);
	expect(isStale('2026-06-01', now)).toBe(false);
	expect(isStale(null, now)).toBe(false);
});
