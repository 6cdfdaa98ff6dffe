/**
 * Lines the active thread's card up with its highlighted passage, as far as the margin
 * allows: the card's top moves to the highlight's top, kept inside the visible margin.
 * Two means, both inside the margin so the page itself never jumps: space above the
 * thread list (to move a card down) and the margin's own scroll (to move it up).
 */
const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), Math.max(min, max));

export function alignCard(margin: HTMLElement, activeId: string | null): void {
	const list = margin.querySelector<HTMLElement>('.threads');
	if (!list) return;
	const card = activeId ? document.getElementById(`thread-${activeId}`) : null;
	const mark = activeId ? document.querySelector<HTMLElement>(`.comment-anchor[data-thread="${CSS.escape(activeId)}"]`) : null;
	const current = parseFloat(list.style.marginBlockStart || '0') || 0;
	if (!card || !mark || !margin.contains(card)) {
		if (current) list.style.marginBlockStart = '';
		margin.style.paddingBlockEnd = '';
		return;
	}
	const box = margin.getBoundingClientRect();
	// The margin grows with the space added, up to its max-height and the window's bottom.
	const maxHeight = parseFloat(getComputedStyle(margin).maxHeight) || innerHeight;
	const bottom = Math.min(innerHeight, box.top + maxHeight);
	const target = clamp(mark.getBoundingClientRect().top, Math.max(box.top, 0), bottom - card.offsetHeight);
	// Where the card would sit with no added space and no margin scroll, relative to the margin's top.
	const natural = card.getBoundingClientRect().top - box.top + margin.scrollTop - current;
	const need = target - box.top - natural;
	if (need >= 0) {
		margin.style.paddingBlockEnd = '';
		list.style.marginBlockStart = `${Math.round(need)}px`;
		margin.scrollTop = 0;
	} else {
		list.style.marginBlockStart = '';
		margin.style.paddingBlockEnd = '';
		// A card near the end cannot scroll up far enough: room below lets it.
		const short = -need - (margin.scrollHeight - margin.clientHeight);
		if (short > 0) margin.style.paddingBlockEnd = `${Math.ceil(short)}px`;
		margin.scrollTop = -need;
	}
}
