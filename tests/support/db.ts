import { mkdtempSync, mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { closeDb, getDb, type Database } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/migrate';
import { ensureDefaults } from '@/lib/db/seed';
import { resetEnvCache } from '@/lib/env';

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
