import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '@/lib/settings/defaults';

/**
 * Several app instances starting at the same moment on one fresh database (as a
 * deployment that starts all its instances at once): every start succeeds, each
 * migration is applied once, one first admin and one set of default categories exist,
 * and every process ends up with the same generated secrets.
 */
const INSTANCES = 4;
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

type Outcome = { code: number | null; stdout: string; stderr: string };

function startPreparer(dataDir: string): { child: ChildProcess; ready: Promise<void>; done: Promise<Outcome> } {
  const environment: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, ADMIN_PASSWORD: 'admin-concurrent-start' };
  // No secrets in the environment: each process must find or create the same secrets file.
  for (const name of ['DATABASE_URL', 'AUTH_SECRET', 'DATA_ENCRYPTION_KEY', 'TICKET_HMAC_KEY', 'DATABASE_SYNC_URL']) delete environment[name];
  const child = spawn(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'tests/support/prepare-on-signal.ts'], {
    env: environment,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      if (stdout.includes('ready\n')) resolve();
    });
    child.once('exit', () => reject(new Error(`preparer exited before it was ready: ${stderr}`)));
  });
  const done = new Promise<Outcome>((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
  return { child, ready, done };
}

describe('several instances starting at once on one fresh database', () => {
  it('all start, and the database is prepared exactly once', { timeout: 120_000 }, async () => {
    const base = path.resolve('tests/.tmp');
    mkdirSync(base, { recursive: true });
    const dataDir = mkdtempSync(path.join(base, 'start-'));
    const preparers = Array.from({ length: INSTANCES }, () => startPreparer(dataDir));
    await Promise.all(preparers.map((p) => p.ready));
    // Released together, so they race for the migrations, the secrets file and the first admin.
    for (const { child } of preparers) child.stdin!.write('go\n');
    const outcomes = await Promise.all(preparers.map((p) => p.done));

    for (const outcome of outcomes) expect(outcome.code, outcome.stderr).toBe(0);
    const fingerprints = new Set(outcomes.map((o) => /^secrets (\w+)$/m.exec(o.stdout)?.[1]));
    expect(fingerprints.size, outcomes.map((o) => o.stdout).join("\n---\n")).toBe(1);
    expect([...fingerprints][0]).toBeTruthy();
    expect(outcomes.filter((o) => o.stdout.includes('Generated secrets')).length).toBe(1);
    expect(outcomes.filter((o) => o.stdout.includes('First admin account')).length).toBe(1);
    expect(existsSync(path.join(dataDir, 'secrets.json.lock'))).toBe(false);

    const client = createClient({ url: `file:${path.join(dataDir, 'wbs.db')}` });
    try {
      const journal = JSON.parse(readFileSync('drizzle/meta/_journal.json', 'utf8')) as { entries: { when: number }[] };
      const applied = await client.execute('SELECT created_at FROM __drizzle_migrations ORDER BY id');
      expect(applied.rows.map((row) => Number(row.created_at))).toEqual(journal.entries.map((entry) => entry.when));
      const officers = await client.execute('SELECT count(*) AS n FROM officers');
      expect(Number(officers.rows[0].n)).toBe(1);
      const categories = await client.execute('SELECT count(*) AS n FROM categories');
      expect(Number(categories.rows[0].n)).toBe(DEFAULT_CATEGORIES.length);
      // Every lock was released: a later start does not wait.
      const locks = await client.execute('SELECT count(*) AS n FROM __wbs_locks');
      expect(Number(locks.rows[0].n)).toBe(0);
    } finally {
      client.close();
    }
  });
});
