/**
 * Writes into a test server's database with the app's own code while the server is
 * stopped: a PGlite folder has one opener, so the server cannot hold it meanwhile.
 * Used to put rows, triggers or old-layout documents in place before a test runs.
 */
import { closeDatabase, db, initDatabase, type Db } from '../../src/lib/server/db/client.ts';
import { readConfig } from '../../src/lib/server/config.ts';
import { insertProject, type NewProject } from '../../src/lib/server/services/projects.ts';
import { emptyFields, type ProjectFields } from '../../src/lib/domain/project.ts';
import type { TestServer } from './server.ts';

/** Stops `server`, opens its database, runs `write`, closes it and resolves to the restarted server. */
export async function withDatabase(server: TestServer, write: (database: Db) => Promise<void>): Promise<TestServer> {
	await server.stop();
	// pgliteTemplate null: the folder exists already; the template is only for a fresh one.
	await initDatabase({ ...readConfig({}), dataDir: server.dataDir, databaseUrl: server.databaseUrl, pgliteTemplate: null });
	try {
		await write(db());
	} finally {
		await closeDatabase();
	}
	return server.restart();
}

/** A project a test owns: id `t-<code>`, code `TEST-<code>`, the other fields empty unless given. */
export function testProject(code: string, owner: string, visibility: 'concept' | 'platform', fields: Partial<ProjectFields>, description: string[] = []): NewProject {
	return { id: `t-${code.toLowerCase()}`, code: `TEST-${code}`, ownerOrganisationId: owner, visibility, fields: { ...emptyFields(), ...fields }, description };
}

/** Inserts projects through the app's own insertProject, in one transaction, as created by their owner organisation. */
export async function insertProjects(database: Db, rows: NewProject[]): Promise<void> {
	await database.transaction(async (tx) => {
		for (const input of rows) await insertProject(tx as unknown as Db, { userId: null, name: 'Test', organisationId: input.ownerOrganisationId }, input);
	});
}
