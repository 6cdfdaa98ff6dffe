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
