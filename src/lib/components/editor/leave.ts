/**
 * Escape leaves the text: Tab inside a list indents, so without this a keyboard user
 * had no documented way out of the editor. Focus goes to the editor's own controls
 * (the toolbar's current button, or "Opmerking bij selectie" for a reader), else to
 * the next control on the page.
 */
const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The control before or after `from` in the Tab order (the app uses no positive tabindex). */
export function tabFrom(from: HTMLElement, forward: boolean): boolean {
	const all = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el === from || (!from.contains(el) && el.offsetParent !== null));
	const at = all.indexOf(from);
	const target = at < 0 ? null : all[forward ? at + 1 : at - 1];
	if (!target) return false;
	target.focus();
	return true;
}

export function leaveEditor(frame: HTMLElement, text: HTMLElement): boolean {
	const own = frame.querySelector<HTMLElement>('[role="toolbar"] button[tabindex="0"], .comment-button');
	if (own) {
		own.focus();
		return true;
	}
	const after = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].find(
		(el) => !frame.contains(el) && text.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING && el.offsetParent !== null
	);
	if (!after) return false;
	after.focus();
	return true;
}
