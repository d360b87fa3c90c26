import { mkdtempSync, mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { closeDb, getDb, type Database } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/migrate';
import { ensureDefaults } from '@/lib/db/seed';
import { resetEnvCache } from '@/lib/env';
import { startHranaServer, type HranaServer } from './hrana-server';

/**
 * With WBS_TEST_DATABASE=remote (vitest.remote.config.ts, one run of `npm test`), each
 * test's database is reached over HTTP through tests/support/hrana-server.ts instead of
 * as a local file, so the integration tests also exercise the libSQL remote path.
 */
let standIn: HranaServer | undefined;

/** The stand-in serving the current test database, when the remote run is on. */
export function currentStandIn(): HranaServer | undefined {
  return standIn;
}

/**
 * A fresh libSQL file (and DATA_DIR) for one test file, migrations applied and
 * defaults seeded, with random secrets in the environment. The app's own getDb()
 * then points at it, so services and actions run unchanged.
 */
export async function freshDatabase(): Promise<{ db: Database; dataDir: string }> {
  const base = path.resolve('tests/.tmp');
  mkdirSync(base, { recursive: true });
  const dataDir = mkdtempSync(path.join(base, 'int-'));
  process.env.DATA_DIR = dataDir;
  process.env.DATABASE_URL = `file:${path.join(dataDir, 'wbs.db')}`;
  delete process.env.DATABASE_AUTH_TOKEN;
  await standIn?.close();
  standIn = undefined;
  if (process.env.WBS_TEST_DATABASE === 'remote') {
    // The remote path: the same file, served by the Hrana-over-HTTP stand-in for sqld.
    const authToken = randomBytes(16).toString('hex');
    standIn = await startHranaServer({ file: path.join(dataDir, 'wbs.db'), authToken });
    process.env.DATABASE_URL = standIn.url;
    process.env.DATABASE_AUTH_TOKEN = authToken;
  }
  process.env.AUTH_SECRET = randomBytes(32).toString('base64');
  process.env.DATA_ENCRYPTION_KEY = randomBytes(32).toString('base64');
  process.env.TICKET_HMAC_KEY = randomBytes(32).toString('base64');
  resetEnvCache();
  closeDb();
  const db = getDb();
  const { client } = (globalThis as unknown as { __wbsDb: { client: import('@libsql/client').Client } }).__wbsDb;
  await applyMigrations(db, client);
  await ensureDefaults(db);
  return { db, dataDir };
}
