import type http from 'node:http';
import { closeDatabase } from '#lib/server/db/client.ts';
import { stopEventBus } from '#lib/server/events.ts';
import { stopVersionSchedule } from '#lib/server/documents/version-schedule.ts';
import { log } from '#lib/server/log.ts';

const HARD_LIMIT_MS = 9_000;

/** SIGTERM: stop accepting, flush collaboration writes, close the database, exit within 10 s. */
export async function shutdown(server: http.Server, closeCollab: () => Promise<void>, signal: string): Promise<void> {
	log.info({ signal }, 'shutting down');
	const timer = setTimeout(() => {
		log.error({ signal }, 'shutdown took too long, exiting');
		process.exit(1);
	}, HARD_LIMIT_MS);
	timer.unref();
	server.close();
	server.closeAllConnections?.();
	try {
		await closeCollab();
		await stopVersionSchedule();
		await stopEventBus();
		await closeDatabase();
		process.exit(0);
	} catch (err) {
		log.error({ err: String(err) }, 'error during shutdown');
		process.exit(1);
	}
}
