/** The update log's group commits, retries and compaction order, against a fake store. */
import { describe, expect, test } from 'vitest';
import { UpdateLog, type DocumentStore } from './persistence.ts';

const OPTIONS = { commitIntervalMs: 5, compactAfterRows: 3, retryInitialMs: 5, retryMaxMs: 20 };
const bytes = (n: number) => new Uint8Array([n]);

function fakeStore(failures = 0, onFail: () => void = () => {}) {
	const batches: number[][] = [];
	const compactions: string[] = [];
	let fail = failures;
	const store: DocumentStore = {
		loadDocumentParts: async () => ({ parts: [], rows: 0 }),
		appendUpdates: async (batch) => {
			if (fail-- > 0) {
				onFail();
				throw new Error('database restarting');
			}
			batches.push(batch.map((p) => p.update[0]));
		},
		compactDocument: async (name) => {
			compactions.push(`start ${name}`);
			await new Promise((r) => setTimeout(r, 10));
			compactions.push(`end ${name}`);
			return 'compacted';
		}
	};
	return { store, batches, compactions };
}

describe('UpdateLog', () => {
	test('updates queued in one interval are written in one batch, in order, and acknowledged only after it', async () => {
		const { store, batches } = fakeStore();
		const log = new UpdateLog(store, OPTIONS);
		const acked: number[] = [];
		for (const n of [1, 2, 3]) log.enqueue('doc', bytes(n), () => acked.push(n));
		expect(acked).toEqual([]);
		await log.flush();
		expect(batches).toEqual([[1, 2, 3]]);
		expect(acked).toEqual([1, 2, 3]);
		expect(log.needsCompaction('doc')).toBe(true);
	});

	test('a failed write keeps the batch ahead of newer updates and retries; nothing is acknowledged before it is stored', async () => {
		const acked: number[] = [];
		let log: UpdateLog | null = null;
		// Update 2 arrives while the write of update 1 is failing.
		const { store, batches } = fakeStore(2, () => (acked.length === 0 && !queued++ ? log!.enqueue('doc', bytes(2), () => acked.push(2)) : undefined));
		let queued = 0;
		log = new UpdateLog(store, OPTIONS);
		log.enqueue('doc', bytes(1), () => acked.push(1));
		await log.flush();
		expect(batches.flat()).toEqual([1, 2]);
		expect(acked).toEqual([1, 2]);
	});

	test('compactions of one document never overlap; the row count starts again after one', async () => {
		const { store, compactions } = fakeStore();
		const log = new UpdateLog(store, OPTIONS);
		for (const n of [1, 2, 3]) log.enqueue('doc', bytes(n), () => {});
		await log.flush();
		await Promise.all([log.compact('doc'), log.compact('doc')]);
		expect(compactions).toEqual(['start doc', 'end doc', 'start doc', 'end doc']);
		expect(log.needsCompaction('doc')).toBe(false);
	});
});
