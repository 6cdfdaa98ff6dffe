/**
 * The fields that differ between two versions of a project, in form order, with old and
 * new value as a person reads them (choices by label, amounts in euros) and, for typed
 * text, the words that changed. Values are compared as the document holds them, so a
 * value that breaks a rule is shown as typed rather than hidden.
 */
import { FIELD_KEYS, FIELDS, type FieldKey } from '../../domain/project.ts';
import { fieldDisplay, isEmptyValue, type Locale } from '../../i18n/field-values.ts';
import { isTypedField } from '../project-doc.ts';
import { diffPlainText, type TextSegment } from './inline-diff.ts';

export type RawFields = Partial<Record<FieldKey, unknown>>;

export interface FieldChange {
	key: FieldKey;
	/** As the document held them (typed text as a string, choices as ids). */
	before: unknown;
	after: unknown;
	/** As shown to a person; '' when empty. */
	beforeText: string;
	afterText: string;
	/** Typed fields: the text as kept, deleted and inserted runs. */
	segments?: TextSegment[];
}

/** A value in a form that compares equal when a person would say nothing changed. */
function comparable(key: FieldKey, value: unknown): string {
	if (isEmptyValue(value)) return '';
	// The order in which boxes were ticked means nothing.
	if (FIELDS[key].kind === 'multi' && Array.isArray(value)) return JSON.stringify(value.map(String).sort());
	return JSON.stringify(value);
}

export function diffFields(before: RawFields, after: RawFields, locale: Locale = 'nl'): FieldChange[] {
	const changes: FieldChange[] = [];
	for (const key of FIELD_KEYS) {
		if (comparable(key, before[key]) === comparable(key, after[key])) continue;
		const change: FieldChange = { key, before: before[key] ?? null, after: after[key] ?? null, beforeText: fieldDisplay(key, before[key], locale), afterText: fieldDisplay(key, after[key], locale) };
		if (isTypedField(key)) change.segments = diffPlainText(change.beforeText, change.afterText);
		changes.push(change);
	}
	return changes;
}
