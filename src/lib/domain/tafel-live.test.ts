import { describe, expect, test } from 'vitest';
import { checkVotes, clock, remainingMs, spentMs } from './tafel-live.ts';

const round = { dots: 3, stacking: false, options: [{ projectId: 'a' }, { projectId: 'b' }, { projectId: 'c' }, { projectId: 'd' }] };

describe('dots', () => {
	test('a person spreads at most their dots, one per option unless stacking is allowed', () => {
		expect(checkVotes({ a: 1, b: 1, c: 1 }, round)).toEqual({ ok: true, votes: { a: 1, b: 1, c: 1 }, used: 3 });
		expect(checkVotes({ a: 1, b: 1, c: 1, d: 1 }, round)).toEqual({ ok: false, problem: 'too-many-dots' });
		expect(checkVotes({ a: 2 }, round)).toEqual({ ok: false, problem: 'too-many-dots' });
		expect(checkVotes({ a: 2, b: 1 }, { ...round, stacking: true })).toEqual({ ok: true, votes: { a: 2, b: 1 }, used: 3 });
		expect(checkVotes({ a: 4 }, { ...round, stacking: true })).toEqual({ ok: false, problem: 'too-many-dots' });
		expect(checkVotes({ a: 0, b: 1 }, round)).toEqual({ ok: true, votes: { b: 1 }, used: 1 });
	});
	test('anything else is refused', () => {
		for (const input of [null, 'a', ['a'], { x: 1 }, { a: -1 }, { a: 0.5 }, { a: '1' }, { a: Infinity }, { ['__proto__']: 1 }]) expect(checkVotes(input, round).ok, JSON.stringify(input)).toBe(false);
	});
});

describe('the timer', () => {
	const timer = { itemId: 'i', budgetMs: 600_000, elapsedMs: 60_000, runningSince: 1_000_000, addedMinutes: 0 };
	test('counts from the server clock while running and stands still while paused', () => {
		expect(remainingMs(timer, 1_030_000)).toBe(510_000);
		expect(spentMs(timer, 1_030_000)).toBe(90_000);
		expect(remainingMs({ ...timer, runningSince: null }, 9_999_999)).toBe(540_000);
	});
	test('shows minutes and seconds, over time with a minus', () => {
		expect(clock(510_000)).toBe('8:30');
		expect(clock(500)).toBe('0:01');
		expect(clock(0)).toBe('0:00');
		expect(clock(-30_000)).toBe('-0:30');
	});
});
