/** A short, human description of a browser for the sessions list ("Chrome op Windows"). */
export function describeUserAgent(ua: string): string | null {
	if (!ua) return null;
	const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrom(e|ium)\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : null;
	const os = /Windows/.test(ua) ? 'Windows' : /Mac OS X|Macintosh/.test(ua) ? 'macOS' : /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Linux/.test(ua) ? 'Linux' : null;
	if (!browser && !os) return ua.slice(0, 60);
	return [browser, os].filter(Boolean).join(' · ');
}
