import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin, ViteDevServer } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Under `vite dev` the collaboration websocket shares the dev server's port:
 * upgrades for /collab/… go to our handler (loaded through Vite so $lib and
 * TypeScript work); Vite's own HMR socket is left alone.
 */
function collabDevServer(): Plugin {
	return {
		name: 'tafel-collab-dev',
		configureServer(server: ViteDevServer) {
			// Pages write into open documents through the collaboration server (a restored version): start it with the dev server.
			server.httpServer?.once('listening', () => {
				server.ssrLoadModule('/server/collab/index.ts').then((mod) => mod.collabServer(), (err: unknown) => server.config.logger.error(`collab start failed: ${String(err)}`));
			});
			server.httpServer?.on('upgrade', async (request, socket, head) => {
				if (!request.url?.startsWith('/collab/')) return;
				try {
					const mod = await server.ssrLoadModule('/server/collab/index.ts');
					await mod.handleUpgrade(request, socket, head);
				} catch (err) {
					server.config.logger.error(`collab upgrade failed: ${String(err)}`);
					socket.destroy();
				}
			});
		}
	};
}

export default defineConfig({
	plugins: [
		// Dutch unless the user switched: the cookie, then the base locale (never the browser's language).
		paraglideVitePlugin({ project: './project.inlang', outdir: './src/lib/paraglide', strategy: ['cookie', 'baseLocale'] }),
		sveltekit(),
		collabDevServer()
	],
	server: { port: 3000 },
	test: {
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['src/**/*.test.ts', 'server/**/*.test.ts'], environment: 'node' }
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					environment: 'node',
					testTimeout: 60_000,
					hookTimeout: 120_000,
					globalSetup: ['tests/integration/global-setup.ts'],
					fileParallelism: false
				}
			}
		]
	}
});
