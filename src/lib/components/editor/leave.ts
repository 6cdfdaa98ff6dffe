/**
 * Escape leaves the text: Tab inside a list indents, so without this a keyboard user
 * had no documented way out of the editor. Focus goes to the editor's own controls
 * (the toolbar's current button, or "Opmerking bij selectie" for a reader), else to
 * the next control on the page.
 */
const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

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
