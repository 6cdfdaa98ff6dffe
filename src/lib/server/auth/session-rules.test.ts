import { describe, expect, test } from 'vitest';
import { judgeSession, newExpiry, SESSION_LIFETIME_MS } from './session-rules.ts';
import { generateToken, hashToken } from './tokens.ts';

const DAY = 24 * 60 * 60 * 1000;
const now = new Date('2026-11-28T12:00:00Z');

describe('session lifetime', () => {
	test('a new session lasts 30 days', () => {
		expect(newExpiry(now).getTime() - now.getTime()).toBe(30 * DAY);
		expect(SESSION_LIFETIME_MS).toBe(30 * DAY);
	});
	test('a session used in its first half is simply valid', () => {
		expect(judgeSession(new Date(now.getTime() + 20 * DAY), now)).toBe('valid');
	});
	test('a session used in its second half is extended (sliding expiry)', () => {
		expect(judgeSession(new Date(now.getTime() + 10 * DAY), now)).toBe('renew');
	});
	test('an expired session is refused, to the millisecond', () => {
		expect(judgeSession(now, now)).toBe('expired');
		expect(judgeSession(new Date(now.getTime() - 1), now)).toBe('expired');
	});
});

describe('session tokens', () => {
	test('tokens are random, 32 base32 characters', () => {
		const a = generateToken();
		expect(a).toMatch(/^[a-z2-7]{32}$/);
		expect(generateToken()).not.toBe(a);
	});
	test('only the SHA-256 of a token is stored, and it is stable', () => {
		const token = generateToken();
		expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
		expect(hashToken(token)).toBe(hashToken(token));
		expect(hashToken(token)).not.toContain(token);
	});
});
