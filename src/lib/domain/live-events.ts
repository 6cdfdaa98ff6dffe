/**
 * What the server pushes to browsers over Server-Sent Events (`/api/events`), written
 * once for both sides: `lib/server/http/sse.ts` builds these from app events (ids only, after
 * asking the policy), `lib/live/app-events.ts` hands them to the page's listeners. A
 * page that needs the record behind an id fetches it, and is authorised again. The one
 * exception is a live tafel's state: it is the same for everyone at the table and has no
 * secrets in it, and a hundred browsers fetching it after every click of the facilitator
 * would be slower than sending it once.
 */
import type { LiveState } from './tafel-live.ts';

export type LiveEvent =
	/** A project row changed (projection, lifecycle, import): grids and the project page reload. */
	| { type: 'project-changed'; projectId: string }
	/** A thread or one of its comments changed; `projectId` when the document belongs to a project. */
	| { type: 'thread-changed'; threadId: string; documentName: string; projectId: string | null }
	/** The reader's inbox changed. */
	| { type: 'notification' }
	/** A live tafel's state (never anyone's dots before the reveal); `attending`: the reader takes part in it. */
	| { type: 'tafel-live'; tafelId: string; attending: boolean; state: LiveState };

export type LiveEventType = LiveEvent['type'];

const TYPES: readonly LiveEventType[] = ['project-changed', 'thread-changed', 'notification', 'tafel-live'];

/** A message from the stream as a live event, or null when it is not one this version knows. */
export function parseLiveEvent(data: string): LiveEvent | null {
	try {
		const event = JSON.parse(data) as { type?: unknown } | null;
		return event && TYPES.includes(event.type as LiveEventType) ? (event as LiveEvent) : null;
	} catch {
		return null;
	}
}
