/**
 * Live view of a project's structured fields (one Y.Map): remote changes show up at
 * once, local edits are written per field. A field being typed in is not overwritten
 * under the user's cursor; it catches up when the user leaves it.
 */
import type * as Y from 'yjs';
import { fieldsOf } from './documents.ts';
import { crossCheck, emptyFields, validateField, type Checked, type CrossProblem, type FieldKey, type ProjectFields } from '../domain/project.ts';

export class LiveFields {
	values = $state<Partial<ProjectFields>>({});
	/** Field keys changed by someone else while this user was editing them. */
	conflicts = $state<FieldKey[]>([]);
	/** Placeholder until the lead's version lands: the problem text per field (empty when fine). */
	get problems(): Partial<Record<FieldKey, string>> { return {}; }
	#map: Y.Map<unknown>;
	#focused: FieldKey | null = null;
	#unobserve: () => void;

	constructor(doc: Y.Doc) {
		this.#map = fieldsOf(doc);
		this.#read();
		const observer = (event: Y.YMapEvent<unknown>) => {
			if (event.transaction.local) return;
			for (const key of event.keysChanged) {
				if (key === this.#focused) this.conflicts = [...new Set([...this.conflicts, key as FieldKey])];
				else (this.values as Record<string, unknown>)[key] = this.#map.get(key);
			}
		};
		this.#map.observe(observer);
		this.#unobserve = () => this.#map.unobserve(observer);
	}

	#read() {
		const next: Record<string, unknown> = {};
		this.#map.forEach((value, key) => (next[key] = value));
		this.values = next as Partial<ProjectFields>;
	}

	focus(key: FieldKey) {
		this.#focused = key;
	}

	blur(key: FieldKey) {
		if (this.#focused === key) this.#focused = null;
		if (this.conflicts.includes(key)) {
			(this.values as Record<string, unknown>)[key] = this.#map.get(key);
			this.conflicts = this.conflicts.filter((k) => k !== key);
		}
	}

	/**
	 * Validates locally first, the field and the rules between fields that name it (as the
	 * server's projection does); an invalid value stays in the input with its problem, unsent.
	 */
	set<K extends FieldKey>(key: K, raw: unknown): Checked<ProjectFields[K]> | { ok: false; problem: CrossProblem } {
		const checked = validateField(key, raw);
		const cross = checked.ok ? crossCheck({ ...emptyFields(), ...this.values, [key]: checked.value }).find((p) => p.field === key) : undefined;
		if (cross) return { ok: false, problem: cross.problem };
		if (checked.ok) {
			(this.values as Record<string, unknown>)[key] = checked.value;
			if (JSON.stringify(this.#map.get(key)) !== JSON.stringify(checked.value)) this.#map.set(key, checked.value);
		}
		return checked;
	}

	destroy() {
		this.#unobserve();
	}
}
