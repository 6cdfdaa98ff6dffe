import { describe, expect, test } from 'vitest';
import examplesRef from '../../reference/example_projects.json' with { type: 'json' };
import { PIPELINE, validateProject } from '../../domain/project.ts';
import { LINK_TYPES, LOOKUP, PROVINCES } from '../../domain/reference.ts';
import { demoProjects, type DemoLink, type DemoProject } from './demo-projects.ts';
import { organisationSeeds } from './organisations.ts';
import { demoEvents } from './demo-events.ts';

const PIPELINE_ORDER: readonly string[] = PIPELINE;

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

function invalid(projects: DemoProject[]) {
	return projects.flatMap((p) => {
		const result = validateProject(p.fields);
		return result.ok ? [] : [{ id: p.id, errors: result.errors }];
	});
}

function linkProblems(projects: DemoProject[], links: DemoLink[]): string[] {
	const ids = new Set(projects.map((p) => p.id));
	const pairs = new Set<string>();
	const problems: string[] = [];
	for (const l of links) {
		const key = [l.from, l.to].sort().join('|');
		if (!ids.has(l.from) || !ids.has(l.to)) problems.push(`unknown id in ${key}`);
		if (l.from === l.to) problems.push(`self link ${l.from}`);
		if (pairs.has(key)) problems.push(`duplicate ${key}`);
		if (!LINK_TYPES.includes(l.type)) problems.push(`bad type ${l.type}`);
		if (!l.note.trim()) problems.push(`empty note ${key}`);
		pairs.add(key);
	}
	return problems;
}

describe('demo projects', () => {
	const { projects, links } = demoProjects();
	const examples = examplesRef.projecten;
	const generated = projects.slice(examples.length);
	const generatedIds = new Set(generated.map((p) => p.id));

	test('150 by default, every one valid', () => {
		expect(projects).toHaveLength(150);
		expect(invalid(projects)).toEqual([]);
	});

	test('ids and codes are unique and well formed', () => {
		expect(new Set(projects.map((p) => p.id)).size).toBe(projects.length);
		expect(new Set(projects.map((p) => p.code)).size).toBe(projects.length);
		for (const p of projects) {
			expect(p.id).toMatch(ID);
			expect(p.code).toBe(p.id.toUpperCase());
		}
	});

	test('the ten examples come first, with their titles', () => {
		expect(projects.slice(0, examples.length).map((p) => [p.code, p.fields.title])).toEqual(examples.map((e) => [e.id, e.titel]));
	});

	test('all twelve provinces are covered', () => {
		const covered = new Set(projects.flatMap((p) => p.fields.provinces));
		expect([...covered].sort()).toEqual(PROVINCES.map((p) => p.id).sort());
	});

	test('is deterministic', () => {
		expect(demoProjects()).toEqual({ projects, links });
	});

	test('generated projects follow the spec rules that map onto our fields', () => {
		for (const p of generated) {
			const f = p.fields;
			expect(f.title.endsWith('(fictief)')).toBe(true);
			expect([f.initiator, ...f.partners].every((name) => name.endsWith('(fictief)'))).toBe(true);
			expect(f.contactEmail.endsWith('@example.org')).toBe(true);
			expect(f.cofinancing).toBe((f.totalBudget ?? 0) - (f.requestedAmount ?? 0));
			expect(f.missionIds.every((m) => f.kiaIds.includes(LOOKUP.missions.get(m)?.kia ?? '?'))).toBe(true);
			expect(f.tags.length).toBeGreaterThanOrEqual(3);
			expect(f.tags.length).toBeLessThanOrEqual(6);
			expect(p.description.length).toBeGreaterThanOrEqual(2);
			expect(p.description.length).toBeLessThanOrEqual(4);
		}
	});

	test('status history is ascending, follows the pipeline and ends with the status', () => {
		for (const p of projects) {
			const history = p.statusHistory;
			expect(history.at(-1)?.status).toBe(p.fields.status);
			expect(history[0].date).toBe(p.createdAt);
			for (let i = 1; i < history.length; i++) {
				expect(history[i].date > history[i - 1].date).toBe(true);
				const [prev, next] = [PIPELINE_ORDER.indexOf(history[i - 1].status), PIPELINE_ORDER.indexOf(history[i].status)];
				// A side branch (paused/stopped) may only come last.
				expect(next === prev + 1 || (next === -1 && i === history.length - 1)).toBe(true);
			}
		}
	});

	test('every timeline starts with the status the project was created with and walks, step by step, to its current status', () => {
		for (const p of projects) {
			const [created, ...changes] = demoEvents(p);
			expect(created.kind).toBe('created');
			expect(created.at.toISOString()).toBe(new Date(p.createdAt).toISOString());
			let status = created.toValue;
			let at = created.at.getTime();
			for (const change of changes) {
				expect(change.kind).toBe('status');
				if (change.kind !== 'status') continue;
				expect(change.fromValue, `${p.code}: a change starts where the last one ended`).toBe(status);
				expect(change.at.getTime()).toBeGreaterThan(at);
				[status, at] = [change.toValue, change.at.getTime()];
			}
			expect(status, `${p.code} ends at its current status`).toBe(p.fields.status);
		}
		// The point of it: projects past "idee" were not created in their current status.
		expect(projects.some((p) => p.fields.status === 'uitvoering' && demoEvents(p)[0].toValue === 'idee')).toBe(true);
	});

	test('ownership, visibility and stale dates', () => {
		const concept = projects.filter((p) => p.visibility === 'concept');
		expect(concept.length).toBe(6);
		expect(concept.every((p) => p.ownerOrganisationId === 'prov-nb' && p.fields.provinces[0] === 'NL-NB')).toBe(true);
		const organisations = new Set(organisationSeeds().map((o) => o.id));
		expect(projects.filter((p) => !organisations.has(p.ownerOrganisationId))).toEqual([]);
		expect(projects.some((p) => !p.ownerOrganisationId.startsWith('prov-'))).toBe(true);
		expect(projects.some((p) => p.updatedAt < '2025-11-28')).toBe(true);
	});

	test('links reference existing projects, once, and generated projects have at most three', () => {
		expect(linkProblems(projects, links)).toEqual([]);
		const degree = new Map<string, number>();
		for (const l of links.filter((l) => generatedIds.has(l.from) && generatedIds.has(l.to))) {
			for (const id of [l.from, l.to]) degree.set(id, (degree.get(id) ?? 0) + 1);
		}
		expect(Math.max(...degree.values())).toBeLessThanOrEqual(3);
		expect(new Set(links.map((l) => l.type)).size).toBeGreaterThanOrEqual(4);
	});

	test('10,000 projects stay valid and unique', () => {
		const big = demoProjects(10_000);
		expect(big.projects).toHaveLength(10_000);
		expect(invalid(big.projects)).toEqual([]);
		expect(new Set(big.projects.map((p) => p.id)).size).toBe(10_000);
		expect(big.projects.every((p) => ID.test(p.id))).toBe(true);
		expect(linkProblems(big.projects, big.links)).toEqual([]);
	}, 60_000);
});
