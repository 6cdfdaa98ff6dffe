/**
 * Reference-list labels in the reader's language: Dutch from the shipped reference files,
 * English from ./reference-en.ts (the Dutch name where no English one exists: a place name).
 * Pure and with relative imports, like ./field-values.ts, so server-side code can load it
 * outside Vite. Exports call it with 'nl' explicitly: they are Dutch whatever the reader's
 * language.
 */
import { LOOKUP, type Option } from '../domain/reference.ts';
import { getLocale } from '../paraglide/runtime.js';
import { REFERENCE_EN } from './reference-en.ts';

export type ReferenceList = keyof typeof REFERENCE_EN;
type Locale = 'nl' | 'en';

const current = (): Locale => (getLocale() === 'en' ? 'en' : 'nl');

/** The label of one entry of a list; an id no list knows (a crafted or outdated value) as itself. */
export function referenceLabel(list: ReferenceList, id: string, locale: Locale = current()): string {
	const dutch = (LOOKUP[list] as Map<string, Option>).get(id)?.label;
	if (dutch === undefined) return id;
	return locale === 'en' ? (REFERENCE_EN[list][id] ?? dutch) : dutch;
}

/** Whether the label shown for this entry is the Dutch one (so a page can mark it lang="nl"). */
export function isDutchName(list: ReferenceList, id: string, locale: Locale = current()): boolean {
	return locale !== 'en' || REFERENCE_EN[list][id] === undefined;
}

/** A list's options with their labels in the reader's language, for pickers and filters. */
export function localizedOptions<T extends Option>(list: ReferenceList, options: readonly T[], locale: Locale = current()): T[] {
	return locale === 'en' ? options.map((o) => ({ ...o, label: REFERENCE_EN[list][o.id] ?? o.label })) : [...options];
}
