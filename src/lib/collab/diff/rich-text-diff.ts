/**
 * The difference between two rich texts as one document to read: the new text, with
 * what was deleted shown where it was, inserted and deleted words marked, re-formatted
 * words marked, and attributes on blocks that moved, were split, merged or restyled.
 * Computed from the two contents alone: versions are full states of a document that
 * collects its garbage, so there is no shared history to ask.
 */
import { alignBlocks, type Alignment } from './align-blocks.ts';
import { buildTree, mapContainers, oldChain, type OutBlock } from './diff-tree.ts';
import { flatten, type FlatBlock } from './flat-blocks.ts';
import { diffInline as diffInlineWithin, EMPTY_SIDE, joined, type InlineResult, type InlineSide } from './inline-diff.ts';
import { workBudget, type WorkBudget } from './sequence-diff.ts';
import type { BlockChange, RichNode } from './rich-node.ts';

export interface DiffSummary {
	/** Characters inserted and deleted (a moved block's text counts once, where it arrived). */
	inserted: number;
	deleted: number;
	/** Characters kept whose formatting changed. */
	formatChanges: number;
	moved: number;
	split: number;
	merged: number;
	restyled: number;
	changed: boolean;
}

export interface RichTextDiff {
	doc: RichNode;
	summary: DiffSummary;
}

const OUTER_STYLES = ['bulletList', 'orderedList', 'blockquote'];

/** How a block looks: its own kind (paragraph, heading-2) and the list or quote it is in. */
function styleOf(block: FlatBlock): { own: string; within: string | null } {
	const within = [...block.containers].reverse().find((c) => OUTER_STYLES.includes(c.type))?.type ?? null;
	return { own: block.type === 'heading' ? `heading-${Number(block.attrs?.level) || 1}` : block.type, within };
}

/** The old style, named by what changed ('heading-2', 'bulletList', 'paragraph'), or null when the same. */
function restyledFrom(old: FlatBlock, now: FlatBlock): string | null {
	const [was, is] = [styleOf(old), styleOf(now)];
	if (was.own !== is.own) return was.own;
	if (was.within !== is.within) return was.within ?? was.own;
	return null;
}

interface Made {
	blocks: OutBlock[];
	counts: InlineResult;
}

function made(inline: InlineResult, shapes: FlatBlock[], containers: (block: FlatBlock) => OutBlock['containers'], attrs: (i: number) => Record<string, unknown>): Made {
	const blocks = inline.blocks.map((content, i) => {
		const shape = shapes[Math.min(i, shapes.length - 1)];
		const node: RichNode = { type: shape.type, attrs: { ...shape.attrs, ...attrs(i) } };
		if (content.length) node.content = content;
		return { node, containers: containers(shape) };
	});
	return { blocks, counts: inline };
}

/** Whether two blocks hold the same inline nodes (text and marks). */
function sameInline(x: RichNode[], y: RichNode[]): boolean {
	if (x.length !== y.length) return false;
	for (let i = 0; i < x.length; i++) {
		const [p, q] = [x[i], y[i]];
		if (p.type !== q.type || p.text !== q.text) return false;
		if ((p.marks?.length || q.marks?.length) && JSON.stringify(p.marks) !== JSON.stringify(q.marks)) return false;
	}
	return true;
}

// What comparing the words of one whole document may cost (the bound of one comparison is 20 M).
const DOCUMENT_WORK = 40_000_000;

