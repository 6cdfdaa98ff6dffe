/**
 * The timeline rows of a demo project: "created with status X" at its creation date,
 * then one status change per later step of its history. The project is created with
 * the first status of its history, not its current one: otherwise the timeline says
 * "aangemaakt met status Uitvoering" and then walks from Idee to Uitvoering.
 */
import type { DemoProject } from './demo-types.ts';

export type DemoEvent =
	| { kind: 'created'; toValue: string; at: Date }
	| { kind: 'status'; fromValue: string; toValue: string; at: Date };

export function demoEvents(p: Pick<DemoProject, 'statusHistory' | 'createdAt'>): DemoEvent[] {
	const [first, ...later] = p.statusHistory;
	const created: DemoEvent = { kind: 'created', toValue: first.status, at: new Date(p.createdAt) };
	return [
		created,
		...later.map((step, i): DemoEvent => ({ kind: 'status', fromValue: p.statusHistory[i].status, toValue: step.status, at: new Date(step.date) }))
	];
}
