import { describe, expect, test } from 'vitest';
import * as ws from 'ws';
import { binaryFrame, Broadcast } from './wire.ts';

/** ws' frame parser (exported at run time, not in its types). */
type Parser = { on(event: 'message', listener: (data: Buffer, isBinary: boolean) => void): void; write(bytes: Buffer): void };
const { Receiver } = ws as unknown as { Receiver: new (options: { isServer: boolean }) => Parser };

/** What a websocket client reads from these bytes, with ws' own parser. */
function read(bytes: Buffer): Buffer[] {
	const receiver = new Receiver({ isServer: false });
	const out: Buffer[] = [];
	receiver.on('message', (data: Buffer, isBinary: boolean) => {
		expect(isBinary).toBe(true);
		out.push(data);
	});
	receiver.write(bytes);
	return out;
}

describe('prepared websocket frames', () => {
	test('every length class (7-bit, 16-bit, 64-bit) reads back as the same binary message', () => {
		for (const length of [0, 1, 125, 126, 65_535, 65_536, 200_000]) {
			const payload = Uint8Array.from({ length }, (_, i) => (i * 31) % 256);
			const [message] = read(binaryFrame(payload));
			expect(message.equals(Buffer.from(payload))).toBe(true);
		}
	});

	test('a broadcast is its messages framed one after another, in order, prepared once', () => {
		const batch = new Broadcast([Uint8Array.of(0, 2, 1), Uint8Array.of(1, 5)]);
		expect(batch.wire).toBe(batch.wire);
		expect(read(batch.wire).map((m) => [...m])).toEqual([[0, 2, 1], [1, 5]]);
	});
});
