import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { env } from '@/lib/env';
import { exitOnStartError, prepare } from './prepare';
import { serveNext } from './serve';

/**
 * `npm start`: prepare data (secrets, migrations, first admin), build when there is
 * no build or the sources are newer than it, then serve with `next start`.
 */
const root = process.cwd();
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const SOURCES = ['app', 'components', 'lib', 'public', 'next.config.ts', 'proxy.ts', 'auth.ts', 'instrumentation.ts', 'package-lock.json', 'postcss.config.mjs'];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

export function buildIsStale(): boolean {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  return SOURCES.some((entry) => newestMtime(path.join(root, entry)) > builtAt);
}

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  await prepare();
  if (buildIsStale()) {
    console.log('[wbs] Building the app (first start or changed sources)…');
    const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: process.env });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const { PORT, HOSTNAME } = env();
  // A shell may export HOSTNAME as the machine's name; only an explicit address counts.
  const host = HOSTNAME && HOSTNAME !== os.hostname() ? HOSTNAME : '0.0.0.0';
  // In this process, behind the peer-address wrapper (scripts/serve.ts), not a child `next start`.
  const served = await serveNext({ dir: root, port: PORT, hostname: host });
  const stop = () => {
    setTimeout(() => process.exit(0), 3000).unref();
    void served.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch(exitOnStartError);
}
