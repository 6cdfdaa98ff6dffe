/**
 * Singular or plural message for a count. Dutch and English both have exactly two forms
 * (one, other), so a message with a count has a `_one` twin that names no number: "1 rij",
 * "1 row". The count is written with the language's digit grouping ("1.250" / "1,250").
 */
import { getLocale } from '../paraglide/runtime.js';

type Locale = 'nl' | 'en';

export function countText(count: number, one: () => string, other: (inputs: { count: string }) => string, locale: Locale = getLocale() === 'en' ? 'en' : 'nl'): string {
	return count === 1 ? one() : other({ count: count.toLocaleString(locale === 'en' ? 'en-GB' : 'nl-NL') });
}
