import { describe, expect, test, vi } from 'vitest';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate, applyAwarenessUpdate, outdatedTimeout } from 'y-protocols/awareness';
import { sweepAwareness, sweepNow } from './awareness-sweep.ts';

describe('awareness sweep', () => {
	test('one sweep forgets the states clients stopped renewing, in every room, and keeps the fresh ones', () => {
		const rooms = [new Awareness(new Y.Doc()), new Awareness(new Y.Doc())];
		const clients = [new Awareness(new Y.Doc()), new Awareness(new Y.Doc())];
		rooms.forEach((room, i) => {
			room.setLocalState(null);
			sweepAwareness(room);
			clients[i].setLocalState({ cursor: i });
			applyAwarenessUpdate(room, encodeAwarenessUpdate(clients[i], [clients[i].clientID]), 'test');
		});
		const removed: number[] = [];
		rooms[1].on('update', ({ removed: gone }: { removed: number[] }) => removed.push(...gone));
		sweepNow(Date.now());
		expect(rooms.map((r) => r.getStates().size)).toEqual([1, 1]);
		sweepNow(Date.now() + outdatedTimeout + 1);
		expect(rooms.map((r) => r.getStates().size)).toEqual([0, 0]);
		expect(removed).toEqual([clients[1].clientID]);
		for (const a of [...rooms, ...clients]) a.destroy();
	});

	test('a thousand rooms wake the process on one timer, which stops with the last room', () => {
		vi.useFakeTimers();
		try {
			const rooms = Array.from({ length: 1000 }, () => new Awareness(new Y.Doc()));
			expect(vi.getTimerCount()).toBe(1000);
			for (const room of rooms) sweepAwareness(room);
			expect(vi.getTimerCount()).toBe(1);
			for (const room of rooms) room.destroy();
			expect(vi.getTimerCount()).toBe(0);
		} finally {
			vi.useRealTimers();
		}
	});
});
