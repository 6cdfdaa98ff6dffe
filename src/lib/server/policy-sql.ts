/**
 * The access policy in SQL, for lists that must not load every row to ask can() one by
 * one. The rules themselves live in domain/permissions.ts (which stays free of Drizzle);
 * this file only translates their scopes into WHERE clauses.
 */
import { eq, or, sql, type SQL } from 'drizzle-orm';
import { projectReadScope, type Actor } from '../domain/permissions.ts';
import { projects } from './db/schema.ts';

/** The projects `can(actor, 'read', project)` allows, archived or not. */
export function readableProjects(actor: Actor): SQL {
	const scope = projectReadScope(actor);
	if (!scope) return sql`false`;
	return or(eq(projects.visibility, 'platform'), eq(projects.ownerOrganisationId, scope.ownOrganisationId))!;
}
