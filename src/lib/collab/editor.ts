/**
 * The TipTap extension list of every Tafel document. Shared by the browser editor and
 * the server (which reads and converts documents with the same schema), so nothing
 * here touches the DOM at module level.
 */
import type { AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Link from '@tiptap/extension-link';
import { Placeholder } from '@tiptap/extensions';

const SAFE_PROTOCOLS = ['http', 'https', 'mailto'];

/** Only web and mail links: javascript:, data: and friends are never rendered as links. */
export function isSafeUrl(url: string): boolean {
	try {
		const parsed = new URL(url, 'https://tafel.invalid');
		return SAFE_PROTOCOLS.includes(parsed.protocol.replace(':', ''));
	} catch {
		return false;
	}
}

/** What a person types in the link dialog, as an href: `example.nl` becomes `https://example.nl`. */
export function normaliseLink(input: string): string {
	const url = input.trim();
	if (!url) return '';
	if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
	return url.includes('@') && !url.includes('/') ? `mailto:${url}` : `https://${url}`;
}

export function baseExtensions(placeholder = ''): AnyExtension[] {
	return [
		// Undo/redo comes from Yjs (Collaboration), so StarterKit's own history is off;
		// StarterKit's Link is off too: the one below is configured for safety.
		StarterKit.configure({ undoRedo: false, link: false, codeBlock: false, horizontalRule: false }),
		Link.configure({
			openOnClick: false,
			autolink: true,
			protocols: SAFE_PROTOCOLS,
			isAllowedUri: (url) => isSafeUrl(url),
			HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null }
		}),
		Placeholder.configure({ placeholder })
	];
}

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
