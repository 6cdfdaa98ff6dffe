/**
 * A small seeded random source for the demo generator: the same seed gives the same
 * inventory on every machine and every run, so screenshots, tests and benchmarks agree.
 */

export interface Random {
	/** Uniform in [0, 1). */
	next(): number;
	int(min: number, max: number): number;
	pick<T>(list: readonly T[]): T;
	chance(p: number): boolean;
	/** Picks a key of a weight table; weights need not sum to 1. */
	weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
	/** Up to `count` distinct items, each draw weighted. */
	sample<T>(list: readonly T[], count: number, weight?: (item: T) => number): T[];
	normal(): number;
	/** Triangular distribution: a simple way to honour a min, max and most likely value. */
	triangular(min: number, max: number, mode: number): number;
}

/** mulberry32: tiny, fast and good enough for demo data (not for anything secret). */
function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** FNV-1a, so a seed can be a readable string such as 'project-0042'. */
export function hashSeed(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	return h >>> 0;
}

export function createRandom(seed: number | string): Random {
	const next = mulberry32(typeof seed === 'string' ? hashSeed(seed) : seed);
	const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
	const random: Random = {
		next,
		int,
		pick: (list) => list[Math.floor(next() * list.length)],
		chance: (p) => next() < p,
		weighted(weights) {
			const entries = Object.entries(weights) as [keyof typeof weights, number][];
			let roll = next() * entries.reduce((sum, [, w]) => sum + w, 0);
			for (const [key, w] of entries) if ((roll -= w) < 0) return key;
			return entries[entries.length - 1][0];
		},
		sample(list, count, weight = () => 1) {
			const pool = [...list];
			const out: (typeof list)[number][] = [];
			while (out.length < count && pool.length) {
				let roll = next() * pool.reduce((sum, item) => sum + weight(item), 0);
				const index = Math.max(0, pool.findIndex((item) => (roll -= weight(item)) < 0));
				out.push(pool.splice(index, 1)[0]);
			}
			return out;
		},
		normal() {
			// Box–Muller; 1 - next() keeps the logarithm away from zero.
			return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
		},
		triangular(min, max, mode) {
			const u = next();
			const split = (mode - min) / (max - min);
			return u < split ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
		}
	};
	return random;
}
