/**
 * Latency probes carried inside real Yjs updates. A writer sets a map key whose value
 * is a marker string holding its index, a sequence number and the send time; Yjs
 * writes strings as UTF-8 bytes as they are, so a reader finds every marker in a
 * received frame with a byte search (no Y.Doc, no decoding of the update), also in
 * frames where a server merged many updates into one.
 *
 * Times are microseconds of process.hrtime (CLOCK_MONOTONIC): one clock for every
 * process on the machine, so a time taken in one worker process can be subtracted from
 * a time taken in another. Wall-clock time (Date.now, performance.timeOrigin) could
 * step between processes; the monotonic clock cannot.
 */

/** Microseconds of the machine's monotonic clock (the same in every process). */
export const nowUs = (): number => Number(process.hrtime.bigint() / 1000n);

/** Warm-up edits and measured edits: only the measured ones are counted. */
export type Phase = 'w' | 'm';

const START = '\u0002TB';
const END = '\u0003';
const START_BYTES = Buffer.from(START);
const COLON = 0x3a;
const END_BYTE = END.charCodeAt(0);
const PHASE_MEASURED = 'm'.charCodeAt(0);

/**
 * The value a writer stores: phase, run, writer index, sequence number and send time.
 * The run number keeps markers of an earlier run in the same stored document (which a
 * joining client receives with the state) from being counted again.
 */
export function marker(phase: Phase, run: number, writer: number, seq: number, sentUs: number): string {
	return `${START}${phase}${run}:${writer}:${seq}:${sentUs}${END}`;
}

export interface Found {
	measured: boolean;
	run: number;
	writer: number;
	seq: number;
	sentUs: number;
}

/** Reads a decimal number of ASCII digits from `at`; returns [value, index after it] or null. */
function digits(bytes: Uint8Array, at: number): [number, number] | null {
	let value = 0;
	let i = at;
	while (i < bytes.length && bytes[i] >= 0x30 && bytes[i] <= 0x39) value = value * 10 + (bytes[i++] - 0x30);
	return i === at ? null : [value, i];
}

/** Calls `found` for every marker in a received frame (a merged update may hold many). */
export function scanMarkers(frame: Buffer, found: (m: Found) => void): void {
	let at = frame.indexOf(START_BYTES);
	while (at !== -1) {
		const phase = frame[at + START_BYTES.length];
		const r = digits(frame, at + START_BYTES.length + 1);
		const w = r && frame[r[1]] === COLON ? digits(frame, r[1] + 1) : null;
		const s = w && frame[w[1]] === COLON ? digits(frame, w[1] + 1) : null;
		const t = s && frame[s[1]] === COLON ? digits(frame, s[1] + 1) : null;
		if (r && w && s && t && frame[t[1]] === END_BYTE) {
			found({ measured: phase === PHASE_MEASURED, run: r[0], writer: w[0], seq: s[0], sentUs: t[0] });
			at = frame.indexOf(START_BYTES, t[1]);
		} else {
			at = frame.indexOf(START_BYTES, at + 1);
		}
	}
}

/** The same for a marker string a full client read out of its Y.Doc. */
export function parseMarker(value: unknown): Found | null {
	if (typeof value !== 'string' || !value.startsWith(START)) return null;
	let result: Found | null = null;
	scanMarkers(Buffer.from(value), (m) => (result = m));
	return result;
}
