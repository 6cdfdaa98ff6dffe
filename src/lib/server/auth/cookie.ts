/** Why the last session ended, read once by the login page ("uw account is uitgeschakeld"). */
export const SESSION_END_COOKIE = 'tafel_session_end';

export function sessionEndCookieOptions(url: URL) {
	return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: url.protocol === 'https:', maxAge: 30 * 60 };
}

/** Session cookie: HttpOnly, SameSite=Lax, Secure whenever the app is served over TLS. */
export function sessionCookieOptions(url: URL, expires: Date) {
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'lax' as const,
		secure: url.protocol === 'https:',
		expires
	};
}
