/**
 * Colours of the people in a document: each organisation's caret colour (set by the
 * server in awareness, shown by the editor and the werkagenda), and what TipTap's caret
 * and its label need to show any colour legibly. Shared by browser and server.
 */
const FALLBACK_COLOR = '#475569';

/**
 * Caret colours arrive through awareness (the server sends hex; older peers sent `hsl(h s% l%)`); TipTap's
 * caret only accepts `#rrggbb`, so every colour is turned into that, or a neutral grey.
 */
export function toHexColor(color: unknown): string {
	if (typeof color !== 'string') return FALLBACK_COLOR;
	const value = color.trim().toLowerCase();
	if (/^#[0-9a-f]{6}$/.test(value)) return value;
	const hsl = /^hsla?\(\s*(-?[\d.]+)(?:deg)?[\s,]+([\d.]+)%[\s,]+([\d.]+)%\s*(?:[,/][^)]*)?\)$/.exec(value);
	if (!hsl) return FALLBACK_COLOR;
	const h = ((Number(hsl[1]) % 360) + 360) % 360;
	const s = Math.min(1, Number(hsl[2]) / 100);
	const l = Math.min(1, Number(hsl[3]) / 100);
	const a = s * Math.min(l, 1 - l);
	const channel = (n: number) => {
		const k = (n + h / 30) % 12;
		const v = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
		return Math.round(v * 255).toString(16).padStart(2, '0');
	};
	return `#${channel(0)}${channel(8)}${channel(4)}`;
}

function luminance(hex: string): number {
	const [r, g, b] = [1, 3, 5].map((i) => {
		const c = parseInt(hex.slice(i, i + 2), 16) / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Black or white text on a caret label, whichever contrasts more (always ≥ 4.5:1). */
export function labelTextColor(background: string): '#ffffff' | '#111111' {
	const bg = luminance(toHexColor(background));
	const onWhite = 1.05 / (bg + 0.05);
	const onBlack = (bg + 0.05) / (luminance('#111111') + 0.05);
	return onWhite >= onBlack ? '#ffffff' : '#111111';
}

/** A stable, readable colour per organisation (dark enough for white caret labels). */
export function organisationColor(organisationId: string): string {
	let hash = 0;
	for (const ch of organisationId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
	// Hex, because TipTap's caret renderer accepts only hex (and warns on every render otherwise).
	return toHexColor(`hsl(${hash % 360} 70% 32%)`);
}
