/**
 * The automatic side of version history, run by every instance: documents whose editing
 * settled get a version, and old automatic versions are thinned. Two instances finding
 * the same document is harmless (versions of a document are taken one at a time and an
 * identical automatic version is not kept).
 */
import type { VersionSettings } from '../config.ts';
import { log } from '../log.ts';
import { singleton } from '../singleton.ts';
import { takeAutomaticVersions, thinVersions } from './versions.ts';

const THIN_EVERY_MS = 6 * 60 * 60_000;
const state = singleton<{ timer: NodeJS.Timeout | null; lastThin: number; running: Promise<void> | null }>('versions.schedule', () => ({ timer: null, lastThin: 0, running: null }));

/** One round: settled documents versioned, and (a few times a day) old automatic versions thinned. */
export async function versionRound(settings: VersionSettings, now = new Date()): Promise<void> {
	const taken = await takeAutomaticVersions(settings, now);
	if (taken.length) log.info({ documents: taken.length }, 'automatic versions taken');
	if (now.getTime() - state.lastThin >= THIN_EVERY_MS) {
		state.lastThin = now.getTime();
		const removed = await thinVersions(settings.retentionDays, now);
		if (removed) log.info({ removed }, 'old automatic versions thinned');
	}
}

export function startVersionSchedule(settings: VersionSettings): void {
	if (state.timer) return;
	state.timer = setInterval(() => {
		if (state.running) return;
		state.running = versionRound(settings)
			.catch((err) => log.warn({ err: String(err) }, 'automatic versions failed'))
			.finally(() => (state.running = null));
	}, settings.sweepMs);
	state.timer.unref();
}

/** Shutdown: no new round, and the one running has finished before the database closes. */
export async function stopVersionSchedule(): Promise<void> {
	if (state.timer) clearInterval(state.timer);
	state.timer = null;
	await state.running;
}
