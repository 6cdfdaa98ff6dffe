/**
 * A project field's value as words: choices by their labels, amounts in euros, months
 * by name. One place, so the exports, the version diff and the version preview say the
 * same thing. Pure (no Svelte, no server), with relative imports: server-side exports
 * load it outside Vite.
 */
import { FIELDS, type FieldKey } from '../domain/project.ts';
import { m } from '../paraglide/messages.js';
import { referenceLabel, type ReferenceList } from './reference-labels.ts';

export type Locale = 'nl' | 'en';

type Messages = Record<string, ((inputs?: Record<string, unknown>, options?: { locale?: Locale }) => string) | undefined>;

/** A message in the given language (exports are Dutch whatever the reader's language). */
export function message(key: string, locale: Locale, inputs: Record<string, unknown> = {}): string {
	return (m as unknown as Messages)[key]?.(inputs, { locale }) ?? key;
}

const CHOICE_LISTS: Partial<Record<FieldKey, ReferenceList>> = {
	provinces: 'provinces',
	corop: 'corop',
	themeId: 'themes',
	missionIds: 'missions',
	kiaIds: 'kias',
	keyTechnologyIds: 'keyTechnologies',
	instrumentIds: 'instruments'
};

/** Message key of a fixed choice ("n.v.t." → phase_nvt); ids are lower-case words with _ or . */
export const choiceMessageKey = (prefix: 'status' | 'phase' | 'initiator', id: string) => `${prefix}_${id.replace(/[^a-z0-9_]/g, '')}`;

/** The label of one choice of a field; an id no list knows (a crafted or outdated value) as itself. */
export function choiceLabel(key: FieldKey, id: string, locale: Locale = 'nl'): string {
	const list = CHOICE_LISTS[key];
	if (list) return referenceLabel(list, id, locale);
	const prefix = key === 'status' ? 'status' : key === 'phase' ? 'phase' : key === 'initiatorType' ? 'initiator' : null;
	if (!prefix) return id;
	const text = message(choiceMessageKey(prefix, id), locale);
	return text === choiceMessageKey(prefix, id) ? id.replaceAll('_', ' ') : text;
}

/**
 * The value as an export cell: numbers stay numbers (typed cells in a spreadsheet), lists
 * joined with "; ", choices by label; empty is null.
 */
export function fieldText(key: FieldKey, value: unknown, locale: Locale = 'nl'): string | number | null {
	if (value === null || value === undefined) return null;
	if (typeof value === 'number') return value;
	const choice = FIELDS[key].kind === 'enum' || FIELDS[key].kind === 'multi';
	if (Array.isArray(value)) return value.map((item) => (choice ? choiceLabel(key, String(item), locale) : String(item))).join('; ');
	const text = String(value);
	return choice && text ? choiceLabel(key, text, locale) : text;
}

const euro = (locale: Locale) => new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
// A project month is a calendar month, not a moment: read in UTC so it never shifts.
const monthYear = (locale: Locale) => new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * The value as a person reads it on screen ("€ 1.250.000", "maart 2026", "Groningen;
 * Drenthe"); '' when empty. A value that breaks a rule is shown as it was typed.
 */
export function fieldDisplay(key: FieldKey, value: unknown, locale: Locale = 'nl'): string {
	const kind = FIELDS[key].kind;
	if (kind === 'money' && typeof value === 'number') return euro(locale).format(value);
	if (kind === 'month' && typeof value === 'string') {
		const match = /^(\d{4})-(\d{2})$/.exec(value.trim());
		const month = match ? Number(match[2]) : 0;
		if (match && month >= 1 && month <= 12) return monthYear(locale).format(new Date(Date.UTC(Number(match[1]), month - 1, 1)));
	}
	const text = fieldText(key, value, locale);
	return text === null ? '' : String(text);
}

/** Whether a field holds nothing (an empty text, list or choice). */
export function isEmptyValue(value: unknown): boolean {
	return value === null || value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}
