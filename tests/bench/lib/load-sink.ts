/**
 * What one load-generator worker collects from all its clients: latency samples of the
 * measured markers (deduplicated per reader and writer), durable acknowledgements,
 * traffic by message type during the window, and closed connections.
 */
import type { Found } from './markers.ts';

/** A growing Float32Array: hundreds of thousands of samples without a boxed number each. */
export class Samples {
	#data = new Float32Array(1 << 14);
	length = 0;
	push(value: number): void {
		if (this.length === this.#data.length) {
			const grown = new Float32Array(this.#data.length * 2);
			grown.set(this.#data);
			this.#data = grown;
		}
		this.#data[this.length++] = value;
	}
	/** The samples as base64 (sent over IPC once, at the end). */
	toBase64(): string {
		return Buffer.from(this.#data.buffer, 0, this.length * 4).toString('base64');
	}
	static fromBase64(text: string): Float32Array {
		const bytes = Buffer.from(text, 'base64');
		return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
	}
}

export interface TrafficCounts {
	messages: number;
	bytes: number;
	byType: Record<string, { messages: number; bytes: number }>;
}

export class Sink {
	/** Traffic is counted only inside the measured window. */
	counting = false;
	traffic: TrafficCounts = { messages: 0, bytes: 0, byType: {} };
	latency = new Samples();
	durable = new Samples();
	delivered = 0;
	/** A marker a reader had seen already (a resent update): not counted twice. */
	duplicates = 0;
	closed: number[] = [];
	readonly #lastSeq = new Map<number, Int32Array>();
	/** `run`: only markers of this run count (lib/markers.ts). */
	constructor(
		readonly totalClients: number,
		readonly run: number
	) {}

	count(type: string, bytes: number): void {
		if (!this.counting) return;
		this.traffic.messages++;
		this.traffic.bytes += bytes;
		const entry = (this.traffic.byType[type] ??= { messages: 0, bytes: 0 });
		entry.messages++;
		entry.bytes += bytes;
	}

	resetTraffic(): void {
		this.traffic = { messages: 0, bytes: 0, byType: {} };
	}

	/** A reader saw a marker at `receivedUs`: one sample per reader and measured edit, never for the reader's own. */
	marker(reader: number, m: Found, receivedUs: number): void {
		if (!m.measured || m.run !== this.run || m.writer === reader) return;
		let last = this.#lastSeq.get(reader);
		if (!last) this.#lastSeq.set(reader, (last = new Int32Array(this.totalClients).fill(-1)));
		// Each writer's updates reach a reader in the order sent (one socket, one server queue).
		if (m.seq <= last[m.writer]) return void this.duplicates++;
		last[m.writer] = m.seq;
		this.delivered++;
		this.latency.push((receivedUs - m.sentUs) / 1000);
	}
}
