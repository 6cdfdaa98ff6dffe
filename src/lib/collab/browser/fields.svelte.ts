/**
 * Live view of a project's structured fields. Typed fields are shared texts bound to
 * their inputs (text-binding.ts) and merge per keystroke; value fields are written on
 * change. Nothing is refused on the way in: a value that breaks a rule is stored as
 * given and shown with its problem, here and on every other screen.
 */
import type * as Y from 'yjs';
import { fieldsOf, fieldTextOf } from '../documents.ts';
import { readFields, rawFields } from '../project-doc.ts';
import { validateField, type FieldKey, type ProjectFields } from '../../domain/project.ts';
import { problemText } from '$lib/i18n/project-labels';

/** Who is working where: the collab session's presence (absent in tests without a provider). */
export interface FieldPresence {
	readonly peers: { self: boolean; field: string | null; name: string; organisation: string; color: string; clientId: number }[];
	announceField(field: FieldKey | null): void;
}

export class LiveFields {
	// Raw state, replaced whole on each change: values keep the identity Yjs gives them, so an
	// unchanged list does not re-render its checkboxes on every keystroke elsewhere.
	/** Valid values, parsed (lists as arrays, amounts as numbers). */
	values = $state.raw<Partial<ProjectFields>>({});
	/** What the document holds, as typed (texts as strings; a value that breaks a rule as given). */
	raw = $state.raw<Partial<Record<FieldKey, unknown>>>({});
	/** The problem of each field that breaks a rule, in the user's language. */
	problems = $state.raw<Partial<Record<FieldKey, string>>>({});
	readonly #doc: Y.Doc;
	readonly #presence: FieldPresence | null;
	#unobserve: () => void;

	constructor(doc: Y.Doc, presence: FieldPresence | null = null) {
		this.#doc = doc;
		this.#presence = presence;
		this.#read();
		// Re-read on every change: 25 fields are cheap, and problems can follow from another field.
		const onUpdate = () => this.#read();
		doc.on('update', onUpdate);
		this.#unobserve = () => doc.off('update', onUpdate);
	}

	#read() {
		const { valid, problems } = readFields(this.#doc);
		this.values = valid;
		this.raw = rawFields(this.#doc);
		this.problems = Object.fromEntries(Object.entries(problems).map(([key, problem]) => [key, problemText(problem)]));
	}

	/** The shared text of a typed field, for the input binding. */
	text(key: FieldKey): Y.Text {
		return fieldTextOf(this.#doc, key);
	}

	/** Other people whose cursor is in this field. */
	others(key: FieldKey) {
		return (this.#presence?.peers ?? []).filter((p) => !p.self && p.field === key);
	}

	focus(key: FieldKey) {
		this.#presence?.announceField(key);
	}

	blur(key: FieldKey) {
		if (this.#presence?.peers.find((p) => p.self)?.field === key) this.#presence.announceField(null);
	}

	/**
	 * Sets a choice, number or month as soon as it changes. A valid value is stored
	 * normalised (an amount as a number); anything else as typed, so it is never lost
	 * and everyone sees what is wrong with it.
	 */
	set(key: FieldKey, input: unknown): void {
		const checked = validateField(key, input);
		const value = checked.ok ? checked.value : input;
		const map = fieldsOf(this.#doc);
		if (JSON.stringify(map.get(key)) !== JSON.stringify(value)) map.set(key, value);
	}

	destroy() {
		this.#unobserve();
	}
}
