import { describe, expect, test } from 'vitest';
import { shortCache } from './short-cache.ts';

/** A lookup the test answers when it likes, counting how often it was asked. */
function source<V>() {
	let asked = 0;
	const waiting: ((value: V | null) => void)[] = [];
	return {
		load: () => {
			asked++;
			return new Promise<V | null>((resolve) => waiting.push(resolve));
		},
		answer: (value: V | null) => waiting.splice(0).forEach((resolve) => resolve(value)),
		asked: () => asked
	};
}

describe('shortCache', () => {
	test('lookups of one key at once share one load, and the answer is kept for the next', async () => {
		const cache = shortCache<string, number>({ ttlMs: 10_000, maxEntries: 10 });
		const db = source<number>();
		const both = Promise.all([cache.get('a', db.load), cache.get('a', db.load)]);
		db.answer(1);
		expect(await both).toEqual([1, 1]);
		expect(await cache.get('a', db.load)).toBe(1);
		expect(db.asked()).toBe(1);
	});

	test('what was forgotten while its lookup was in flight is answered but not kept', async () => {
		const cache = shortCache<string, number>({ ttlMs: 10_000, maxEntries: 10 });
		const db = source<number>();
		const first = cache.get('a', db.load);
		cache.forget('a');
		db.answer(1);
		expect(await first).toBe(1);
		const again = cache.get('a', db.load);
		db.answer(2);
		expect(await again).toBe(2);
		expect(db.asked()).toBe(2);
	});

	test('nothing found is never kept; expired and stale entries are looked up again', async () => {
		let fresh = true;
		const cache = shortCache<string, number>({ ttlMs: 30, maxEntries: 10, fresh: () => fresh });
		const db = source<number>();
		let pending = cache.get('a', db.load);
		db.answer(null);
		expect(await pending).toBeNull();
		pending = cache.get('a', db.load);
		db.answer(1);
		expect(await pending).toBe(1);
		fresh = false;
		pending = cache.get('a', db.load);
		db.answer(2);
		expect(await pending).toBe(2);
		fresh = true;
		await new Promise((resolve) => setTimeout(resolve, 40));
		pending = cache.get('a', db.load);
		db.answer(3);
		expect(await pending).toBe(3);
		expect(db.asked()).toBe(4);
	});

	test('forgetWhere drops the matching entries only; the oldest goes when full', async () => {
		const cache = shortCache<string, number>({ ttlMs: 10_000, maxEntries: 2 });
		const put = async (key: string, value: number) => cache.get(key, async () => value);
		await put('a', 1);
		await put('b', 2);
		cache.forgetWhere((v) => v === 1);
		expect(await cache.get('a', async () => 10)).toBe(10);
		expect(await cache.get('b', async () => 20)).toBe(2);
		await put('c', 3); // full: 'b' (the oldest) goes
		expect(await cache.get('b', async () => 20)).toBe(20);
	});

	test('expired entries are let go as soon as the cache is used again, not kept until replaced', async () => {
		const cache = shortCache<string, number>({ ttlMs: 20, maxEntries: 100 });
		for (const key of ['a', 'b', 'c']) await cache.get(key, async () => 1);
		expect(cache.size()).toBe(3);
		await new Promise((resolve) => setTimeout(resolve, 30));
		await cache.get('d', async () => 2);
		expect(cache.size()).toBe(1);
	});
});
