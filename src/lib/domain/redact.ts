/**
 * The public (Woo) variant of the minutes names organisations only: e-mail addresses
 * and the names of people known to Tafel are replaced wherever they were typed (notes,
 * decisions, actions, agenda notes). Pure, so it is tested on its own.
 *
 * Rich text is redacted a block at a time, on the text as a reader sees it: a name half
 * in bold, or an address with an italic domain, is one span across several runs
 * (`redactRuns`). Names match with any white space between their parts (two spaces, a
 * non-breaking space, a line break), after Unicode normalisation.
 */
export const REDACTED_EMAIL = '[e-mailadres]';
export const REDACTED_NAME = '[naam]';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Invisible characters that would otherwise split a name or an address unseen.
const INVISIBLE = /[\u00ad\u200b\u2060\ufeff]/g;

/** Text as compared: composed (NFC) and without invisible separators. */
export const normaliseText = (text: string) => text.normalize('NFC').replace(INVISIBLE, '');

interface Span {
	start: number;
	end: number;
	replacement: string;
}

export interface Redactor {
	/** One plain string, redacted. */
	(text: string): string;
	/** The runs of one block (their texts in order), each redacted as part of the whole: a span across runs becomes its replacement in the first run and is removed from the others. */
	runs(texts: readonly string[]): string[];
}

/** A redactor for e-mail addresses and the given names (whole words, any case, any white space between parts). */
export function redactor(names: readonly string[]): Redactor {
	// Longest first, so "Bram van Dijk" goes before a shorter name inside it; one-letter names would wipe words.
	const parts = [...new Set(names.map((n) => normaliseText(n).trim().split(/\s+/).join(' ').toLowerCase()).filter((n) => n.length >= 3))].sort((a, b) => b.length - a.length);
	const pattern = parts.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.map((n) => n.split(' ').map(escape).join('\\s+')).join('|')})(?![\\p{L}\\p{N}])`, 'giu') : null;

	/** Where the text must change: addresses first, then names outside them. */
	const spans = (text: string): Span[] => {
		const mail = [...text.matchAll(EMAIL)].map((m) => ({ start: m.index, end: m.index + m[0].length, replacement: REDACTED_EMAIL }));
		const named = pattern ? [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length, replacement: REDACTED_NAME })) : [];
		return [...mail, ...named.filter((n) => !mail.some((m) => n.start < m.end && m.start < n.end))].sort((a, b) => a.start - b.start);
	};

	const runs = (texts: readonly string[]): string[] => {
		const normal = texts.map(normaliseText);
		const found = spans(normal.join(''));
		let offset = 0;
		return normal.map((text) => {
			const [from, to] = [offset, offset + text.length];
			offset = to;
			let out = '';
			let at = from;
			for (const span of found) {
				if (span.end <= at || span.start >= to) continue;
				out += text.slice(at - from, Math.max(span.start, at) - from);
				if (span.start >= from) out += span.replacement;
				at = Math.min(span.end, to);
			}
			return out + text.slice(at - from);
		});
	};
	return Object.assign((text: string) => runs([text])[0], { runs });
}

/** Percent-decoded as far as it goes (a browser decodes a mailto's %40 to "@"). */
function decoded(href: string): string {
	let value = href;
	for (let i = 0; i < 3; i++) {
		try {
			const next = decodeURIComponent(value);
			if (next === value) break;
			value = next;
		} catch {
			break;
		}
	}
	return value;
}

/** A link the public variant may not keep: every mailto:, or an address hidden in the href, encoded or not. */
export function leaksAddress(href: string): boolean {
	const value = decoded(href).trim().toLowerCase();
	return value.startsWith('mailto:') || value.includes('@') || /%40|&#0*64;|&#x0*40;/.test(value);
}
