import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { loginCookie } from '../support/http.ts';
import { PG_URL } from '../support/postgres.ts';
import { allPersisted, connect, rawSocket, until, type TestClient } from '../support/collab-client.ts';
import { fieldsOf } from '../../src/lib/collab/documents.ts';
import { demoProjects } from '../../src/lib/server/seed/demo-projects.ts';

const databases = ['pglite', ...(PG_URL ? ['postgres' as const] : [])] as const;
const PROJECT = 'rip-demo-0001';

describe.each(databases)('project records on %s', (database) => {
	let server: TestServer;
	let member: string;
	let ezMember: string;
	const clients: TestClient[] = [];
	const page = async (path: string, cookie: string) => (await fetch(`${server.url}${path}`, { headers: { cookie } })).text();

	beforeAll(async () => {
		server = await startServer({ database });
		[member, ezMember] = await Promise.all([loginCookie(server.url, 'lid.brabant@demo.tafel'), loginCookie(server.url, 'lid.ezk@demo.tafel')]);
	});
	afterAll(async () => {
		for (const c of clients) c.destroy();
		await server?.dispose();
	});

	test('valid field edits reach the projects table with provenance; invalid ones are set back and never stored', async () => {
		const client = connect(server.url, member, `project:${PROJECT}`);
		clients.push(client);
		await until(() => client.provider.synced && fieldsOf(client.doc).has('title'), 'project loaded');
		const budgetBefore = fieldsOf(client.doc).get('totalBudget');
		client.doc.transact(() => {
			fieldsOf(client.doc).set('title', 'Koppelnet Restwarmte herzien (fictief)');
			fieldsOf(client.doc).set('status', 'aanvraag');
			fieldsOf(client.doc).set('totalBudget', -5);
			fieldsOf(client.doc).set('provinces', ['NL-XX']);
		});
		// The server sets the refused values back in the document, for every client.
		await until(() => fieldsOf(client.doc).get('totalBudget') === budgetBefore, 'invalid budget set back', 15_000);
		await until(() => Array.isArray(fieldsOf(client.doc).get('provinces')) && !(fieldsOf(client.doc).get('provinces') as string[]).includes('NL-XX'), 'invalid provinces set back');
		await until(() => allPersisted(client), 'persisted');
		await until(async () => (await page(`/projecten/${PROJECT}`, member)).includes('Koppelnet Restwarmte herzien (fictief)'), 'title projected into the table');
		const html = await page(`/projecten/${PROJECT}`, member);
		expect(html).toContain('Status gewijzigd van Uitwerking naar Aanvraag');
		// Provenance travels in the page data: who last set the title.
		expect(html).toMatch(/field:"title",userName:"Bram van Dijk"/);
		expect(html).not.toContain('NL-XX');
	});

	test('a concept project of another organisation cannot be opened, not even over the websocket', async () => {
		const concept = demoProjects().projects.find((p) => p.visibility === 'concept' && p.ownerOrganisationId === 'prov-nb')!;
		expect((await fetch(`${server.url}/projecten/${concept.id}`, { headers: { cookie: member } })).status).toBe(200);
		expect((await fetch(`${server.url}/projecten/${concept.id}`, { headers: { cookie: ezMember } })).status).toBe(404);
		expect((await rawSocket(server.url, ezMember, `project:${concept.id}`)).status).toBe(403);
		const own = connect(server.url, member, `project:${concept.id}`);
		clients.push(own);
		await until(() => own.provider.synced && own.access() === 'read-write', 'owner organisation edits its concept');
	});
});
