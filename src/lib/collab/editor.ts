/**
 * The TipTap extension list of every Tafel document. Shared by the browser editor and
 * the server (which reads and converts documents with the same schema).
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

export function baseExtensions(placeholder = ''): AnyExtension[] {
	return [
		// Undo/redo comes from Yjs (Collaboration), so StarterKit's own history is off.
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
