/** Logs in through the real login form action and returns the session cookie. */
export async function loginCookie(baseUrl: string, email: string, password = 'tafel-demo'): Promise<string> {
	const response = await fetch(`${baseUrl}/login`, {
		method: 'POST',
		headers: { origin: baseUrl, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email, password }),
		redirect: 'manual'
	});
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith('tafel_session='));
	if (response.status !== 303 || !cookie) throw new Error(`login failed for ${email}: ${response.status}`);
	return cookie.split(';')[0];
}
