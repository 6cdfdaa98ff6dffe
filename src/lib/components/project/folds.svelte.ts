/**
 * Which sections of the project record this person has folded. Remembered per user in
 * localStorage (across projects: someone who never reads "Beleid" folds it once).
 */
export class SectionFolds {
	#closed = $state<string[]>([]);
	readonly #key: string;

	constructor(userId: string) {
		this.#key = `tafel:record-folds:${userId}`;
		try {
			const stored = JSON.parse(localStorage.getItem(this.#key) ?? '[]');
			if (Array.isArray(stored)) this.#closed = stored.filter((v): v is string => typeof v === 'string');
		} catch {
			/* no storage (private mode) or a damaged entry: everything open */
		}
	}

	isOpen(id: string): boolean {
		return !this.#closed.includes(id);
	}

	set(id: string, open: boolean): void {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- the Set only removes duplicates
		this.#closed = open ? this.#closed.filter((v) => v !== id) : [...new Set([...this.#closed, id])];
		try {
			localStorage.setItem(this.#key, JSON.stringify(this.#closed));
		} catch {
			/* storage full or blocked: the choice holds for this visit */
		}
	}
}

/** Is a field value filled in (for the "4 van 6 ingevuld" count)? */
export function isFilled(value: unknown): boolean {
	if (value === null || value === undefined) return false;
	if (Array.isArray(value)) return value.length > 0;
	if (typeof value === 'string') return value.trim().length > 0;
	return true;
}
