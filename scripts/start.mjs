import { build, stop } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * `npm start`, with no TypeScript runtime in the serving process.
 *
 * Under tsx the server carried tsx's loader hooks, its esbuild service and the source it
 * transformed for its whole life, which measured about 115 MB of its resident memory
 * (README, Performance). So this plain module first compiles scripts/start.ts and
 * scripts/prepare.ts, with what they import from lib/, to two plain ES modules with
 * esbuild (a fraction of a second, so it is done on every start and never stale; esbuild's
 * service process is stopped before the server starts), then runs start's main(): prepare in a child
 * process, build when stale, serve. Packages stay external and resolve from node_modules
 * as they did under tsx.
 */
const root = process.cwd();
const outdir = path.join(root, 'node_modules', '.cache', 'wbs');

async function compile() {
  const { outputFiles } = await build({
    absWorkingDir: root,
    entryPoints: ['scripts/start.ts', 'scripts/prepare.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outdir,
    outExtension: { '.js': '.mjs' },
    write: false,
    logLevel: 'warning',
  });
  // Ends esbuild's service process (buildSync would leave it and a worker thread running).
  await stop();
  mkdirSync(outdir, { recursive: true });
  // Several instances may start at once from one checkout: each writes its own file and
  // renames it into place, so none ever imports a half-written one.
  for (const file of outputFiles) {
    const partial = `${file.path}.${process.pid}`;
    writeFileSync(partial, file.contents);
    renameSync(partial, file.path);
  }
}

try {
  await compile();
} catch (error) {
  console.error('[wbs] Could not compile scripts/start.ts:', error instanceof Error ? error.message : error);
  process.exit(1);
}
const { main, exitOnStartError } = await import(pathToFileURL(path.join(outdir, 'start.mjs')).href);
main().catch(exitOnStartError);
