import { can, canSeeThread, isInvited, type Actor } from '../../domain/permissions.ts';
import type { LiveEvent } from '../../domain/live-events.ts';
import { events, type AppEvent } from '../events.ts';

/** What a browser may learn from an app event; null = this actor must not see it at all. */
export function eventFor(actor: Actor, event: AppEvent): LiveEvent | null {
	switch (event.type) {
		case 'project-changed':
			return can(actor, 'read', { kind: 'project', ownerOrganisationId: event.ownerOrganisationId, visibility: event.visibility, archived: false })
				? { type: event.type, projectId: event.projectId }
				: null;
		case 'thread-changed':
			// Ids only: the page fetches the thread through the API, which asks the policy again.
			return canSeeThread(actor, event.thread, event.document)
				? { type: event.type, threadId: event.threadId, documentName: event.documentName, projectId: event.projectId }
				: null;
		case 'notification':
			return event.userId === actor.userId ? { type: event.type } : null;
		case 'tafel-live': {
			// Only to those who may read the tafel; reaction counts and the number of voters only to those who steer it.
			const resource = { kind: 'tafel', tafel: event.tafel } as const;
			if (!can(actor, 'read', resource)) return null;
			const manages = can(actor, 'manage', resource);
			const attending = isInvited(actor, event.tafel) || event.state.leader?.userId === actor.userId;
			return { type: event.type, tafelId: event.tafelId, attending, state: manages ? { ...event.state, facilitator: event.facilitator } : event.state };
		}
		default:
			// Account events stay on the server (they drive socket closing, not pages).
			return null;
	}
}

const HEARTBEAT_MS = 25_000;

/**
 * A Server-Sent Events stream of the app events this actor may see, from this and
 * (through Redis) every other instance. When the actor's account or session changes the
 * stream ends; EventSource reconnects and the new request is authorised afresh.
 */
export function eventStream(actor: Actor): Response {
	let cleanup = () => {};
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			const encoder = new TextEncoder();
			const send = (text: string) => {
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					cleanup();
				}
			};
			send('retry: 3000\n\n');
			const unsubscribe = events.subscribe((event) => {
				if ((event.type === 'session-revoked' || event.type === 'user-changed') && event.userId === actor.userId) {
					cleanup();
					return;
				}
				const payload = eventFor(actor, event);
				if (payload) send(`data: ${JSON.stringify(payload)}\n\n`);
			});
			const heartbeat = setInterval(() => send(': ping\n\n'), HEARTBEAT_MS);
			cleanup = () => {
				clearInterval(heartbeat);
				unsubscribe();
				try {
					controller.close();
				} catch {
					/* already closed */
				}
			};
		},
		cancel() {
			cleanup();
		}
	});
	return new Response(stream, {
		headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' }
	});
}
