import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

export type PasswordProblem = 'too-short' | 'too-long' | 'same-as-email' | 'mismatch';

/** The password rules, shared by invitation acceptance and reset. */
export function checkNewPassword(password: string, repeat: string, email: string): PasswordProblem | null {
	if ([...password].length < PASSWORD_MIN) return 'too-short';
	if (password.length > PASSWORD_MAX) return 'too-long';
	if (password.trim().toLowerCase() === email.trim().toLowerCase()) return 'same-as-email';
	if (password !== repeat) return 'mismatch';
	return null;
}

export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

// A real hash to verify against when the account does not exist, so the answer
// takes as long as for a wrong password (no user enumeration by timing).
let dummy: Promise<string> | null = null;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
	if (password.length > PASSWORD_MAX) return false;
	if (!passwordHash) {
		dummy ??= hashPassword('tafel-dummy-password');
		await verify(await dummy, password).catch(() => false);
		return false;
	}
	return verify(passwordHash, password).catch(() => false);
}
