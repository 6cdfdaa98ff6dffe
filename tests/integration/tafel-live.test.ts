/**
 * A brede tafel run live, on the real server: every steering action of a participant is
 * refused (crafted requests), only their own hand, reaction and dots are taken; nobody's
 * dots are in any event or API answer before the reveal; nobody spends more dots than
 * they have; the state survives a restart; the result and the time spent land in the
 * minutes; and with two instances joined by Redis both see and send the same state.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { loginCookie } from '../support/http.ts';
import { PG_URL } from '../support/postgres.ts';
import { until } from '../support/collab-client.ts';
import { listenEvents } from '../support/sse.ts';
import JSZip from 'jszip';
import { readPdf } from '../support/pdf-text.ts';

const databases = ['pglite', ...(PG_URL ? ['postgres' as const] : [])] as const;
const REDIS_URL = process.env.REDIS_URL;

interface State {
	version: number;
	active: boolean;
	item: { id: string; title: string } | null;
	agenda: { id: string; title: string }[];
	projects: { id: string; code: string }[];
	shown: { projectId: string; section: string } | null;
	summonSeq: number;
	timer: { itemId: string; budgetMs: number; elapsedMs: number; runningSince: number | null; addedMinutes: number } | null;
	queue: { userId: string; name: string }[];
	floor: { name: string } | null;
	vote: { id: string; status: string; dots: number; result: { projectId: string; dots: number }[] | null; voters: number | null } | null;
	presence: { organisation: string; people: string[] }[];
	facilitator?: { reactions: Record<string, number>; voters: number };
	mine?: { votes: Record<string, number>; used: number };
}

const ACCOUNTS = { frank: 'facilitator', eva: 'lid.ezk', dewi: 'deelnemer', bram: 'lid.brabant', wout: 'waarnemer' } as const;
type Who = keyof typeof ACCOUNTS;

/** The demo tafel that is still to come: EZK (Eva) is invited as an organisation, Dewi in person. */
async function upcomingDemoTafel(url: string, cookie: string): Promise<string> {
	const list = (await (await fetch(`${url}/api/tafels`, { headers: { cookie } })).json()) as { upcoming: { id: string; title: string }[] };
	return list.upcoming.find((t) => t.title === 'Oost: investeringsagenda')!.id;
}

function client(server: () => TestServer, cookies: Record<string, string>, tafelId: () => string) {
	const live = async (who: Who, body: Record<string, unknown>) => {
		const response = await fetch(`${server().url}/api/tafels/${tafelId()}/live`, { method: 'POST', headers: { cookie: cookies[who], origin: server().url, 'content-type': 'application/json' }, body: JSON.stringify(body) });
		return { status: response.status, body: (await response.json()) as State & { error?: string; message?: string } };
	};
	const state = async (who: Who) => (await (await fetch(`${server().url}/api/tafels/${tafelId()}/live`, { headers: { cookie: cookies[who] } })).json()) as State;
	return { live, state };
}

