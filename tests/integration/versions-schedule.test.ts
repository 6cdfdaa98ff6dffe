/**
 * Automatic versions and retention on a controllable clock, against the real store on
 * PGlite and PostgreSQL: a burst of editing gets a version once it settled, at most one
 * automatic version an hour, identical states are not kept twice, and thinning keeps
 * named versions and one automatic version per day.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { db } from '../../src/lib/server/db/client.ts';
import { DATABASES, openOwnDatabase } from '../support/own-database.ts';
import { docUpdates, docVersions } from '../../src/lib/server/db/schema.ts';
import { listVersions, recordActivity, takeAutomaticVersions, takeVersion, thinVersions } from '../../src/lib/server/documents/versions.ts';
import { eq } from 'drizzle-orm';

const RULES = { settleMs: 10 * 60_000, minIntervalMs: 60 * 60_000 };
const MIN = 60_000;
const eva = { userId: 'u-eva', name: 'Eva de Vries', organisationId: 'min-ez' };
const bram = { userId: 'u-bram', name: 'Bram van Dijk', organisationId: 'prov-nb' };

describe.each(DATABASES)('automatic versions and retention on %s', (database) => {
	let close: () => Promise<void>;
	beforeAll(async () => void (close = await openOwnDatabase(database)));
	afterAll(() => close());

	/** A stored edit of the document, as the collaboration server would write it. */
	async function edit(docName: string, doc: Y.Doc, content: string) {
		let update: Uint8Array | null = null;
		doc.once('update', (u: Uint8Array) => (update = u));
		doc.getText('t').insert(doc.getText('t').length, content);
		await db().insert(docUpdates).values({ docName, update: update! });
	}

	test('naming an unchanged state stores no copy: an automatic version takes the name, a named one is given back', async () => {
		const docName = 'werkagenda:sched-named';
		const doc = new Y.Doc();
		await edit(docName, doc, 'inhoud ');
		await recordActivity(docName, [eva]);
		const auto = await takeVersion(docName, { kind: 'auto', reason: 'settled', by: null });
		const named = await takeVersion(docName, { kind: 'named', name: 'Ingediend', by: null });
		expect(named?.id).toBe(auto?.id);
		expect(named).toMatchObject({ kind: 'named', name: 'Ingediend' });
		expect(named?.editors.map((e) => e.name)).toEqual(['Eva de Vries']);
		const again = await takeVersion(docName, { kind: 'named', name: 'Nog eens', by: null });
		expect(again).toMatchObject({ id: auto?.id, name: 'Ingediend', unchanged: true });
		expect((await db().select({ id: docVersions.id }).from(docVersions).where(eq(docVersions.docName, docName))).length).toBe(1);
		// After a change, a name is a new version again.
		await edit(docName, doc, 'meer ');
		const second = await takeVersion(docName, { kind: 'named', name: 'Na de tafel', by: null });
		expect(second?.id).not.toBe(auto?.id);
		expect(second?.unchanged).toBeUndefined();
	});

	test('a version once editing settled, at most one an hour, with who edited', async () => {
		const docName = 'werkagenda:sched-1';
		const doc = new Y.Doc();
		const t0 = new Date('2026-03-12T09:00:00Z');
		await edit(docName, doc, 'eerste ');
		await recordActivity(docName, [eva], t0);
		await recordActivity(docName, [bram], new Date(t0.getTime() + 2 * MIN));
		// Still in the burst: nothing yet.
		expect(await takeAutomaticVersions(RULES, new Date(t0.getTime() + 8 * MIN))).toEqual([]);
		// Ten minutes after the last edit: one version, naming both editors.
		expect(await takeAutomaticVersions(RULES, new Date(t0.getTime() + 13 * MIN))).toEqual([docName]);
		let { versions } = await listVersions(docName);
		expect(versions).toHaveLength(1);
		expect(versions[0].kind).toBe('auto');
		expect(versions[0].editors.map((e) => e.name).sort()).toEqual(['Bram van Dijk', 'Eva de Vries']);
		// Nothing new: no second version.
		expect(await takeAutomaticVersions(RULES, new Date(t0.getTime() + 40 * MIN))).toEqual([]);
		// A new burst 20 minutes later settles within the hour: waits for the hour to pass.
		await edit(docName, doc, 'tweede ');
		await recordActivity(docName, [bram], new Date(t0.getTime() + 20 * MIN));
		expect(await takeAutomaticVersions(RULES, new Date(t0.getTime() + 45 * MIN))).toEqual([]);
		expect(await takeAutomaticVersions(RULES, new Date(t0.getTime() + 75 * MIN))).toEqual([docName]);
		({ versions } = await listVersions(docName));
		expect(versions).toHaveLength(2);
		expect(versions[0].editors.map((e) => e.name)).toEqual(['Bram van Dijk']);
	});

	test('an automatic version identical to the previous one is not kept; naming it again gives back the named one', async () => {
		const docName = 'werkagenda:sched-2';
		const doc = new Y.Doc();
		await edit(docName, doc, 'tekst');
		const t0 = new Date('2026-03-13T09:00:00Z');
		expect(await takeVersion(docName, { kind: 'named', name: 'Ingediend', by: null }, t0)).not.toBeNull();
		// Activity without a change of content (an edit undone): no automatic copy.
		await recordActivity(docName, [eva], t0);
		expect(await takeAutomaticVersions(RULES, new Date(t0.getTime() + 11 * MIN))).toEqual([]);
		expect(await takeVersion(docName, { kind: 'named', name: 'Nog eens', by: null }, new Date(t0.getTime() + 12 * MIN))).toMatchObject({ name: 'Ingediend', unchanged: true });
		expect((await listVersions(docName)).versions.map((v) => v.name)).toEqual(['Ingediend']);
	});

	test('thinning keeps named versions and the last automatic version of each day past the retention', async () => {
		const docName = 'werkagenda:sched-3';
		const doc = new Y.Doc();
		const now = new Date('2026-09-01T12:00:00Z');
		const daysAgo = (d: number, hour: number) => new Date(now.getTime() - d * 86_400_000 + (hour - 12) * 3_600_000);
		// 100 and 99 days ago: three automatic versions each (distinct states) and one named.
		for (const [d, hour] of [[100, 8], [100, 10], [100, 14], [99, 9], [99, 11], [99, 15]] as const) {
			await edit(docName, doc, `${d}-${hour} `);
			await takeVersion(docName, { kind: 'auto', reason: 'settled', by: null }, daysAgo(d, hour));
		}
		await edit(docName, doc, 'mijlpaal ');
		await takeVersion(docName, { kind: 'named', name: 'Mijlpaal', by: null }, daysAgo(100, 9));
		// Yesterday: two automatic versions, both younger than 90 days, both kept.
		for (const hour of [9, 10]) {
			await edit(docName, doc, `gisteren-${hour} `);
			await takeVersion(docName, { kind: 'auto', reason: 'settled', by: null }, daysAgo(1, hour));
		}
		// Other documents of this file have old automatic versions too: count this one's.
		expect(await thinVersions(90, now)).toBeGreaterThanOrEqual(4);
		const kept = await db().select({ kind: docVersions.kind, createdAt: docVersions.createdAt }).from(docVersions).where(eq(docVersions.docName, docName));
		const times = kept.map((v) => `${v.kind}@${v.createdAt.toISOString()}`).sort();
		expect(times).toEqual(
			[`auto@${daysAgo(100, 14).toISOString()}`, `auto@${daysAgo(99, 15).toISOString()}`, `named@${daysAgo(100, 9).toISOString()}`, `auto@${daysAgo(1, 9).toISOString()}`, `auto@${daysAgo(1, 10).toISOString()}`].sort()
		);
		// Running it again removes nothing more.
		expect(await thinVersions(90, now)).toBe(0);
	});

	test('a history of 1,000 versions pages quickly without loading states', async () => {
		const docName = 'werkagenda:sched-4';
		const state = new Uint8Array(4096);
		const base = Date.parse('2026-01-01T00:00:00Z');
		const rows = Array.from({ length: 1000 }, (_, i) => ({ id: `v4-${String(i).padStart(4, '0')}`, docName, kind: (i % 50 === 0 ? 'named' : 'auto') as 'named' | 'auto', name: i % 50 === 0 ? `Benoemd ${i}` : null, state, size: state.length, hash: `h${i}`, createdAt: new Date(base + i * MIN) }));
		for (let i = 0; i < rows.length; i += 250) await db().insert(docVersions).values(rows.slice(i, i + 250));
		const seen = new Set<string>();
		let before: string | null = null;
		let pages = 0;
		do {
			const page = await listVersions(docName, { before, limit: 200 });
			for (const v of page.versions) seen.add(v.id);
			before = page.next;
			pages++;
		} while (before);
		expect(seen.size).toBe(1000);
		expect(pages).toBe(5);
		const named = await listVersions(docName, { kinds: ['named'], limit: 200 });
		expect(named.versions).toHaveLength(20);
		expect(named.versions[0].name).toBe('Benoemd 950');
	});
});
