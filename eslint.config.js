// `npm run lint` (and the `lint` step of `npm test`): keeps unused code, `any` and the
// mistakes the recommended sets know about out of src, server, tests and the config files.
// No rule needs type information, so it stays fast; svelte-check does the type checking.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const unusedVars = ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }];

export default ts.config(
	{
		// Generated or installed code, and the benchmark anchors (their own package, run against third-party servers).
		ignores: ['build/', '.svelte-kit/', 'src/lib/paraglide/', 'tests/bench/anchors/', 'node_modules/', 'tests/.tmp/', 'test-results/', 'playwright-report/', 'bench-results/', 'data/']
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		linterOptions: { reportUnusedDisableDirectives: 'error' },
		rules: {
			'no-unused-vars': 'off', // the TypeScript version below understands types and overloads
			'@typescript-eslint/no-unused-vars': unusedVars,
			'@typescript-eslint/no-explicit-any': 'error',
			// Wants every href and goto() wrapped in resolve() for a base path; Tafel is served
			// from the root (no kit.paths.base), so it would only add noise to every link.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: { parserOptions: { projectService: false, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
	}
);
