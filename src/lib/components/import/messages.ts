import { m } from '$lib/paraglide/messages.js';

/** Upload refusals (import/parse.ts reasons, plus the form's own) as sentences. */
export function uploadError(reason: string, line: number | null = null): string {
	switch (reason) {
		case 'no-file': return m.import_error_no_file();
		case 'empty': return m.import_error_empty();
		case 'too-large': return m.import_error_too_large();
		case 'inflated-too-large': return m.import_error_inflated_too_large();
		case 'cell-too-large': return m.import_error_cell_too_large();
		case 'too-many-rows': return m.import_error_too_many_rows();
		case 'too-many-columns': return m.import_error_too_many_columns();
		case 'old-excel': return m.import_error_old_excel();
		case 'corrupt': return m.import_error_corrupt();
		case 'bad-csv': return m.import_error_bad_csv({ line: line ?? '?' });
		case 'upload-failed': return m.import_error_upload_failed();
		default: return m.import_error_wrong_type();
	}
}

/** Why a confirm did not import (service reasons). */
export function confirmError(reason: string): string {
	switch (reason) {
		case 'changed': return m.import_changed();
		case 'busy': return m.import_busy();
		case 'nothing': return m.import_nothing();
		case 'forbidden-visibility': return m.import_forbidden_visibility();
		default: return m.import_failed();
	}
}

/** Spreadsheet column letters as Excel shows them: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
	let letter = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
	return letter;
}

type Locale = 'nl' | 'en';
interface Counts { rows: number; accepted: number; rejected: number; duplicate: number }
const numberText = (value: number, locale?: Locale) => value.toLocaleString(locale === 'en' ? 'en-GB' : 'nl-NL');

/** "5 rijen: 3 worden geïmporteerd, 2 afgewezen, 0 dubbel" — and "1 rij: 1 wordt geïmporteerd, …". */
export function reportSummary(counts: Counts, locale?: Locale): string {
	const options = { locale };
	const n = (value: number) => numberText(value, locale);
	return m.import_report_summary_parts({
		rows: counts.rows === 1 ? m.import_rows_one({}, options) : m.import_rows({ count: n(counts.rows) }, options),
		accepted: counts.accepted === 1 ? m.import_accepted_one({}, options) : m.import_accepted({ count: n(counts.accepted) }, options),
		rejected: n(counts.rejected),
		duplicate: n(counts.duplicate)
	}, options);
}

/** "Er worden 3 projecten aangemaakt…" / "Er wordt 1 project aangemaakt…" */
export function confirmNote(accepted: number, locale?: Locale): string {
	return accepted === 1 ? m.import_confirm_note_one({}, { locale }) : m.import_confirm_note({ count: numberText(accepted, locale) }, { locale });
}

/** What the import did, in the singular for one project or one skipped row. */
export function doneTexts(done: { imported: number; skipped: number; visibility: 'concept' | 'platform'; organisation: string }, locale?: Locale): { imported: string; skipped: string | null } {
	const options = { locale };
	const count = numberText(done.imported, locale);
	const one = done.imported === 1;
	const imported =
		done.visibility === 'platform'
			? one ? m.import_done_platform_one({}, options) : m.import_done_platform({ count }, options)
			: one ? m.import_done_concept_one({ organisation: done.organisation }, options) : m.import_done_concept({ count, organisation: done.organisation }, options);
	const skipped = !done.skipped ? null : done.skipped === 1 ? m.import_done_skipped_one({}, options) : m.import_done_skipped({ count: numberText(done.skipped, locale) }, options);
	return { imported, skipped };
}
