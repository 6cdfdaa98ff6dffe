/**
 * The process's one collaboration server, with the hooks of every document kind. A
 * singleton: under `vite dev` this module is reloaded on changes, and the server (its
 * rooms, connections and pending writes) must survive that.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { registerLiveDocuments } from '#lib/server/documents/live.ts';
import { singleton } from '#lib/server/singleton.ts';
import { CollabServer } from './collab-server.ts';
import { liveDocumentsOf } from './live-documents.ts';
import { projectHooks } from './project-hooks.ts';
import { versionHooks } from './version-hooks.ts';

export const collabServer = (): CollabServer =>
	singleton('collab.server', () => {
		const server = new CollabServer({ hooks: [projectHooks, versionHooks] });
		// Request handlers write into open documents through their rooms (a restore).
		registerLiveDocuments(liveDocumentsOf(server));
		return server;
	});

export const handleUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => collabServer().handleUpgrade(request, socket, head);

export const closeCollab = (): Promise<void> => collabServer().close();
