import { config } from './config.ts';
import { initDatabase } from './db/client.ts';
import { startEventBus } from './events.ts';
import { log } from './log.ts';
import { seed } from './seed/index.ts';
import { bootstrapAdmin } from './seed/bootstrap-admin.ts';
import { singleton } from './singleton.ts';
import { sweepUploads } from './import/store.ts';
import { startVersionSchedule } from './documents/version-schedule.ts';

const started = singleton<{ promise: Promise<Started> | null }>('startup', () => ({ promise: null }));

export interface Started {
	/** The one-time token of a first administrator created now (ADMIN_EMAIL), to print as a link. */
	adminToken: string | null;
}

/** Database, migrations, seed data and the event bus: once per process, before any request. */
export function startApp(): Promise<Started> {
	started.promise ??= (async () => {
		const cfg = config();
		await initDatabase(cfg);
		await seed({ demo: cfg.seedDemo });
		const adminToken = await bootstrapAdmin(cfg.admin);
		await sweepUploads();
		await startEventBus(cfg.redisUrl);
		startVersionSchedule(cfg.versions);
		log.info({ seedDemo: cfg.seedDemo, redis: !!cfg.redisUrl }, 'tafel ready');
		return { adminToken };
	})();
	return started.promise;
}
