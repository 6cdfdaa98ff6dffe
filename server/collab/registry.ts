/** Open connections, and how they follow account changes while connected. */
import { CloseCode } from '#lib/collab/messages.ts';
import { events } from '#lib/server/events.ts';
import { validateSessionId } from '#lib/server/auth/session.ts';
import { log } from '#lib/server/log.ts';
import { singleton } from '#lib/server/singleton.ts';
import { documentAccess } from './access.ts';
import type { Connection } from './connection.ts';

export const connections = singleton('collab.connections', () => new Set<Connection>());
const watching = singleton('collab.watching', () => ({ on: false }));

/** Re-decides every connection of a user after a role, organisation or activation change. */
async function reconsider(userId: string): Promise<void> {
	for (const connection of [...connections]) {
		if (connection.identity.userId !== userId || !connection.room) continue;
		// The session row is the truth: deactivation and revocation delete it.
		const session = (await validateSessionId(connection.identity.sessionId))?.user;
		if (!session) {
			connection.close(CloseCode.Unauthorized, 'session ended');
			continue;
		}
		const access = await documentAccess(session, connection.room.ref);
		if (access === 'none') connection.close(CloseCode.Forbidden, 'no access');
		else connection.setAccess(access);
	}
}

export function watchPermissionChanges(): void {
	if (watching.on) return;
	watching.on = true;
	events.subscribe((event) => {
		if (event.type === 'session-revoked') {
			for (const connection of connections) if (connection.identity.sessionId === event.sessionId) connection.close(CloseCode.Unauthorized, 'session ended');
		} else if (event.type === 'user-changed') {
			void reconsider(event.userId).catch((err) => log.error({ userId: event.userId, err: String(err) }, 'could not re-check collab access'));
		}
	});
}
