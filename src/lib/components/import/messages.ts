import { m } from '$lib/paraglide/messages.js';

/** Upload refusals (import-parse.ts reasons, plus the form's own) as sentences. */
export function uploadError(reason: string, line: number | null = null): string {
	switch (reason) {
		case 'no-file': return m.import_error_no_file();
		case 'empty': return m.import_error_empty();
		case 'too-large': return m.import_error_too_large();
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
