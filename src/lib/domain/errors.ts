/**
 * Why a use case said no. Services return these as values
 * (`{ ok: false; reason: 'forbidden' }`); routes turn them into an HTTP status here,
 * in one place, instead of each route writing its own `=== 'forbidden' ? 403 : 400`.
 * Service-specific reasons ('email-taken', 'self', 'exists' …) are invalid input: 400.
 */
export const REFUSALS = {
	'not-found': 404,
	forbidden: 403,
	invalid: 400,
	'too-large': 413,
	'rate-limited': 429
} as const;

export type Refusal = keyof typeof REFUSALS;
export type RefusalStatus = (typeof REFUSALS)[Refusal];

/** The HTTP status for a refusal reason; any reason not listed is a problem with the input (400). */
export function httpStatus(reason: string): RefusalStatus {
	return Object.hasOwn(REFUSALS, reason) ? REFUSALS[reason as Refusal] : 400;
}
