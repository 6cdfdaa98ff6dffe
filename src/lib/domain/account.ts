/** Validation of account fields, shared by forms and services. */
export type Checked<T> = { ok: true; value: T } | { ok: false };

// Control characters and bidi overrides have no place in a name shown to others.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

export function validateName(raw: unknown, max = 120): Checked<string> {
	if (typeof raw !== 'string') return { ok: false };
	const value = raw.trim().replace(/\s+/g, ' ');
	if (value.length < 1 || value.length > max || FORBIDDEN.test(value)) return { ok: false };
	if (value.isWellFormed && !value.isWellFormed()) return { ok: false };
	return { ok: true, value };
}

export function validateEmail(raw: unknown): Checked<string> {
	if (typeof raw !== 'string') return { ok: false };
	const value = raw.trim().toLowerCase();
	if (value.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) || FORBIDDEN.test(value)) return { ok: false };
	return { ok: true, value };
}

/** The page of a one-time invitation or password-reset link (admins hand these over; the first administrator gets one at start). */
export const accessPath = (token: string): string => `/toegang/${token}`;
