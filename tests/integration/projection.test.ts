import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { loginCookie } from '../support/http.ts';
import { PG_URL } from '../support/postgres.ts';
import { allPersisted, connect, rawSocket, until, type TestClient } from '../support/collab-client.ts';
import { documentName, fieldsOf, fieldTextOf } from '../../src/lib/collab/documents.ts';
import { setText } from '../../src/lib/collab/text-diff.ts';
import { demoProjects } from '../../src/lib/server/seed/demo-projects.ts';

const databases = ['pglite', ...(PG_URL ? ['postgres' as const] : [])] as const;
const PROJECT = 'rip-demo-0001';

describe.each(databases)('project records on %s', (database) => {
	let server: TestServer;
	let member: string;
	let ezMember: string;
	const clients: TestClient[] = [];
	const page = async (path: string, cookie: string) => (await fetch(`${server.url}${path}`, { headers: { cookie } })).text();
	const api = async (path: string, cookie: string): Promise<unknown> => (await fetch(`${server.url}${path}`, { headers: { cookie } })).json();

	beforeAll(async () => {
		server = await startServer({ database });
		[member, ezMember] = await Promise.all([loginCookie(server.url, 'lid.brabant@demo.tafel'), loginCookie(server.url, 'lid.ezk@demo.tafel')]);
	});
	afterAll(async () => {
		for (const c of clients) c.destroy();
		await server?.dispose();
	});

	test('valid field edits reach the projects table with provenance; a value that breaks a rule stays in the document as typed and out of the table', async () => {
		const client = connect(server.url, member, documentName.project(PROJECT));
		clients.push(client);
		await until(() => client.provider.synced && fieldTextOf(client.doc, 'title').length > 0, 'project loaded');
		const before = (await api(`/api/projects/${PROJECT}`, member)) as { totalBudget: number; provinces: string[] };
		client.doc.transact(() => {
			setText(fieldTextOf(client.doc, 'title'), 'Koppelnet Restwarmte herzien (fictief)');
			fieldsOf(client.doc).set('status', 'aanvraag');
			fieldsOf(client.doc).set('totalBudget', -5);
			fieldsOf(client.doc).set('provinces', ['NL-XX']);
		});
		await until(() => allPersisted(client), 'persisted');
		await until(async () => ((await api(`/api/projects/${PROJECT}`, member)) as { title: string }).title === 'Koppelnet Restwarmte herzien (fictief)', 'title projected into the table');
		await until(async () => Object.keys(((await api(`/api/projects/${PROJECT}`, member)) as { fieldProblems: object }).fieldProblems).length === 2, 'problems recorded');
		const after = (await api(`/api/projects/${PROJECT}`, member)) as { totalBudget: number; provinces: string[]; status: string; fieldProblems: Record<string, string> };
		// The table and the API keep the last valid values and say which fields need attention.
		expect(after.totalBudget).toBe(before.totalBudget);
		expect(after.provinces).toEqual(before.provinces);
		expect(after.status).toBe('aanvraag');
		expect(after.fieldProblems).toEqual({ totalBudget: 'negative', provinces: 'not-in-list' });
		// The grid marks the project, so someone scanning the list knows its figures wait for a fix.
		expect(await page(`/projecten?zoek=${encodeURIComponent('Koppelnet Restwarmte herzien')}`, member)).toContain('2 velden kloppen niet');
		// The document keeps what was typed, for everyone: nobody's input is overwritten by the server.
		const colleague = connect(server.url, ezMember, documentName.project(PROJECT));
		clients.push(colleague);
		await until(() => colleague.provider.synced && fieldsOf(colleague.doc).get('totalBudget') === -5, 'colleague sees the value as typed');
		expect(fieldsOf(client.doc).get('provinces')).toEqual(['NL-XX']);
		const html = await page(`/projecten/${PROJECT}`, member);
		expect(html).toContain('Status gewijzigd van Uitwerking naar Aanvraag');
		// Provenance travels in the page data: who last set the title.
		expect(html).toMatch(/field:"title",userName:"Bram van Dijk"/);
		// Fixed in the document: the value reaches the table and the problem is gone.
		fieldsOf(client.doc).set('totalBudget', before.totalBudget + 1_000);
		await until(async () => ((await api(`/api/projects/${PROJECT}`, member)) as { totalBudget: number }).totalBudget === before.totalBudget + 1_000, 'fixed value projected');
		const fixed = (await api(`/api/projects/${PROJECT}`, member)) as { fieldProblems: Record<string, string> };
		expect(fixed.fieldProblems).toEqual({ provinces: 'not-in-list' });
	});

	test('a rule between fields holds the fields it involves out of the table, and never lets the table break it', async () => {
		const client = connect(server.url, member, documentName.project(PROJECT));
		clients.push(client);
		await until(() => client.provider.synced && fieldsOf(client.doc).has('status'), 'project loaded');
		fieldsOf(client.doc).set('provinces', ['NL-NB']);
		fieldsOf(client.doc).set('totalBudget', 1_000_000);
		fieldsOf(client.doc).set('requestedAmount', 400_000);
		await until(async () => ((await api(`/api/projects/${PROJECT}`, member)) as { requestedAmount: number }).requestedAmount === 400_000, 'valid pair projected');
		// Lowering the total below the requested amount: the total is valid alone, the pair is not.
		fieldsOf(client.doc).set('totalBudget', 100_000);
		await until(async () => ((await api(`/api/projects/${PROJECT}`, member)) as { fieldProblems: Record<string, string> }).fieldProblems.requestedAmount === 'requested-exceeds-total', 'problem recorded');
		const held = (await api(`/api/projects/${PROJECT}`, member)) as { totalBudget: number; requestedAmount: number };
		expect(held).toMatchObject({ totalBudget: 1_000_000, requestedAmount: 400_000 });
		expect(fieldsOf(client.doc).get('totalBudget')).toBe(100_000);
	});

	test('a concept project of another organisation cannot be opened, not even over the websocket', async () => {
		const concept = demoProjects().projects.find((p) => p.visibility === 'concept' && p.ownerOrganisationId === 'prov-nb')!;
		expect((await fetch(`${server.url}/projecten/${concept.id}`, { headers: { cookie: member } })).status).toBe(200);
		expect((await fetch(`${server.url}/projecten/${concept.id}`, { headers: { cookie: ezMember } })).status).toBe(404);
		expect((await rawSocket(server.url, ezMember, documentName.project(concept.id))).status).toBe(403);
		const own = connect(server.url, member, documentName.project(concept.id));
		clients.push(own);
		await until(() => own.provider.synced && own.access() === 'read-write', 'owner organisation edits its concept');
	});
});
