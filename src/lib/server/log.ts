import pino from 'pino';
import { singleton } from './singleton.ts';

/** Structured logs, one line per event; ids only, no personal data. */
export const log = singleton('log', () =>
	pino({ level: process.env.LOG_LEVEL || (process.env.NODE_ENV === 'test' ? 'warn' : 'info'), base: undefined })
);
