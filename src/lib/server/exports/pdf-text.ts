/**
 * Fonts and text for the PDF export. The PDF embeds Noto Sans (SIL Open Font License
 * 1.1, from @expo-google-fonts/noto-sans): the 14 standard PDF fonts only know
 * WinAnsi, so "€", "ë" and Polish or Greek names would break. Whatever the font has
 * no glyph for (emoji, CJK, Arabic …) is shown as U+FFFD; control characters, bidi
 * overrides and lone surrogates are removed before text reaches pdfkit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';

export type FontName = 'regular' | 'bold' | 'italic' | 'boldItalic';

const FILES: Record<FontName, string> = {
	regular: '400Regular/NotoSans_400Regular.ttf',
	bold: '700Bold/NotoSans_700Bold.ttf',
	italic: '400Regular_Italic/NotoSans_400Regular_Italic.ttf',
	boldItalic: '700Bold_Italic/NotoSans_700Bold_Italic.ttf'
};

interface Fonts {
	/**
	 * Paths, not buffers: pdfkit caches a font by its path, and by a registered name
	 * only when no font of the same family was opened before (then it re-parses the
	 * file on every switch), so paths are what keeps switching fonts cheap.
	 */
	paths: Record<FontName, string>;
	glyphs: Font;
}

let loaded: Fonts | null = null;

/** The font files, found once per process; their glyph table for `PrintableText`. */
export function pdfFonts(): Fonts {
	if (loaded) return loaded;
	const dir = path.dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans/package.json'));
	const paths = Object.fromEntries(Object.entries(FILES).map(([name, file]) => [name, path.join(dir, file)])) as Record<FontName, string>;
	loaded = { paths, glyphs: create(fs.readFileSync(paths.regular)) as Font };
	return loaded;
}

export const REPLACEMENT = '\uFFFD';
const LONG_WORD = /[^\s\u200b]{50}(?=[^\s])/gu;

// C0/C1 controls except tab and newline, soft hyphen, zero-width and bidi controls,
// word joiners, variation selectors and the BOM: invisible, or harmful to layout.
// eslint-disable-next-line no-control-regex, no-misleading-character-class -- removing controls and lone variation selectors is the point
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff]/g;

/**
 * Text as the PDF can show it: well-formed, no controls, characters outside the
 * font replaced (a run of them by one U+FFFD). `multiline` keeps newlines.
 */
export class PrintableText {
	/** Set once any character had to be replaced: the PDF then says so. */
	replaced = false;
	private readonly cache = new Map<number, boolean>();

	constructor(private readonly font: Font) {}

	clean(text: string, multiline = false): string {
		let value = text.toWellFormed().replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(/\t/g, ' ').replace(INVISIBLE, '');
		if (!multiline) value = value.replace(/\n+/g, ' ');
		let out = '';
		let lastReplaced = false;
		for (const char of value) {
			const code = char.codePointAt(0)!;
			if (code === 10 || this.has(code)) {
				out += char;
				lastReplaced = false;
			} else {
				if (!lastReplaced) out += REPLACEMENT;
				lastReplaced = true;
				this.replaced = true;
			}
		}
		// pdfkit splits a word wider than the line glyph by glyph, in time that grows
		// with the cube of its length: long words get zero-width break opportunities.
		return out.replace(LONG_WORD, '$&\u200b');
	}

	private has(code: number): boolean {
		let known = this.cache.get(code);
		if (known === undefined) {
			known = this.font.hasGlyphForCodePoint(code);
			this.cache.set(code, known);
		}
		return known;
	}
}
