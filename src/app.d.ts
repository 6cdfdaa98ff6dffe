import type { SessionInfo, SessionUser } from '$lib/server/auth/session';
import type { Locale } from '$lib/i18n/locale';

declare global {
	namespace App {
		interface Error {
			message: string;
			errorId?: string;
		}
		interface Locals {
			user: SessionUser | null;
			session: SessionInfo | null;
			locale: Locale;
		}
	}
}

export {};
