/**
 * Putting a diff's blocks back into a tree. Each output block carries the chain of
 * containers (lists, list items, quotes) it sits in; a deleted block's containers are
 * translated to the new document's where a matched block shows they are the same
 * list, so a deleted list item appears inside the list that is still there.
 */
import type { Alignment } from './align-blocks.ts';
import type { Container, FlatBlock } from './flat-blocks.ts';
import { isInline, TEXT_BLOCKS, type BlockChange, type RichNode } from './rich-node.ts';

export interface OutBlock {
	node: RichNode;
	containers: Container[];
}

/** Old container key → the new container it became, learnt from blocks matched in place. */
export function mapContainers(a: FlatBlock[], b: FlatBlock[], alignment: Alignment[]): Map<string, Container> {
	const map = new Map<string, Container>();
	const taken = new Set<string>();
	const learn = (from: Container[], to: Container[]) => {
		for (let d = 0; d < Math.min(from.length, to.length); d++) {
			if (from[d].type !== to[d].type) return;
			const known = map.get(from[d].key);
			if (known) {
				if (known.key !== to[d].key) return;
				continue;
			}
			if (taken.has(to[d].key)) return;
			map.set(from[d].key, to[d]);
			taken.add(to[d].key);
		}
	};
	for (const step of alignment) {
		if (step.kind === 'equal' || step.kind === 'pair') learn(a[step.old].containers, b[step.new].containers);
		else if (step.kind === 'split') learn(a[step.old].containers, b[step.new[0]].containers);
		else if (step.kind === 'merge') for (const old of step.old) learn(a[old].containers, b[step.new].containers);
	}
	return map;
}

/** An old block's containers in the output: the new container where known, else its own (keyed apart). */
export function oldChain(containers: Container[], map: Map<string, Container>): Container[] {
	return containers.map((c) => map.get(c.key) ?? { ...c, key: `old:${c.key}` });
}

/** The blocks nested in their containers; a container whose blocks were all inserted (or deleted) says so. */
export function buildTree(blocks: OutBlock[]): RichNode {
	const doc: RichNode = { type: 'doc', content: [] };
	const open: { key: string; node: RichNode }[] = [];
	for (const { node, containers } of blocks) {
		let shared = 0;
		while (shared < open.length && shared < containers.length && open[shared].key === containers[shared].key) shared++;
		open.length = shared;
		for (let d = shared; d < containers.length; d++) {
			const c = containers[d];
			const made: RichNode = c.attrs ? { type: c.type, attrs: { ...c.attrs }, content: [] } : { type: c.type, content: [] };
			(d === 0 ? doc : open[d - 1].node).content!.push(made);
			open.push({ key: c.key, node: made });
		}
		(open.length ? open[open.length - 1].node : doc).content!.push(node);
	}
	for (const child of doc.content!) markContainers(child);
	return doc;
}

type Whole = 'inserted' | 'deleted' | 'moved-from' | 'moved-to';
const WHOLE = new Set<unknown>(['inserted', 'deleted', 'moved-from', 'moved-to'] satisfies BlockChange[]);

/** What all text blocks under a node agree on (inserted, deleted, moved), or null; containers are marked with it. */
function markContainers(node: RichNode): Whole | null {
	if (TEXT_BLOCKS.has(node.type) || !node.content?.length || node.content.some(isInline)) return WHOLE.has(node.attrs?.diff) ? (node.attrs!.diff as Whole) : null;
	const all = node.content.map(markContainers);
	const agreed = all.every((c) => c === all[0]) ? all[0] : null;
	if (agreed) node.attrs = { ...node.attrs, diff: agreed };
	return agreed;
}