describe.each(databases)('a brede tafel live on %s', (database) => {
	let server: TestServer;
	const cookies: Record<string, string> = {};
	let tafelId = '';
	const { live, state } = client(() => server, cookies, () => tafelId);
	const streams: ReturnType<typeof listenEvents>[] = [];
	/** Every event and every API answer anyone got before the reveal. */
	const seen: unknown[] = [];

	beforeAll(async () => {
		server = await startServer({ database });
		for (const [who, local] of Object.entries(ACCOUNTS)) cookies[who] = await loginCookie(server.url, `${local}@demo.tafel`);
		tafelId = await upcomingDemoTafel(server.url, cookies.frank);
	});
	afterAll(async () => {
		for (const s of streams) s.stop();
		await server?.dispose();
	});

	const STEER: Record<string, unknown>[] = [
		{ action: 'start' }, { action: 'stop' }, { action: 'item', itemId: 'x' }, { action: 'show', projectId: null }, { action: 'summon', projectId: 'rip-demo-0009', section: '' },
		{ action: 'timer-start' }, { action: 'timer-pause' }, { action: 'timer-add', minutes: 5 }, { action: 'floor', userId: 'x' }, { action: 'clear-queue' },
		{ action: 'vote-open', dots: 3, stacking: false }, { action: 'vote-reveal' }, { action: 'vote-close' }
	];

	test('only a facilitator starts and steers; participants, members and observers are refused every steering request', async () => {
		for (const who of ['dewi', 'eva', 'bram', 'wout'] as const) for (const request of STEER) expect((await live(who, request)).status, `${who} ${String(request.action)}`).toBe(403);
		// Before it runs, nobody raises a hand.
		expect((await live('dewi', { action: 'hand', up: true })).status).toBe(403);
		expect((await state('dewi')).active).toBe(false);

		const started = await live('frank', { action: 'start' });
		expect(started.status).toBe(200);
		expect(started.body.active).toBe(true);
		expect(started.body.item?.title).toBe('Programmaplan warmte');
		const version = started.body.version;
		for (const who of ['dewi', 'eva'] as const) for (const request of STEER) expect((await live(who, request)).status).toBe(403);
		expect((await state('frank')).version).toBe(version);
		// Nonsense is refused with a sentence, nothing changed, the server stays up.
		for (const body of [{}, { action: 'steal' }, { action: 'item', itemId: { $ne: 1 } }, { action: 'timer-add', minutes: 1e9 }, { action: 'show', projectId: 'rip-demo-0009', section: '<script>' }, { action: 'hand', up: 'ja' }, { action: 'react', kind: 'boe' }]) {
			const answer = await live('frank', body);
			expect(answer.status, JSON.stringify(body)).toBe(400);
			expect(answer.body.message).toBeTruthy();
		}
		expect((await state('frank')).version).toBe(version);
		// From another site (no or a foreign Origin) nothing is taken, not even from the facilitator's own cookie.
		for (const origin of [null, 'https://elders.example']) {
			const response = await fetch(`${server.url}/api/tafels/${tafelId}/live`, { method: 'POST', headers: { cookie: cookies.frank, 'content-type': 'application/json', ...(origin ? { origin } : {}) }, body: JSON.stringify({ action: 'stop' }) });
			expect(response.status).toBe(403);
		}
		expect((await state('frank')).active).toBe(true);
		// Too large a body is refused before it is read as JSON.
		const large = await fetch(`${server.url}/api/tafels/${tafelId}/live`, { method: 'POST', headers: { cookie: cookies.frank, origin: server.url, 'content-type': 'application/json' }, body: JSON.stringify({ action: 'hand', up: true, padding: 'x'.repeat(20_000) }) });
		expect(large.status).toBe(413);
	});

	test('participants raise and lower their own hand and react; the facilitator gives the floor and sees the counts', async () => {
		const frankEvents = listenEvents(server.url, cookies.frank);
		const evaEvents = listenEvents(server.url, cookies.eva);
		const bramEvents = listenEvents(server.url, cookies.bram);
		streams.push(frankEvents, evaEvents, bramEvents);
		await Promise.all([frankEvents.ready, evaEvents.ready, bramEvents.ready]);
		expect((await live('dewi', { action: 'hand', up: true })).status).toBe(200);
		expect((await live('eva', { action: 'hand', up: true })).status).toBe(200);
		// An uninvited member and an observer of an uninvited organisation do not take part.
		expect((await live('bram', { action: 'hand', up: true })).status).toBe(403);
		expect((await live('wout', { action: 'react', kind: 'eens' })).status).toBe(403);
		const queue = (await state('frank')).queue.map((q) => q.name);
		expect(queue).toEqual(['Dewi Jansen', 'Eva de Vries']);
		expect((await live('eva', { action: 'react', kind: 'vraag' })).status).toBe(200);
		expect((await live('dewi', { action: 'react', kind: 'eens' })).status).toBe(200);
		await until(() => frankEvents.received.some((e) => (e.state as State | undefined)?.facilitator?.reactions.vraag === 1 && (e.state as State).facilitator?.reactions.eens === 1), 'the facilitator sees the reaction counts');
		// The counts are the facilitator's: a participant's events and answers have none.
		expect(evaEvents.received.filter((e) => e.type === 'tafel-live').every((e) => !('facilitator' in (e.state as object)))).toBe(true);
		expect((await state('eva')).facilitator).toBeUndefined();
		// The leader (not invited: IPO) and the invited take part, their bar follows them; a reader who is not invited only watches.
		const last = (events: { received: Record<string, unknown>[] }) => events.received.filter((e) => e.type === 'tafel-live').at(-1)!;
		await until(() => bramEvents.received.some((e) => e.type === 'tafel-live'), 'an uninvited reader hears the tafel');
		expect([last(frankEvents).attending, last(evaEvents).attending, last(bramEvents).attending]).toEqual([true, true, false]);
		expect((last(bramEvents).state as State).facilitator).toBeUndefined();

		const dewiId = (await state('frank')).queue[0].userId;
		expect((await live('frank', { action: 'floor', userId: dewiId })).status).toBe(200);
		const after = await state('eva');
		expect(after.floor?.name).toBe('Dewi Jansen');
		expect(after.queue.map((q) => q.name)).toEqual(['Eva de Vries']);
		expect((await live('eva', { action: 'hand', up: false })).status).toBe(200);
		expect((await state('eva')).queue).toEqual([]);
	});

	test('presence: who has the tafel open, by organisation, next to the organisations invited', async () => {
		expect((await live('dewi', { action: 'here' })).status).toBe(200);
		expect((await live('eva', { action: 'here' })).status).toBe(200);
		expect((await live('bram', { action: 'here' })).status).toBe(403);
		const seen = await state('bram');
		expect(seen.presence).toEqual([
			{ organisation: expect.stringMatching(/^BOM/), people: ['Dewi Jansen'] },
			{ organisation: 'Ministerie van Economische Zaken', people: ['Eva de Vries'] }
		]);
		expect((seen as State & { invitedOrganisations: string[] }).invitedOrganisations).toEqual(expect.arrayContaining(['Ministerie van Economische Zaken', expect.stringMatching(/^BOM/)]));
	});

	test('dots stay secret until the reveal, in every event and answer; nobody exceeds their dots', async () => {
		const listeners = (['frank', 'eva', 'dewi'] as const).map((who) => listenEvents(server.url, cookies[who]));
		streams.push(...listeners);
		await Promise.all(listeners.map((l) => l.ready));
		const opened = await live('frank', { action: 'vote-open', dots: 2, stacking: false });
		expect(opened.status).toBe(200);
		seen.push(opened.body);
		const [a, b, c] = opened.body.projects.map((p) => p.id);
		// Refused: more dots than given, two on one option without stacking, unknown options, fractions.
		for (const votes of [{ [a]: 1, [b]: 1, [c]: 1 }, { [a]: 2 }, { 'rip-demo-9999': 1 }, { [a]: 0.5 }, [a], 'alles']) {
			const answer = await live('dewi', { action: 'vote', votes });
			expect(answer.status, JSON.stringify(votes)).toBe(400);
		}
		const dewiVote = await live('dewi', { action: 'vote', votes: { [a]: 1, [b]: 1 } });
		expect(dewiVote.status).toBe(200);
		expect(dewiVote.body.mine).toEqual({ votes: { [a]: 1, [b]: 1 }, used: 2 });
		const evaVote = await live('eva', { action: 'vote', votes: { [a]: 1 } });
		expect(evaVote.body.mine?.used).toBe(1);
		seen.push(dewiVote.body, evaVote.body);
		// A changed mind replaces, never adds: still within two dots.
		expect((await live('dewi', { action: 'vote', votes: { [c]: 1, [a]: 1 } })).body.mine?.used).toBe(2);
		// The facilitator learns how many voted, not what.
		await until(() => listeners[0].received.some((e) => (e.state as State | undefined)?.facilitator?.voters === 2), 'the facilitator sees two voters');
		for (const who of ['frank', 'eva', 'dewi', 'bram'] as const) seen.push(await state(who));
		expect((await state('eva')).mine).toEqual({ votes: { [a]: 1 }, used: 1 });
		seen.push(...listeners.flatMap((l) => l.received));
		for (const message of seen) {
			const vote = ((message as { state?: State }).state ?? (message as State)).vote;
			if (!vote) continue;
			expect(vote.result).toBeNull();
			expect(vote.voters).toBeNull();
		}
		// Nothing anyone received names another person's dots: only each answer's own `mine`.
		const others = JSON.stringify(seen.map((s) => ({ ...(s as object), mine: undefined, state: (s as { state?: object }).state && { ...(s as { state: object }).state, mine: undefined } })));
		expect(others).not.toMatch(/"votes"/);
		expect(others).not.toMatch(/"result":\[/);

		const revealed = await live('frank', { action: 'vote-reveal' });
		expect(revealed.status).toBe(200);
		expect(revealed.body.vote?.result).toEqual(expect.arrayContaining([{ projectId: a, dots: 2 }, { projectId: c, dots: 1 }, { projectId: b, dots: 0 }]));
		expect(revealed.body.vote?.voters).toBe(2);
		await until(() => listeners[1].received.some((e) => (e.state as State | undefined)?.vote?.status === 'revealed'), 'Eva sees the result');
		expect((await live('dewi', { action: 'vote', votes: { [b]: 1 } })).status).toBe(400);
	});

	test('the state survives a restart: item, shown record, timer, queue and the vote', async () => {
		const next = (await state('frank')).agenda[1];
		expect((await live('frank', { action: 'item', itemId: next.id })).status).toBe(200);
		expect((await live('frank', { action: 'summon', projectId: 'rip-demo-0026', section: 'financiering' })).status).toBe(200);
		expect((await live('frank', { action: 'timer-start' })).status).toBe(200);
		expect((await live('frank', { action: 'timer-add', minutes: 5 })).status).toBe(200);
		expect((await live('dewi', { action: 'hand', up: true })).status).toBe(200);
		const before = await state('eva');
		expect(before.timer).toEqual(expect.objectContaining({ itemId: next.id, budgetMs: 35 * 60_000, addedMinutes: 5 }));
		expect(before.timer?.runningSince).not.toBeNull();
		await server.stop();
		server = await server.restart();
		const after = await state('eva');
		const { serverNow: _a, presence: _p, ...kept } = after as State & { serverNow: number };
		const { serverNow: _b, presence: _q, ...was } = before as State & { serverNow: number };
		expect(kept).toEqual(was);
		expect(after.shown).toEqual({ projectId: 'rip-demo-0026', code: expect.any(String), title: expect.any(String), section: 'financiering' });
		// The page itself brings the whole state to someone arriving late.
		const html = await (await fetch(`${server.url}/tafels/${tafelId}`, { headers: { cookie: cookies.dewi } })).text();
		expect(html).toMatch(/"?summonSeq"?:1\b/);
		// A time box grows to at most a day, then a clear refusal that changes nothing (the milliseconds overflowed: 500).
		let last = { status: 200, body: {} as { error?: string } };
		for (let i = 0; i < 30 && last.status === 200; i++) last = await live('frank', { action: 'timer-add', minutes: 60 });
		expect(last).toEqual({ status: 400, body: expect.objectContaining({ error: 'timer-too-long', message: expect.stringContaining('dag') }) });
		expect((await state('eva')).timer?.budgetMs).toBeLessThanOrEqual(24 * 60 * 60_000);
	});

	test('one person cannot flood the table with reactions', async () => {
		const statuses: number[] = [];
		for (let i = 0; i < 40 && !statuses.includes(429); i++) statuses.push((await live('dewi', { action: 'react', kind: i % 2 ? 'eens' : 'vraag' })).status);
		expect(statuses.at(-1)).toBe(429);
		expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(30);
		// Others and the facilitator carry on.
		expect((await live('eva', { action: 'react', kind: 'eens' })).status).toBe(200);
	});

	test('the vote result and the time spent per item land in the minutes', async () => {
		expect((await live('frank', { action: 'timer-pause' })).status).toBe(200);
		const close = await fetch(`${server.url}/tafels/${tafelId}?/close`, { method: 'POST', headers: { origin: server.url, cookie: cookies.frank, 'content-type': 'application/x-www-form-urlencoded', 'x-sveltekit-action': 'true' }, body: '' });
		expect(close.status).toBe(200);
		const md = await (await fetch(`${server.url}/tafels/${tafelId}/verslag/export?formaat=md`, { headers: { cookie: cookies.eva } })).text();
		expect(md).toContain('## Stemrondes');
		expect(md).toMatch(/Bij Programmaplan warmte: 2 stippen per persoon, stemmers: 2/);
		expect(md).toMatch(/: 2 stippen/);
		expect(md).toMatch(/### 2\. Waterstof en netcapaciteit \\?\(30 min\.; besteed: \d+ min\.\\?\)/);
		// The PDF and the Word file say the same, also in the public (Woo) variant.
		for (const pub of ['', '&openbaar=1']) {
			const bytes = async (format: string) => new Uint8Array(await (await fetch(`${server.url}/tafels/${tafelId}/verslag/export?formaat=${format}${pub}`, { headers: { cookie: cookies.eva } })).arrayBuffer());
			const pdf = (await readPdf(await bytes('pdf'))).text.join(' ');
			const docx = (await (await JSZip.loadAsync(await bytes('docx'))).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
			for (const text of [pdf, docx]) {
				expect(text).toContain('Stemrondes');
				expect(text).toContain('Bij Programmaplan warmte: 2 stippen per persoon, stemmers: 2');
				expect(text).toMatch(/besteed: \d+ min\./);
			}
		}
		// Closed: live mode is over for everyone, and nobody steers any more.
		expect((await state('eva')).active).toBe(false);
		expect((await live('frank', { action: 'start' })).status).toBe(403);
	});
});

describe.runIf(Boolean(REDIS_URL && PG_URL))('a live tafel across two instances joined by Redis', () => {
	let one: TestServer;
	let two: TestServer;
	const cookies: Record<string, string> = {};
	const twoCookies: Record<string, string> = {};
	let tafelId = '';

	beforeAll(async () => {
		one = await startServer({ database: 'postgres', env: { REDIS_URL: REDIS_URL! } });
		two = await startServer({ databaseUrl: one.databaseUrl!, env: { REDIS_URL: REDIS_URL! } });
		cookies.frank = await loginCookie(one.url, 'facilitator@demo.tafel');
		twoCookies.dewi = await loginCookie(two.url, 'deelnemer@demo.tafel');
		tafelId = await upcomingDemoTafel(one.url, cookies.frank);
	});
	afterAll(async () => {
		await two?.dispose();
		await one?.dispose();
	});

	test('the facilitator on one instance steers; a participant on the other follows live and acts back', async () => {
		const onOne = client(() => one, cookies, () => tafelId);
		const onTwo = client(() => two, twoCookies, () => tafelId);
		const frankEvents = listenEvents(one.url, cookies.frank);
		const dewiEvents = listenEvents(two.url, twoCookies.dewi);
		await Promise.all([frankEvents.ready, dewiEvents.ready]);
		expect((await onOne.live('frank', { action: 'start' })).status).toBe(200);
		const second = (await onOne.state('frank')).agenda[1];
		expect((await onOne.live('frank', { action: 'item', itemId: second.id })).status).toBe(200);
		await until(() => dewiEvents.received.some((e) => (e.state as State | undefined)?.item?.id === second.id), 'the item change reaches the other instance');
		expect((await onTwo.live('dewi', { action: 'hand', up: true })).status).toBe(200);
		await until(() => frankEvents.received.some((e) => (e.state as State | undefined)?.queue.some((q) => q.name === 'Dewi Jansen')), 'the raised hand reaches the facilitator on the first instance');
		const [a, b] = [await onOne.state('frank'), await onTwo.state('dewi')];
		expect({ ...a, serverNow: 0, facilitator: undefined, mine: undefined }).toEqual({ ...b, serverNow: 0, facilitator: undefined, mine: undefined });
		frankEvents.stop();
		dewiEvents.stop();
	});
});
