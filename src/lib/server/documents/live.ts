/**
 * How request handlers reach documents that may be open in a room: the collaboration
 * server registers itself here at start (server/collab/index.ts), so a restore is
 * written through the room (every connected editor receives it live) instead of beside
 * it into the database.
 */
import type * as Y from 'yjs';
import type { DocumentRef } from '../../collab/documents.ts';
import { singleton } from '../singleton.ts';

/** Who a change made by the server on someone's behalf is attributed to. */
export interface ChangeAuthor {
	userId: string;
	name: string;
	organisationId: string;
}

export interface LiveDocuments {
	/**
	 * Everything this instance accepted so far is stored (what editors see as "Opgeslagen"),
	 * and who edited these documents is recorded with it (a version taken next names them).
	 */
	flush(docNames: readonly string[]): Promise<void>;
	/**
	 * Applies a change to the document through its room (loaded here when needed), as
	 * `author`; resolves once the change is stored, rejects when it could not be stored.
	 */
	change(ref: DocumentRef, author: ChangeAuthor, apply: (doc: Y.Doc, origin: unknown) => void): Promise<void>;
}

const holder = singleton<{ live: LiveDocuments | null }>('documents.live', () => ({ live: null }));

export function registerLiveDocuments(live: LiveDocuments): void {
	holder.live = live;
}

export function liveDocuments(): LiveDocuments {
	if (!holder.live) throw new Error('The collaboration server is not running in this process');
	return holder.live;
}
