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

/** `placeholder`: a function where it depends on the moment (none for a reader, whose text only looks editable). */
export function baseExtensions(placeholder: string | (() => string) = ''): AnyExtension[] {
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
		Placeholder.configure({ placeholder: typeof placeholder === 'string' ? placeholder : () => placeholder() })
	];
}
