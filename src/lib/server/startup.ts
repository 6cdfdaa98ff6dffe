import { config } from './config.ts';
import { initDatabase } from './db/client.ts';
import { startEventBus } from './events.ts';
import { log } from './log.ts';
import { seed } from './seed/index.ts';
import { bootstrapAdmin } from './seed/bootstrap-admin.ts';
import { singleton } from './singleton.ts';
import { sweepUploads } from './services/import-store.ts';

const started = singleton<{ promise: Promise<void> | null }>('startup', () => ({ promise: null }));

/** Database, migrations, seed data and the event bus: once per process, before any request. */
export function startApp(): Promise<void> {
	started.promise ??= (async () => {
		const cfg = config();
		await initDatabase(cfg);
		await seed({ demo: cfg.seedDemo });
		await bootstrapAdmin();
		await sweepUploads();
		await startEventBus(cfg.redisUrl);
		log.info({ seedDemo: cfg.seedDemo, redis: !!cfg.redisUrl }, 'tafel ready');
	})();
	return started.promise;
}
