/**
 * Offline copies of documents live in IndexedDB, one database per user and document,
 * so people sharing a computer never see each other's unsent edits.
 */
const PREFIX = 'tafel:';
/** Names of copies this browser made, for browsers without `indexedDB.databases()`. */
const KNOWN_KEY = 'tafel:offline-copies';

/** Copies open in this page: closed before deletion, or the delete would wait for the page to go. */
const open = new Map<string, () => Promise<void>>();

export function offlineStoreName(userId: string, docName: string): string {
	return `${PREFIX}${userId}:${docName}`;
}

function knownNames(): string[] {
	try {
		const list: unknown = JSON.parse(localStorage.getItem(KNOWN_KEY) ?? '[]');
		return Array.isArray(list) ? list.filter((n): n is string => typeof n === 'string' && n.startsWith(PREFIX)) : [];
	} catch {
		return [];
	}
}

/** Called when a page opens an offline copy; `close` stops it writing. */
export function trackOfflineCopy(name: string, close: () => Promise<void>): () => void {
	open.set(name, close);
	try {
		const names = knownNames();
		if (!names.includes(name)) localStorage.setItem(KNOWN_KEY, JSON.stringify([...names, name]));
	} catch {
		// Storage refused (private mode, quota): indexedDB.databases() still finds the copy.
	}
	return () => open.delete(name);
}

function deleteDatabase(name: string): Promise<void> {
	return new Promise((resolve) => {
		const request = indexedDB.deleteDatabase(name);
		request.onsuccess = request.onerror = request.onblocked = () => resolve();
	});
}

/** Logout: remove every offline copy on this browser. */
export async function clearOfflineCopies(): Promise<void> {
	if (typeof indexedDB === 'undefined') return;
	await Promise.all([...open.values()].map((close) => close().catch(() => undefined)));
	open.clear();
	const listed = indexedDB.databases ? (await indexedDB.databases().catch(() => [])).map((d) => d.name ?? '') : [];
	const names = new Set([...listed, ...knownNames()].filter((n) => n.startsWith(PREFIX)));
	await Promise.all([...names].map(deleteDatabase));
	try {
		localStorage.removeItem(KNOWN_KEY);
	} catch {
		// Nothing to forget.
	}
}
