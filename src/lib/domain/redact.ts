/**
 * The public (Woo) variant of the minutes names organisations only: e-mail addresses
 * and the names of people known to Tafel are replaced wherever they were typed (notes,
 * decisions, actions, agenda notes). Pure, so it is tested on its own.
 */
export const REDACTED_EMAIL = '[e-mailadres]';
export const REDACTED_NAME = '[naam]';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A function that redacts e-mail addresses and the given names (whole words, any case). */
export function redactor(names: readonly string[]): (text: string) => string {
	// Longest first, so "Bram van Dijk" goes before a shorter name inside it; one-letter names would wipe words.
	const list = [...new Set(names.map((n) => n.trim()).filter((n) => n.length >= 3))].sort((a, b) => b.length - a.length);
	const pattern = list.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${list.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu') : null;
	return (text) => {
		const noMail = text.replace(EMAIL, REDACTED_EMAIL);
		return pattern ? noMail.replace(pattern, REDACTED_NAME) : noMail;
	};
}
