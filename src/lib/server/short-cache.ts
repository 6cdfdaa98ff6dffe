/**
 * Answers remembered for a few seconds, for questions every websocket upgrade asks the
 * database (whose session is this, what is this project's record). Lookups of the same
 * key in flight are shared; what the owner says has changed is forgotten at once, and a
 * lookup that was in flight while something was forgotten is answered but not kept (it
 * may have read the old row). Only found values are kept: what did not exist a moment ago
 * may exist now.
 */
export interface ShortCache<K, V> {
	get(key: K, load: () => Promise<V | null>): Promise<V | null>;
	forget(key: K): void;
	forgetWhere(matches: (value: V) => boolean): void;
	clear(): void;
	/** How many answers are remembered now. */
	size(): number;
}

export function shortCache<K, V>(options: { ttlMs: number; maxEntries: number; fresh?: (value: V, now: number) => boolean }): ShortCache<K, V> {
	const entries = new Map<K, { value: V; until: number }>();
	const pending = new Map<K, Promise<V | null>>();
	let epoch = 0;
	const forgetAll = () => {
		epoch++;
		pending.clear();
	};
	return {
		async get(key, load) {
			const now = Date.now();
			// Every entry lives equally long, so the oldest come first: drop the expired ones
			// there, or a thousand documents opened once would keep their records until replaced.
			for (const [oldest, entry] of entries) {
				if (entry.until > now) break;
				entries.delete(oldest);
			}
			const entry = entries.get(key);
			if (entry) {
				if (entry.until > now && (options.fresh?.(entry.value, now) ?? true)) return entry.value;
				entries.delete(key);
			}
			const shared = pending.get(key);
			if (shared) return shared;
			const startedAt = epoch;
			const lookup = load().then(
				(value) => {
					if (pending.get(key) === lookup) pending.delete(key);
					if (value !== null && epoch === startedAt) {
						// Oldest first out: a flood of distinct keys stays bounded.
						if (entries.size >= options.maxEntries) entries.delete(entries.keys().next().value!);
						entries.set(key, { value, until: Date.now() + options.ttlMs });
					}
					return value;
				},
				(err: unknown) => {
					if (pending.get(key) === lookup) pending.delete(key);
					throw err;
				}
			);
			pending.set(key, lookup);
			return lookup;
		},
		forget(key) {
			entries.delete(key);
			forgetAll();
		},
		forgetWhere(matches) {
			for (const [key, entry] of entries) if (matches(entry.value)) entries.delete(key);
			forgetAll();
		},
		clear() {
			entries.clear();
			forgetAll();
		},
		size: () => entries.size
	};
}
