/** The project timeline's entries about brede tafels, read the same way by the page and the exports. */

export const TAFEL_EVENT_KINDS = ['tafel-decision', 'tafel-action', 'tafel-action-done', 'tafel-action-reopened'] as const;
export type TafelEventKind = (typeof TAFEL_EVENT_KINDS)[number];

export function isTafelEvent(kind: string): kind is TafelEventKind {
	return (TAFEL_EVENT_KINDS as readonly string[]).includes(kind);
}

/** fromValue holds the tafel's title; toValue its id, and for actions ":" and the owning organisation. */
export function tafelEventParts(event: { fromValue: string | null; toValue: string | null }): { tafelId: string; tafelTitle: string; organisation: string } {
	const value = event.toValue ?? '';
	const colon = value.indexOf(':');
	return { tafelId: colon < 0 ? value : value.slice(0, colon), tafelTitle: event.fromValue ?? '', organisation: colon < 0 ? '' : value.slice(colon + 1) };
}
