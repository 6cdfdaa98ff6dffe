/**
 * What the policy and a document's title need of a project: its owner, visibility,
 * archive date, code and title. Every websocket upgrade asks, often for the same
 * project (everyone opening one page), so the record is remembered for a few seconds and
 * forgotten at once when the project changes (lifecycle, projection, links publish
 * `project-changed`, on every instance). The decision itself is made afresh each time.
 */
import { eq, sql } from 'drizzle-orm';
import { can, type Actor } from '../../domain/permissions.ts';
import { prepared } from '../db/prepared.ts';
import { projects, type ProjectRow } from '../db/schema.ts';
import { events } from '../events.ts';
import { shortCache } from '../short-cache.ts';
import { singleton } from '../singleton.ts';
import { asResource } from './projects.ts';

export type ProjectHeader = Pick<ProjectRow, 'id' | 'code' | 'title' | 'ownerOrganisationId' | 'visibility' | 'archivedAt'>;

/** One per process (singleton.ts): the SvelteKit bundle and server/ share it and its one subscription. */
const headers = () =>
	singleton('services.project-headers', () => {
		const cache = shortCache<string, ProjectHeader>({ ttlMs: 5_000, maxEntries: 10_000 });
		events.subscribe((event) => {
			if (event.type === 'project-changed') cache.forget(event.projectId);
		});
		return cache;
	});

/** Without the fields, the description and the search vector: only what deciding and naming need. */
const headerQuery = prepared((database) =>
	database
		.select({ id: projects.id, code: projects.code, title: projects.title, ownerOrganisationId: projects.ownerOrganisationId, visibility: projects.visibility, archivedAt: projects.archivedAt })
		.from(projects)
		.where(eq(projects.id, sql.placeholder('id')))
		.prepare('project_header')
);

async function readHeader(id: string): Promise<ProjectHeader | null> {
	const [row] = await headerQuery().execute({ id });
	return row ?? null;
}

/** The project's header if the actor may read it; anything else is null (no hint that it exists). */
export async function getProjectHeader(actor: Actor, id: string): Promise<ProjectHeader | null> {
	const header = await headers().get(id, () => readHeader(id));
	return header && can(actor, 'read', asResource(header)) ? header : null;
}
