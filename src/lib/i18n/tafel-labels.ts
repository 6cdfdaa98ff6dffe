import { m } from '$lib/paraglide/messages.js';

type Messages = Record<string, (() => string) | undefined>;
const messages = m as unknown as Messages;

/** Label of a field of the tafel, agenda item, decision or action forms. */
export function tafelFieldLabel(key: string): string {
	return messages[`tafel_field_${key}`]?.() ?? key;
}

/** The sentence for a problem code of domain/tafel.ts or the tafel services. */
export function tafelProblemText(problem: string): string {
	return messages[`tafel_error_${problem.replaceAll('-', '_')}`]?.() ?? m.api_bad_request();
}

export function responseLabel(response: string | null): string {
	return messages[`tafel_response_${response ?? 'none'}`]?.() ?? response ?? '';
}
