/**
 * A deterministic inventory of FICTITIOUS regional projects for demo mode and
 * benchmarks: the ten examples from example_projects.json, then generated projects
 * following generator_spec.json. Pure: no I/O beyond the reference JSON imports.
 */
import { PROVINCES } from '../../domain/reference.ts';
import type { DemoLink, DemoProject } from './demo-types.ts';
import { exampleLinks, exampleProjects } from './demo-examples.ts';
import { buildProject } from './demo-build.ts';
import { pickFirstProvince } from './demo-generate.ts';
import { generatedLinks } from './demo-links.ts';
import { createRandom } from './random.ts';

export type { DemoLink, DemoProject } from './demo-types.ts';

/** Generated slots (0-based) that stay concept drafts of Noord-Brabant, the demo's own province. */
const CONCEPT_SLOTS = new Set([14, 27, 44, 67, 92, 118]);
/** Every so many generated projects is owned by the province's ROM instead of the province. */
const ROM_EVERY = 15;

/** First province per generated slot: the first twelve cycle through all provinces so every province shows up. */
function firstProvinces(count: number): string[] {
	const random = createRandom('tafel-demo-provinces');
	return Array.from({ length: count }, (_, slot) => {
		const drawn = pickFirstProvince(random);
		if (CONCEPT_SLOTS.has(slot)) return 'NL-NB';
		return slot < PROVINCES.length ? PROVINCES[slot].id : drawn;
	});
}

export function demoProjects(total = 150): { projects: DemoProject[]; links: DemoLink[] } {
	const examples = exampleProjects().slice(0, Math.max(0, total));
	const generatedCount = Math.max(0, total - examples.length);
	const provinces = firstProvinces(generatedCount);
	const built = provinces.map((firstProvince, slot) =>
		buildProject({ number: examples.length + slot + 1, firstProvince, concept: CONCEPT_SLOTS.has(slot), romOwned: slot % ROM_EVERY === ROM_EVERY - 1 })
	);
	const ids = new Set(examples.map((p) => p.id));
	const links = [...exampleLinks().filter((l) => ids.has(l.from) && ids.has(l.to)), ...generatedLinks(built)];
	return { projects: [...examples, ...built.map((b) => b.project)], links };
}
