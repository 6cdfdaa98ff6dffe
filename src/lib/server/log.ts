import pino from 'pino';
import { config } from './config.ts';
import { singleton } from './singleton.ts';

/** Structured logs, one line per event; ids only, no personal data. */
export const log = singleton('log', () =>
	pino({ level: config().logLevel, base: undefined })
);
