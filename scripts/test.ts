import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { buildIsStale } from './start';

/**
 * `npm test`: lint (ESLint) and typecheck (tsc) first, as they are the cheapest to fail,
 * then unit and integration tests (vitest), then a production build if the sources
 * changed, then the browser tests (Playwright against `next start`). The integration
 * tests run twice: on local files, then over HTTP as against a libSQL server.
 */
const root = process.cwd();
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const started = Date.now();

const timings: string[] = [];

function run(label: string, args: string[]): void {
  console.log(`\n[test] ${label}`);
  const stepStarted = Date.now();
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', env });
  // Each step's time, so a slow suite shows where its minutes go.
  timings.push(`${label}: ${Math.round((Date.now() - stepStarted) / 1000)} s`);
  if (result.status !== 0) {
    console.error(`[test] ${label} failed`);
    process.exit(result.status ?? 1);
  }
}

rmSync(path.join(root, 'tests', '.tmp'), { recursive: true, force: true });
run('lint: eslint', [path.join(root, 'node_modules/eslint/bin/eslint.js'), '--max-warnings', '0', '--cache', '--cache-location', path.join(root, 'node_modules/.cache/eslint/'), '.']);
run('typecheck: tsc', [path.join(root, 'node_modules/typescript/bin/tsc'), '--noEmit']);
run('vitest: unit + integration', [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run']);
// The integration tests once more over the libSQL remote protocol (a Hrana-over-HTTP stand-in).
run('vitest: integration over HTTP (libSQL remote protocol)', [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'vitest.remote.config.ts']);
if (buildIsStale()) run('next build', [path.join(root, 'node_modules/next/dist/bin/next'), 'build']);
run('playwright: browser end-to-end', [path.join(root, 'node_modules/@playwright/test/cli.js'), 'test']);
console.log(`\n[test] all suites passed in ${Math.round((Date.now() - started) / 1000)} s (${timings.join('; ')})`);
