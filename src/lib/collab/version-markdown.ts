/**
 * A version of a document as Markdown: for a project its fields (as the project export
 * lists them) and its description with headings and lists kept; for the Werkagenda its
 * text. In Dutch, like every export. The project export itself reads the database; a
 * version exists only as a Yjs state, so it is written from that.
 */
import type { DocumentKind } from './documents.ts';
import { message } from '../i18n/field-values.ts';
import { escapeMarkdown, fieldRows, richTextMarkdown } from './markdown.ts';
import { readVersion, type VersionContent } from './version-diff.ts';

export interface VersionMarkdownOptions {
	/** The document's heading; by default the project's title in this version (or the kind's name). */
	title?: string;
	/** Lines under the heading, as plain text (escaped here): the version's name, time, author. */
	about?: string[];
}

/** A version's content as Markdown (see `readVersion` for reading a state). */
export function contentMarkdown(content: VersionContent, options: VersionMarkdownOptions = {}): string {
	const fallback = content.kind === 'project' ? String(content.fields?.raw.title ?? '') : message(content.kind === 'werkagenda' ? 'werkagenda_title' : 'field_description', 'nl');
	const out = [`# ${escapeMarkdown(options.title ?? fallback)}`, ''];
	// Two trailing spaces: a line break inside one paragraph.
	if (options.about?.length) out.push(...options.about.map((line, i, all) => `${escapeMarkdown(line)}${i < all.length - 1 ? '  ' : ''}`), '');
	// A project's description sits under "## Beschrijving": its headings one level down.
	const text = richTextMarkdown(content.text, content.fields ? 1 : 0);
	if (content.fields) {
		out.push(`| ${message('inventory_md_field', 'nl')} | ${message('inventory_md_value', 'nl')} |`, '| --- | --- |', ...fieldRows(content.fields.raw), '');
		out.push(`## ${message('field_description', 'nl')}`, '');
	}
	out.push(text || `_${message('inventory_md_empty', 'nl')}_`, '');
	return out.join('\n');
}

/** A stored version state as Markdown. Throws on a malformed state, like `readVersion`. */
export function versionMarkdown(kind: DocumentKind, state: Uint8Array, options: VersionMarkdownOptions = {}): string {
	return contentMarkdown(readVersion(kind, state), options);
}
