/**
 * Links among generated projects, following generator_spec.json "koppel_logica":
 * score = 2×shared missions + 1×shared key technologies + 1×(same or neighbouring
 * province) + 2×value chain; link when the score is ≥ 3, at most 3 links per project.
 */
import type { LinkType } from '../../domain/reference.ts';
import type { BuiltProject } from './demo-build.ts';
import type { DemoLink } from './demo-types.ts';
import { NEIGHBOURS } from './demo-generate.ts';
import { joinNl, lowerFirst, missionName, provinceName, technologyName, upperFirst } from './demo-text.ts';

const MAX_LINKS = 3;
const MIN_SCORE = 3;
/**
 * Only projects close together within a shared mission/technology/theme list are
 * compared: it keeps 10,000 projects linear instead of 50 million pairs, and a window
 * of 30 still offers far more candidates than the three links a project may have.
 */
const WINDOW = 30;

interface Pair {
	a: number;
	b: number;
	score: number;
	missions: string[];
	techs: string[];
	sameProvince: string | null;
	neighbours: boolean;
	chain: boolean;
}

const shared = (x: string[], y: string[]) => x.filter((v) => y.includes(v));
const countShared = (x: string[], y: string[]) => x.reduce((n, v) => (y.includes(v) ? n + 1 : n), 0);

/** The region part of the score, precomputed per project: its provinces and their neighbours. */
function nearby(items: BuiltProject[]): Set<string>[] {
	return items.map(({ project }) => new Set(project.fields.provinces.flatMap((p) => [p, ...(NEIGHBOURS.get(p) ?? [])])));
}

const isChain = (p: BuiltProject, q: BuiltProject) => p.policy.themeId === q.policy.themeId && Math.abs(p.policy.core.step - q.policy.core.step) === 1;

/** The score alone, without allocating: it runs for every candidate pair. */
function score(items: BuiltProject[], near: Set<string>[], a: number, b: number): number {
	const [p, q] = [items[a].project.fields, items[b].project.fields];
	const region = q.provinces.some((x) => near[a].has(x)) ? 1 : 0;
	return 2 * countShared(p.missionIds, q.missionIds) + countShared(p.keyTechnologyIds, q.keyTechnologyIds) + region + (isChain(items[a], items[b]) ? 2 : 0);
}

/** The reasons behind a score, for the pairs that become links. */
function explain(items: BuiltProject[], a: number, b: number, total: number): Pair {
	const [p, q] = [items[a].project.fields, items[b].project.fields];
	const sameProvince = shared(p.provinces, q.provinces)[0] ?? null;
	const neighbours = !sameProvince && p.provinces.some((x) => (NEIGHBOURS.get(x) ?? []).some((y) => q.provinces.includes(y)));
	return { a, b, score: total, missions: shared(p.missionIds, q.missionIds), techs: shared(p.keyTechnologyIds, q.keyTechnologyIds), sameProvince, neighbours, chain: isChain(items[a], items[b]) };
}

function linkType(items: BuiltProject[], pair: Pair): LinkType {
	// Same plan, same home province: two initiatives that could well become one.
	const [p, q] = [items[pair.a], items[pair.b]];
	if (p.policy.core === q.policy.core && p.project.fields.provinces[0] === q.project.fields.provinces[0]) return 'fusiekandidaat';
	if (pair.sameProvince && pair.missions.length) return 'overlap';
	if (pair.chain) return 'keten';
	return 'complementair';
}

function note(items: BuiltProject[], pair: Pair, type: LinkType): string {
	const what = [
		pair.missions.length ? `${pair.missions.length > 1 ? 'missies' : 'missie'} ${joinNl(pair.missions.map(missionName))}` : '',
		pair.techs.length ? `${pair.techs.length > 1 ? 'sleuteltechnologieën' : 'sleuteltechnologie'} ${joinNl(pair.techs.map((t) => lowerFirst(technologyName(t))))}` : ''
	].filter(Boolean);
	const where = pair.sameProvince ? `liggen beide in ${provinceName(pair.sameProvince)}` : pair.neighbours ? 'liggen in buurprovincies' : '';
	const first = [what.length ? `delen ${joinNl(what)}` : '', where].filter(Boolean).join(' en ');
	const sentences = first ? [`${upperFirst(first)}.`] : [];
	if (pair.chain) {
		const [from, to] = [items[pair.a].policy, items[pair.b].policy].sort((x, y) => x.core.step - y.core.step);
		sentences.push(`Ketenrelatie: ${lowerFirst(from.core.term)} levert input voor ${lowerFirst(to.core.term)}.`);
	}
	if (type === 'fusiekandidaat') sentences.push('Zelfde aanpak in dezelfde provincie: bespreek samenvoegen aan de brede tafel.');
	return sentences.join(' ');
}

/** Candidate pairs [a, b, score] from shared lists (missions, technologies, theme); a pair may repeat. */
function candidates(items: BuiltProject[]): [number, number, number][] {
	const lists = new Map<string, number[]>();
	const add = (key: string, i: number) => {
		const list = lists.get(key);
		if (list) list.push(i);
		else lists.set(key, [i]);
	};
	items.forEach(({ project, policy }, i) => {
		for (const m of project.fields.missionIds) add(`m:${m}`, i);
		for (const t of project.fields.keyTechnologyIds) add(`t:${t}`, i);
		add(`c:${policy.themeId}`, i);
	});
	const near = nearby(items);
	const pairs: [number, number, number][] = [];
	for (const list of lists.values()) {
		for (let p = 0; p < list.length; p++) {
			for (let q = p + 1; q < Math.min(list.length, p + 1 + WINDOW); q++) {
				const total = score(items, near, list[p], list[q]);
				if (total >= MIN_SCORE) pairs.push([list[p], list[q], total]);
			}
		}
	}
	return pairs;
}

/** Best pairs first; a pair is linked while both projects still have room. */
export function generatedLinks(items: BuiltProject[]): DemoLink[] {
	const pairs = candidates(items).sort((x, y) => y[2] - x[2] || x[0] - y[0] || x[1] - y[1]);
	const degree = new Array<number>(items.length).fill(0);
	const linked = new Set<number>();
	const links: DemoLink[] = [];
	for (const [a, b, total] of pairs) {
		if (degree[a] >= MAX_LINKS || degree[b] >= MAX_LINKS || linked.has(a * items.length + b)) continue;
		linked.add(a * items.length + b);
		degree[a]++;
		degree[b]++;
		const pair = explain(items, a, b, total);
		const type = linkType(items, pair);
		// In a chain the supplier points at the user; otherwise the older project comes first.
		const reverse = type === 'keten' && items[a].policy.core.step > items[b].policy.core.step;
		const [from, to] = reverse ? [b, a] : [a, b];
		links.push({ from: items[from].project.id, to: items[to].project.id, type, note: note(items, pair, type) });
	}
	return links;
}
