/**
 * The access policy has two forms: can() per project (pages, API, websocket, exports)
 * and readableProjects() in SQL (lists, search, bulk exports). This table runs the SQL
 * against real rows and asks can() about the same rows: every role × the reader's
 * organisation × visibility × archived cell must agree.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { and, eq, inArray, isNotNull, like } from 'drizzle-orm';
import { closeDatabase, db, initDatabase, type Db } from '../../src/lib/server/db/client.ts';
import { readConfig } from '../../src/lib/server/config.ts';
import { projects } from '../../src/lib/server/db/schema.ts';
import { readableProjects } from '../../src/lib/server/policy-sql.ts';
import { insertProject, asResource } from '../../src/lib/server/services/projects.ts';
import { can, type Actor } from '../../src/lib/domain/permissions.ts';
import { ROLES } from '../../src/lib/domain/roles.ts';
import { emptyFields } from '../../src/lib/domain/project.ts';
import { TEMPLATE, TMP } from '../support/paths.ts';

const OWNER = 'prov-nb';
const READER_ORGANISATIONS = [OWNER, 'min-ez'] as const;
const CELLS = (['concept', 'platform'] as const).flatMap((visibility) => [false, true].map((archived) => ({ visibility, archived, id: `policy-${visibility}-${archived ? 'archived' : 'active'}` })));

let dataDir: string;

beforeAll(async () => {
	dataDir = fs.mkdtempSync(path.join(TMP, 'policy-sql-'));
	await initDatabase({ ...readConfig({}), dataDir, databaseUrl: null, pgliteTemplate: TEMPLATE });
	await db().transaction(async (tx) => {
		for (const cell of CELLS) {
			const input = { id: cell.id, code: `POLICY-${cell.id}`, ownerOrganisationId: OWNER, visibility: cell.visibility, fields: { ...emptyFields(), title: cell.id }, description: [] };
			await insertProject(tx as unknown as Db, { userId: null, name: 'Test', organisationId: OWNER }, input);
		}
		await tx.update(projects).set({ archivedAt: new Date() }).where(like(projects.id, 'policy-%-archived'));
	});
});

afterAll(async () => {
	await closeDatabase();
	fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the SQL form of project visibility agrees with can()', () => {
	test('the rows are as the table says (a wrong setup would make every cell agree vacuously)', async () => {
		const archived = await db().select({ id: projects.id }).from(projects).where(and(inArray(projects.id, CELLS.map((c) => c.id)), isNotNull(projects.archivedAt)));
		expect(archived.map((r) => r.id).sort()).toEqual(CELLS.filter((c) => c.archived).map((c) => c.id).sort());
	});

	for (const role of ROLES) {
		for (const organisationId of READER_ORGANISATIONS) {
			const actor: Actor = { userId: `u-${role}`, organisationId, role };
			const reader = `a ${role} of ${organisationId === OWNER ? 'the owning' : 'another'} organisation`;
			for (const cell of CELLS) {
				test(`${reader}, ${cell.visibility} project, ${cell.archived ? 'archived' : 'active'}`, async () => {
					const [row] = await db().select().from(projects).where(eq(projects.id, cell.id));
					const bySql = await db().select({ id: projects.id }).from(projects).where(and(eq(projects.id, cell.id), readableProjects(actor)));
					const byCan = can(actor, 'read', asResource(row!));
					expect(bySql.length === 1).toBe(byCan);
					// The cell itself, so a change to the policy has to change this line too.
					expect(byCan).toBe(cell.visibility === 'platform' || organisationId === OWNER);
				});
			}
		}
	}
});
