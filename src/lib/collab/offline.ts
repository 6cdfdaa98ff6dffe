/**
 * Offline copies of documents live in IndexedDB, one database per user and document,
 * so people sharing a computer never see each other's unsent edits.
 */
const PREFIX = 'tafel:';

export function offlineStoreName(userId: string, docName: string): string {
	return `${PREFIX}${userId}:${docName}`;
}

/** Logout: remove every offline copy on this browser. */
export async function clearOfflineCopies(): Promise<void> {
	if (typeof indexedDB === 'undefined' || !indexedDB.databases) return;
	const databases = await indexedDB.databases();
	await Promise.all(
		databases
			.filter((d) => d.name?.startsWith(PREFIX))
			.map((d) => new Promise<void>((resolve) => {
				const request = indexedDB.deleteDatabase(d.name!);
				request.onsuccess = request.onerror = request.onblocked = () => resolve();
			}))
	);
}
