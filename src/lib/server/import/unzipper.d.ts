/** The part of unzipper (the unzip library exceljs reads .xlsx with) that the import's bomb guard uses. */
declare module 'unzipper' {
	import type { Duplex, PassThrough } from 'node:stream';
	export interface Entry extends PassThrough {
		path: string;
	}
	export function Parse(options?: { forceStream?: boolean }): Duplex & AsyncIterable<Entry>;
	const unzipper: { Parse: typeof Parse };
	export default unzipper;
}
