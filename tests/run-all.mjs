#!/usr/bin/env node
/**
 * `npm test`: type check, lint, unit, build, integration, end-to-end — in that order,
 * each runner's own summary printed, then one closing line with the totals.
 * Exits non-zero when any step fails.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const reports = path.join(root, 'tests/.tmp/reports');
fs.mkdirSync(reports, { recursive: true });

const tiers = [];
tiers.push(process.env.DATABASE_URL ? 'PostgreSQL tier: on (DATABASE_URL set)' : 'PostgreSQL tier: skipped (DATABASE_URL not set)');
tiers.push(process.env.REDIS_URL ? 'Redis tier: on (REDIS_URL set)' : 'Redis tier: skipped (REDIS_URL not set)');
console.log(tiers.join(' · '));

const steps = [
	{ name: 'type check', cmd: 'npm', args: ['run', 'check'] },
	{ name: 'lint', cmd: 'npm', args: ['run', 'lint'] },
	{ name: 'unit', cmd: 'npx', args: ['vitest', 'run', '--project', 'unit', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/unit.json`], report: 'vitest', file: 'unit.json' },
	{ name: 'build', cmd: 'npm', args: ['run', 'build'] },
	{ name: 'integration', cmd: 'npx', args: ['vitest', 'run', '--project', 'integration', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/integration.json`], report: 'vitest', file: 'integration.json' },
	{ name: 'end-to-end', cmd: 'npx', args: ['playwright', 'test'], env: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/e2e.json` }, report: 'playwright', file: 'e2e.json' }
];

function count(step) {
	if (!step.report) return null;
	const file = path.join(reports, step.file);
	if (!fs.existsSync(file)) return null;
	const data = JSON.parse(fs.readFileSync(file, 'utf8'));
	if (step.report === 'vitest') return { passed: data.numPassedTests, failed: data.numFailedTests, skipped: data.numPendingTests + data.numTodoTests };
	const s = data.stats ?? {};
	return { passed: s.expected ?? 0, failed: (s.unexpected ?? 0) + (s.flaky ?? 0), skipped: s.skipped ?? 0 };
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const results = [];
for (const step of steps) {
	if (step.file) fs.rmSync(path.join(reports, step.file), { force: true });
	console.log(`\n=== ${step.name} ===`);
	const started = Date.now();
	const run = spawnSync(step.cmd, step.args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...step.env } });
	const ok = run.status === 0;
	const counted = count(step);
	if (counted) for (const k of Object.keys(totals)) totals[k] += counted[k];
	// A step that fails without test results (type errors, build errors) counts as one failure.
	if (!ok && (!counted || counted.failed === 0)) totals.failed += 1;
	results.push(`${ok ? 'ok  ' : 'FAIL'} ${step.name} (${Math.round((Date.now() - started) / 1000)} s)${counted ? `: ${counted.passed} passed, ${counted.failed} failed` : ''}`);
	if (!ok && step.name === 'build') break;
}

console.log('\n=== summary ===');
for (const line of results) console.log(line);
console.log(tiers.join(' · '));
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || results.some((r) => r.startsWith('FAIL')) ? 1 : 0);
