import { getLocale } from '../paraglide/runtime.js';

/** Dutch first; English for those who switch. The choice is a cookie, remembered on the account. */
export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_COOKIE = 'PARAGLIDE_LOCALE';
/**
 * Set when someone switches language before logging in. The locale cookie alone cannot say
 * so: the browser runtime writes it (Dutch) on every first visit.
 */
export const LOCALE_CHOSEN_COOKIE = 'tafel_taal_gekozen';

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}


/**
 * The lang attribute for what people wrote (titles, descriptions, comments, agenda items)
 * and for Dutch names where a screen reader reads them on their own (an organisation list).
 * It is Dutch in this workspace, and Tafel cannot tell otherwise; on an English page a
 * screen reader must read it with Dutch pronunciation. On a Dutch page no attribute is needed.
 */
export function userContentLang(pageLocale: string = getLocale()): 'nl' | undefined {
	return pageLocale === 'nl' ? undefined : 'nl';
}