/** The output of one aligned step. */
function stepBlocks(step: Alignment, a: FlatBlock[], b: FlatBlock[], map: ReturnType<typeof mapContainers>, summary: DiffSummary, budget: WorkBudget): Made {
	const diffInline = (x: InlineSide, y: InlineSide) => diffInlineWithin(x, y, budget);
	const fromNew = (block: FlatBlock) => block.containers;
	const fromOld = (block: FlatBlock) => oldChain(block.containers, map);
	const change = (inline: InlineResult, fallback?: BlockChange) => (inline.inserted || inline.deleted || inline.formatChanges ? 'changed' : fallback);
	switch (step.kind) {
		case 'equal':
			// Most of a long text is unchanged: shown as it is, without comparing it word by word.
			if (!restyledFrom(a[step.old], b[step.new]) && sameInline(a[step.old].inline, b[step.new].inline)) {
				return made({ blocks: [b[step.new].inline.slice()], inserted: 0, deleted: 0, formatChanges: 0 }, [b[step.new]], fromNew, () => ({}));
			}
		// falls through
		case 'pair': {
			const inline = diffInline(joined([a[step.old]]), joined([b[step.new]]));
			const from = restyledFrom(a[step.old], b[step.new]);
			if (from) summary.restyled++;
			return made(inline, [b[step.new]], fromNew, () => ({ diff: change(inline, from ? 'changed' : undefined), diffFrom: from ?? undefined }));
		}
		case 'split':
			summary.split++;
			return made(diffInline(joined([a[step.old]]), joined(step.new.map((j) => b[j]))), step.new.map((j) => b[j]), fromNew, () => ({ diff: 'split' }));
		case 'merge':
			summary.merged++;
			return made(diffInline(joined(step.old.map((i) => a[i])), joined([b[step.new]])), [b[step.new]], fromNew, () => ({ diff: 'merged' }));
		case 'delete':
			return made(diffInline(joined([a[step.old]]), EMPTY_SIDE), [a[step.old]], fromOld, () => ({ diff: 'deleted' }));
		case 'insert':
			return made(diffInline(EMPTY_SIDE, joined([b[step.new]])), [b[step.new]], fromNew, () => ({ diff: 'inserted' }));
		case 'moved-from': {
			// Counted where the block arrived; here it only shows where it was.
			const inline = diffInline(joined([a[step.old]]), EMPTY_SIDE);
			return made({ ...inline, deleted: 0 }, [a[step.old]], fromOld, () => ({ diff: 'moved-from', diffMove: step.moveId }));
		}
		case 'moved-to':
			summary.moved++;
			return made(diffInline(joined([a[step.old]]), joined([b[step.new]])), [b[step.new]], fromNew, () => ({ diff: 'moved-to', diffMove: step.moveId }));
	}
}

/** Drops attributes left undefined, so the JSON says only what is true. */
function tidy(node: RichNode): RichNode {
	if (node.attrs) for (const key of Object.keys(node.attrs)) if (node.attrs[key] === undefined) delete node.attrs[key];
	if (node.attrs && Object.keys(node.attrs).length === 0) delete node.attrs;
	return node;
}

/** The two documents compared (each as ProseMirror JSON of the editor's schema). */
export function diffRichText(before: RichNode, after: RichNode): RichTextDiff {
	const [a, b] = [flatten(before), flatten(after)];
	const alignment = alignBlocks(a, b);
	const map = mapContainers(a, b, alignment);
	const summary: DiffSummary = { inserted: 0, deleted: 0, formatChanges: 0, moved: 0, split: 0, merged: 0, restyled: 0, changed: false };
	const blocks: OutBlock[] = [];
	const budget = workBudget(DOCUMENT_WORK);
	for (const step of alignment) {
		// A deleted empty paragraph has nothing to show.
		if ((step.kind === 'delete' || step.kind === 'moved-from') && a[step.old].inline.length === 0) continue;
		const out = stepBlocks(step, a, b, map, summary, budget);
		summary.inserted += out.counts.inserted;
		summary.deleted += out.counts.deleted;
		summary.formatChanges += out.counts.formatChanges;
		for (const block of out.blocks) blocks.push({ ...block, node: tidy(block.node) });
	}
	const removedEmpty = alignment.some((s) => s.kind === 'delete' && a[s.old].inline.length === 0);
	const inserts = alignment.some((s) => s.kind === 'insert');
	summary.changed = removedEmpty || inserts || summary.inserted + summary.deleted + summary.formatChanges + summary.moved + summary.split + summary.merged + summary.restyled > 0;
	return { doc: buildTree(blocks), summary };
}
