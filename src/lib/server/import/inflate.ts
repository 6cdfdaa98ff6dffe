/**
 * The zip-bomb guard for .xlsx uploads. A zip's declared sizes can lie, so every entry
 * is inflated once, with the same unzip library exceljs reads with (unzipper, so both
 * see the same bytes), counting the bytes as they come out and stopping at the first
 * limit: nothing is kept, only counted. Only a file that passes is handed to exceljs,
 * whose reading is then bounded by the same limits.
 */
import { Readable } from 'node:stream';
import unzipper, { type Entry } from 'unzipper';

/** All entries together, actually inflated. A 10,000-row project list is a few MB of XML. */
export const XLSX_MAX_INFLATED = 64 * 1024 * 1024;
/**
 * The longest run of XML text or markup between "<" and ">": one cell's text, or one
 * attribute. Excel's own cell limit (32,767 characters), in UTF-8 and XML-escaped, fits.
 */
export const XLSX_MAX_MARKUP_RUN = 256 * 1024;

export type InflateVerdict = 'ok' | 'inflated-too-large' | 'cell-too-large' | 'corrupt';
export interface InflateLimits {
	maxInflated: number;
	maxRun: number;
}

const LT = 0x3c;
const GT = 0x3e;

/** The run length after this chunk, or -1 once a run passes the limit. */
function scanRuns(chunk: Buffer, run: number, maxRun: number): number {
	for (let i = 0; i < chunk.length; i++) {
		const byte = chunk[i];
		if (byte === LT || byte === GT) run = 0;
		else if (++run > maxRun) return -1;
	}
	return run;
}

/** Inflates every entry once, counting; stops reading at the first limit passed. */
export async function checkInflation(bytes: Uint8Array, limits: InflateLimits = { maxInflated: XLSX_MAX_INFLATED, maxRun: XLSX_MAX_MARKUP_RUN }): Promise<InflateVerdict> {
	const source = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
	const zip = unzipper.Parse({ forceStream: true });
	// A file that ends mid-entry fails on the zip stream, not on the entry being read: race it.
	const failed = new Promise<never>((_, reject) => zip.on('error', reject));
	source.pipe(zip);
	try {
		return await Promise.race([countEntries(zip, limits), failed]);
	} catch {
		return 'corrupt';
	} finally {
		// Stopping early leaves streams that may still complain; the verdict is already known.
		zip.on('error', () => {});
		source.unpipe(zip);
		source.destroy();
		zip.destroy();
	}
}

async function countEntries(zip: AsyncIterable<Entry>, limits: InflateLimits): Promise<InflateVerdict> {
	let total = 0;
	for await (const entry of zip) {
		const markup = /\.(xml|rels)$/i.test(entry.path);
		let run = 0;
		for await (const chunk of entry as AsyncIterable<Buffer>) {
			total += chunk.length;
			if (total > limits.maxInflated) return 'inflated-too-large';
			if (markup && (run = scanRuns(chunk, run, limits.maxRun)) < 0) return 'cell-too-large';
		}
	}
	return 'ok';
}
