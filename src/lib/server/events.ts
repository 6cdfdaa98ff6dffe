import { EventEmitter } from 'node:events';
import { config } from './config.ts';
import { log } from './log.ts';
import { singleton } from './singleton.ts';
import type { Role } from '../domain/roles.ts';
import type { Resource, TafelRef, ThreadRef } from '../domain/permissions.ts';
import type { LiveState } from '../domain/tafel-live.ts';

/** Everything that must reach other parts of the app, on this and other instances. */
export type AppEvent =
	| { type: 'session-revoked'; sessionId: string; userId: string }
	| { type: 'user-changed'; userId: string; role: Role; active: boolean; organisationId: string }
	/** A project row changed (projection, lifecycle, import): grids refresh it live. */
	| { type: 'project-changed'; projectId: string; ownerOrganisationId: string; visibility: 'concept' | 'platform' }
	/** A thread or one of its comments was added, changed, resolved or removed. */
	| { type: 'thread-changed'; threadId: string; documentName: string; projectId: string | null; thread: ThreadRef; document: Resource }
	/** Someone's inbox changed (new notification, marked read elsewhere). */
	| { type: 'notification'; userId: string }
	/** A live tafel's state changed: the whole public state, and the facilitator's part (stripped for others). */
	| { type: 'tafel-live'; tafelId: string; tafel: TafelRef; state: Omit<LiveState, 'facilitator' | 'mine'>; facilitator: NonNullable<LiveState['facilitator']> };

type Listener = (event: AppEvent) => void;

/** One channel per deployment (REDIS_PREFIX): another Tafel on the same Redis has its own. */
const channel = () => `${config().redisPrefix}:events`;

interface Bus {
	local: EventEmitter;
	publisher: import('ioredis').Redis | null;
	subscriber: import('ioredis').Redis | null;
	instanceId: string;
}

const bus = singleton<Bus>('events', () => {
	const local = new EventEmitter();
	local.setMaxListeners(0);
	return { local, publisher: null, subscriber: null, instanceId: crypto.randomUUID() };
});

/** Connects the bus to Redis when REDIS_URL is set; in-process otherwise. */
export async function startEventBus(redisUrl = config().redisUrl): Promise<void> {
	if (!redisUrl || bus.publisher) return;
	const { Redis } = await import('ioredis');
	// Publishing must never block a request: commands fail fast while Redis is down.
	const options = { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false };
	bus.publisher = new Redis(redisUrl, options);
	bus.subscriber = new Redis(redisUrl, { ...options, enableOfflineQueue: true });
	for (const client of [bus.publisher, bus.subscriber]) {
		client.on('error', (err: Error) => log.warn({ err: err.message }, 'redis events connection error'));
	}
	// Redis down at start must not stop the start (readiness reports it): subscribe again whenever it is back.
	const subscriber = bus.subscriber;
	const subscribe = () => subscriber.subscribe(channel()).then(
		() => undefined,
		(err: Error) => log.warn({ err: err.message }, 'redis events not subscribed; retried when redis is back')
	);
	subscriber.on('ready', () => void subscribe());
	await subscribe();
	bus.subscriber.on('message', (_channel: string, raw: string) => {
		try {
			const { from, event } = JSON.parse(raw) as { from: string; event: AppEvent };
			if (from !== bus.instanceId) bus.local.emit('event', event);
		} catch (err) {
			log.warn({ err: String(err) }, 'malformed event on redis channel');
		}
	});
}

export async function stopEventBus(): Promise<void> {
	const { publisher, subscriber } = bus;
	bus.publisher = bus.subscriber = null;
	await Promise.all([publisher?.quit().catch(() => {}), subscriber?.quit().catch(() => {})]);
}

/** Whether this instance's Redis connection is up (`off`: REDIS_URL is not set). */
export function redisState(): 'off' | 'up' | 'down' {
	if (!bus.publisher) return 'off';
	return bus.publisher.status === 'ready' ? 'up' : 'down';
}

/** A round trip to Redis within `timeoutMs`; null when Redis is not configured (readiness). */
export async function pingRedis(timeoutMs = 1_000): Promise<boolean | null> {
	const publisher = bus.publisher;
	if (!publisher) return null;
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
	try {
		return await Promise.race([publisher.ping().then((reply) => reply === 'PONG'), timeout]);
	} catch {
		return false;
	} finally {
		clearTimeout(timer);
	}
}

export const events = {
	publish(event: AppEvent): void {
		bus.local.emit('event', event);
		bus.publisher
			?.publish(channel(), JSON.stringify({ from: bus.instanceId, event }))
			.catch((err: Error) => log.warn({ err: err.message, type: event.type }, 'event not sent to redis'));
	},
	subscribe(listener: Listener): () => void {
		bus.local.on('event', listener);
		return () => bus.local.off('event', listener);
	}
};
