import { spawn, type ChildProcess } from 'node:child_process';
import { envSchema } from '../../lib/env';

/**
 * App servers a spec starts itself (`npm start`'s scripts/start.mjs on a port of its own),
 * beside the suite's server from playwright.config.ts.
 *
 * A worker runs several spec files one after another in one process, and some of them set
 * app keys in process.env to seal test data the way the app does (sign-in-attacks sets
 * DATA_ENCRYPTION_KEY). A server must never inherit those: with another data folder's key
 * it would fail to read its own. So the child's environment is the worker's minus every
 * variable lib/env.ts reads (and the families below, for names added later), plus exactly
 * what the spec passes.
 */

/** Every configuration variable the app reads, by name: never inherited. */
const APP_VARIABLES = new Set(Object.keys(envSchema.shape));
/** Families of app and provider settings, also never inherited. */
const APP_PREFIXES = ['DATABASE_', 'DATA_ENCRYPTION_', 'AUTH_', 'TICKET_', 'UPLOADTHING_', 'RESEND_', 'EMAIL_', 'OUTBOX_', 'ADMIN_', 'WBS_', 'TRUSTED_PROXY_'];

export function serverEnvironment(given: Record<string, string | undefined>, parent: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const inherited = Object.entries(parent).filter(([name]) => !APP_VARIABLES.has(name) && !APP_PREFIXES.some((prefix) => name.startsWith(prefix)));
  const chosen = Object.entries(given).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return Object.fromEntries([...inherited, ['NEXT_TELEMETRY_DISABLED', '1'], ['HOSTNAME', '127.0.0.1'], ...chosen]) as NodeJS.ProcessEnv;
}

export type AppServer = {
  port: number;
  origin: string;
  /** Resolves once GET / answers 200; rejects if the process exits first or time runs out. */
  answering(timeoutMs?: number): Promise<void>;
  /** Ends the server's whole process group and waits for it to be gone. */
  stop(): Promise<void>;
};

const running = new Set<ChildProcess>();
// A worker that ends without its afterAll (a crash, a timeout) still takes its servers with it.
process.once('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    // Negative pid: the whole group (detached made the child its leader), so nothing it
    // started, a build included, keeps the port or the database file.
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

/**
 * Starts scripts/start.mjs on 127.0.0.1:`port` with `env` (DATA_DIR and whatever else the
 * spec needs) and nothing of the app's configuration from this worker.
 */
export function spawnServer(port: number, env: Record<string, string | undefined>, options: { stdout?: 'ignore' | 'inherit' } = {}): AppServer {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: serverEnvironment({ ...env, PORT: String(port) }),
    stdio: ['ignore', options.stdout ?? 'ignore', 'inherit'],
    detached: true,
  });
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const origin = `http://127.0.0.1:${port}`;

  async function answering(timeoutMs = 150_000) {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server on ${origin} exited with ${child.exitCode ?? child.signalCode}`);
      try {
        if ((await fetch(`${origin}/`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`no answer from ${origin} within ${timeoutMs} ms`);
  }

  async function stop() {
    if (!running.has(child)) return;
    if (child.exitCode === null && child.signalCode === null) {
      killGroup(child, 'SIGTERM');
      // scripts/start.ts closes within 3 s of SIGTERM; after that, no more asking.
      const killed = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(killed);
    }
    running.delete(child);
  }

  return { port, origin, answering, stop };
}

/** spawnServer, then wait until it answers. */
export async function startServer(port: number, env: Record<string, string | undefined>, options: { stdout?: 'ignore' | 'inherit'; timeoutMs?: number } = {}): Promise<AppServer> {
  const server = spawnServer(port, env, options);
  await server.answering(options.timeoutMs);
  return server;
}
