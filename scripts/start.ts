import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { env, loadOrCreateSecretsFile, secretsFileNeeded } from '@/lib/env';
import { exitOnStartError } from './start-error';
import { serveNext } from './serve';

/**
 * `npm start` (through scripts/start.mjs, which compiles this file to plain JavaScript):
 * prepare data (secrets, migrations, first admin) in a short-lived child process, build
 * when there is no build or the sources are newer than it, then serve Next.js's request
 * handler in this process behind scripts/serve.ts.
 */
const root = process.cwd();
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const SOURCES = ['app', 'components', 'lib', 'public', 'next.config.ts', 'scripts/css-text-loader.cjs', 'proxy.ts', 'auth.ts', 'instrumentation.ts', 'package-lock.json', 'postcss.config.mjs'];

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

/**
 * Runs scripts/prepare.ts in a child process that ends before the server starts. In this
 * process its modules (drizzle's migrator, the sealing code, the uploadthing SDK, argon2,
 * the QR code and TOTP libraries), its database connection and the heap they grew would
 * stay resident for the server's whole life, next to the copies Next's server bundles load.
 * The sibling of this file: prepare.mjs next to the compiled start.mjs, prepare.ts
 * under tsx (whose loader the child inherits through execArgv).
 */
function prepareInChild(): void {
  const self = fileURLToPath(import.meta.url);
  const entry = path.join(path.dirname(self), `prepare${path.extname(self)}`);
  const child = spawnSync(process.execPath, [...process.execArgv, entry], { stdio: 'inherit', env: process.env });
  if (child.status !== 0) process.exit(child.status ?? 1);
  // The keys the child found or generated, in this process's environment as before (the build inherits them).
  if (secretsFileNeeded()) {
    for (const [name, value] of Object.entries(loadOrCreateSecretsFile().secrets)) process.env[name] ||= value;
  }
}

export async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  prepareInChild();
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

export { exitOnStartError };

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch(exitOnStartError);
}
