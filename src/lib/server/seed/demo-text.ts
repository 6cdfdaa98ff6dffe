/**
 * Dutch text helpers for the demo generator: amounts, lists, region phrases and
 * fictitious names (every non-public organisation and person ends in "(fictief)").
 */
import provincesRef from '../../reference/provinces.json' with { type: 'json' };
import { LOOKUP } from '../../domain/reference.ts';
import type { Random } from './random.ts';
import { CONTACT_ROLES, FIRST_NAMES, LAST_NAMES, NAME_HEADS, NAME_TAILS, ORG_PATTERNS } from './demo-vocab.ts';

const LANDSDEEL = new Map(provincesRef.provincies.map((p) => [p.iso_3166_2, p.cbs_landsdeel]));

/** COROP areas that take an article in a sentence ("in de Achterhoek"). */
const WITH_ARTICLE: Record<string, string> = {
	Veluwe: 'de Veluwe', Achterhoek: 'de Achterhoek', 'Kop van Noord-Holland': 'de Kop van Noord-Holland', IJmond: 'de IJmond',
	Zaanstreek: 'de Zaanstreek', 'Het Gooi en Vechtstreek': 'het Gooi en de Vechtstreek'
};

export const provinceName = (iso: string) => LOOKUP.provinces.get(iso)?.label ?? iso;

/** 'a', 'a en b', 'a, b en c'. */
export function joinNl(items: string[]): string {
	return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

/** Lower-cases the first letter unless the word is an acronym (AI-werkplaats stays). */
export function lowerFirst(text: string): string {
	return text.length > 1 && text[1] === text[1].toLowerCase() ? text[0].toLowerCase() + text.slice(1) : text;
}

export const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Euro amounts the way a Dutch memo writes them: € 450.000, € 3,2 mln. */
export function euro(amount: number): string {
	if (amount >= 1_000_000) return `€ ${(amount / 1_000_000).toFixed(1).replace('.', ',')} mln`;
	return `€ ${String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}

/** A region as a sentence names it: a COROP area, a province pair, a part of the country. */
export function regionName(provinces: string[], corop: string[]): string {
	if (provinces.length === 1) {
		const area = corop.length === 1 ? LOOKUP.corop.get(corop[0])?.label : undefined;
		return area ? (WITH_ARTICLE[area] ?? area) : provinceName(provinces[0]);
	}
	const parts = new Set(provinces.map((p) => LANDSDEEL.get(p)));
	if (provinces.length >= 3 && parts.size === 1) return [...parts][0] ?? provinceName(provinces[0]);
	if (provinces.length > 3) return `${provinceName(provinces[0])} en buurprovincies`;
	return joinNl(provinces.map(provinceName));
}

/** An invented organisation name of the given type, not in `taken`. */
export function organisationName(type: string, random: Random, taken: Set<string>): string {
	const patterns = ORG_PATTERNS[type] ?? ORG_PATTERNS.consortium;
	for (let attempt = 0; ; attempt++) {
		const stem = random.pick(NAME_HEADS) + random.pick(NAME_TAILS);
		// After a few collisions a Roman numeral keeps the name unique without looping forever.
		const name = `${random.pick(patterns).replace('{naam}', stem)}${attempt > 5 ? ` ${'I'.repeat(attempt % 3 + 1)}` : ''} (fictief)`;
		if (!taken.has(name) || attempt > 8) {
			taken.add(name);
			return name;
		}
	}
}

const slug = (text: string) => text.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();

export function contactPerson(random: Random): { contactName: string; contactRole: string; contactEmail: string } {
	const first = random.pick(FIRST_NAMES);
	const last = random.pick(LAST_NAMES);
	return { contactName: `${first} ${last} (fictief)`, contactRole: random.pick(CONTACT_ROLES), contactEmail: `${slug(first)}.${slug(last)}@example.org` };
}

/** Short label of a key technology: the reference names carry long explanations in brackets. */
export function technologyName(id: string): string {
	return (LOOKUP.keyTechnologies.get(id)?.label ?? id).replace(/\s*\(.*\)\s*$/, '');
}

export const missionName = (id: string) => LOOKUP.missions.get(id)?.label ?? id;
export const instrumentName = (id: string) => LOOKUP.instruments.get(id)?.label ?? id;
