/** How a version is named in lists, headings and announcements. */
import { m } from '$lib/paraglide/messages.js';

export interface VersionLike {
	kind: 'auto' | 'named' | 'milestone' | 'restore';
	reason: 'settled' | 'before-restore' | null;
	name: string | null;
	createdAt: string;
}

export function kindLabel(v: Pick<VersionLike, 'kind' | 'reason'>): string {
	if (v.kind === 'named') return m.version_kind_named();
	if (v.kind === 'milestone') return m.version_kind_milestone();
	if (v.kind === 'restore') return m.version_kind_restore();
	return v.reason === 'before-restore' ? m.version_kind_before_restore() : m.version_kind_auto();
}

export function formatWhen(iso: string, locale: string): string {
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));
}

/** "Ingediend bij brede tafel Oost" or, for an unnamed version, its kind and time. */
export function versionTitle(v: VersionLike, locale: string): string {
	if (v.kind === 'restore') return v.name ? m.version_restore_of({ name: v.name }) : m.version_kind_restore();
	return v.name ?? `${kindLabel(v)} · ${formatWhen(v.createdAt, locale)}`;
}
