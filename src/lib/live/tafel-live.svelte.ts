/**
 * The live tafel as this browser knows it: the last state received (page load, the
 * events stream, the answer to its own action), the offset between the server's clock
 * and this one (so every screen counts the same timer), and whether this person follows
 * the facilitator. One per tab, shared by the live bar and the tafel page.
 */
import type { LiveState } from '$lib/domain/tafel-live';

export type LiveRequest = Record<string, unknown> & { action: string };

class LiveTafel {
	state = $state<LiveState | null>(null);
	attending = $state(false);
	/** server clock − browser clock, in ms. */
	offset = $state(0);
	following = $state(true);
	/** The browser's clock, ticking once a second while a timer runs (the bar drives it). */
	now = $state(Date.now());
	/** A sentence for the live region; the bar announces it politely. */
	announcement = $state('');
	private offsetKnown = false;

	/**
	 * Takes a state unless it is older than the one shown (events from two instances may
	 * cross). `fresh`: read just now (an event, an answer), so its clock stamp is usable.
	 */
	accept(next: LiveState, attending: boolean | null, fresh: boolean): void {
		const current = this.state;
		if (current && current.tafelId === next.tafelId && next.version < current.version) return;
		if (fresh || !this.offsetKnown) {
			this.offset = next.serverNow - Date.now();
			this.offsetKnown = fresh;
		}
		const sameRound = current?.vote?.id === next.vote?.id;
		// Events carry no one's dots: keep what this person cast in the same round.
		const mine = next.mine ?? (sameRound ? current?.mine : undefined) ?? { votes: {}, used: 0 };
		const facilitator = next.facilitator ?? (current?.tafelId === next.tafelId ? current?.facilitator : undefined);
		if (current?.tafelId !== next.tafelId) this.following = readFollowing(next.tafelId);
		this.state = { ...next, mine, ...(facilitator ? { facilitator } : {}) };
		if (attending !== null) this.attending = attending;
	}

	setFollowing(value: boolean): void {
		this.following = value;
		if (this.state) sessionStorage.setItem(`tafel-live-follow:${this.state.tafelId}`, value ? '1' : '0');
	}

	serverNow(): number {
		return this.now + this.offset;
	}

	/** Sends one live action; the answer is the new state (or a refusal with a sentence). */
	async send(request: LiveRequest): Promise<{ ok: true } | { ok: false; message: string }> {
		if (!this.state) return { ok: false, message: '' };
		const response = await fetch(`/api/tafels/${this.state.tafelId}/live`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) }).catch(() => null);
		if (!response) return { ok: false, message: '' };
		const body = (await response.json().catch(() => null)) as (LiveState & { message?: string }) | null;
		if (!response.ok || !body) return { ok: false, message: body?.message ?? '' };
		this.accept(body, null, true);
		return { ok: true };
	}
}

function readFollowing(tafelId: string): boolean {
	try {
		return sessionStorage.getItem(`tafel-live-follow:${tafelId}`) !== '0';
	} catch {
		return true;
	}
}

export const liveTafel = new LiveTafel();

/** Where following the facilitator takes a person: the shown record (and section), else the current item on the tafel page. */
export function followTarget(state: LiveState): { path: string; hash: string } {
	if (state.shown) {
		const section = state.shown.section;
		return { path: `/projecten/${state.shown.projectId}`, hash: section === '' ? '' : section === 'beschrijving' ? 'beschrijving' : `section-${section}` };
	}
	return { path: `/tafels/${state.tafelId}`, hash: state.item ? `item-${state.item.id}` : '' };
}
