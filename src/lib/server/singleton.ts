/**
 * Process-wide singletons. In production the SvelteKit bundle and server/index.ts
 * each load their own copy of src/lib/server; keeping the instance on globalThis
 * makes both share one database handle, one event bus and one collaboration server.
 */
export function singleton<T>(key: string, create: () => T): T {
	const registry = globalThis as unknown as Record<symbol, unknown>;
	const symbol = Symbol.for(`tafel.${key}`);
	if (!(symbol in registry)) registry[symbol] = create();
	return registry[symbol] as T;
}
