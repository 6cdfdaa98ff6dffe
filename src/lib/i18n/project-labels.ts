import { m } from '$lib/paraglide/messages.js';
import type { CrossProblem, FieldKey, FieldProblem } from '$lib/domain/project';
import type { LinkType, ProjectStatus } from '$lib/domain/reference';

type Messages = Record<string, (() => string) | undefined>;
const messages = m as unknown as Messages;

/** Translated label of a project field ("Totale begroting (€)"). */
export function fieldLabel(key: FieldKey | 'code' | 'owner' | 'description' | 'updatedAt'): string {
	return messages[`field_${key}`]?.() ?? key;
}

export function statusLabel(status: ProjectStatus | string): string {
	return messages[`status_${status}`]?.() ?? status;
}

export function linkTypeLabel(type: LinkType | string): string {
	return messages[`link_${type}`]?.() ?? type;
}

/** The user-facing sentence for a validation problem, in the current language. */
export function problemText(problem: FieldProblem | CrossProblem | string): string {
	return messages[`problem_${problem.replaceAll('-', '_')}`]?.() ?? problem;
}

const euro = (locale: string) => new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

export function formatEuro(value: number | null | undefined, locale: string): string {
	return value === null || value === undefined ? '—' : euro(locale).format(value);
}

/** "€ 3,5 mln" style for charts and totals. */
export function formatEuroShort(value: number, locale: string): string {
	return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { style: 'currency', currency: 'EUR', notation: 'compact', maximumFractionDigits: 1 }).format(value);
}
