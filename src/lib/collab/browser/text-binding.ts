/**
 * Binds a plain <input> or <textarea> to a Y.Text: every keystroke becomes the
 * smallest edit of the shared text at once, and someone else's edit appears in the
 * field while this person types, their caret kept in place. During IME composition
 * remote edits wait, so composed characters are never split.
 */
import type * as Y from 'yjs';
import { applyChange, diffText, mapIndex, type Delta } from '../text-diff.ts';

type Field = HTMLInputElement | HTMLTextAreaElement;

export function bindText(element: Field, text: Y.Text): { update(next: Y.Text): void; destroy(): void } {
	let bound = text;
	/** What the field showed after the last sync with the text: local diffs are taken against it. */
	let shown = '';
	let composing = false;
	let waiting: Delta[] = [];
	const origin = { binding: element };

	function show(next: string, delta: Delta[]) {
		const focused = document.activeElement === element;
		const start = element.selectionStart ?? 0;
		const end = element.selectionEnd ?? 0;
		const direction = element.selectionDirection ?? undefined;
		if (element.value !== next) element.value = next;
		shown = next;
		if (!focused || !delta.length) return;
		const map = (index: number, stickToEnd: boolean) => delta.reduce((i, d) => mapIndex(d, i, stickToEnd), index);
		element.setSelectionRange(map(start, false), map(end, start !== end), direction);
	}

	function push() {
		let change = diffText(shown, element.value);
		// Edits that arrived during composition were made against `shown`: move this one past them.
		if (change && waiting.length) change = { ...change, index: waiting.reduce((i, d) => mapIndex(d, i), change.index) };
		const delta = waiting;
		waiting = [];
		if (change && !element.readOnly) bound.doc?.transact(() => applyChange(bound, change), origin);
		show(bound.toString(), delta);
	}

	const observer = (event: Y.YTextEvent, transaction: Y.Transaction) => {
		if (transaction.origin === origin) {
			shown = bound.toString();
			return;
		}
		if (composing) waiting.push(event.delta as Delta);
		else show(bound.toString(), [event.delta as Delta]);
	};
	const onInput = (event: Event) => {
		if (!composing && !(event as InputEvent).isComposing) push();
	};
	const onCompositionStart = () => (composing = true);
	const onCompositionEnd = () => {
		composing = false;
		push();
	};

	function attach(next: Y.Text) {
		bound = next;
		bound.observe(observer);
		show(bound.toString(), []);
	}

	element.addEventListener('input', onInput);
	element.addEventListener('compositionstart', onCompositionStart);
	element.addEventListener('compositionend', onCompositionEnd);
	attach(text);
	return {
		update(next: Y.Text) {
			if (next === bound) return;
			bound.unobserve(observer);
			attach(next);
		},
		destroy() {
			bound.unobserve(observer);
			element.removeEventListener('input', onInput);
			element.removeEventListener('compositionstart', onCompositionStart);
			element.removeEventListener('compositionend', onCompositionEnd);
		}
	};
}
