import { migrate } from 'drizzle-orm/libsql/migrator';
import { sql } from 'drizzle-orm';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Client } from '@libsql/client';
import type { Database } from './client';

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), 'drizzle');

/**
 * Applies committed drizzle-kit migrations. Several instances may start at once on one
 * database: drizzle's migrator reads which migrations are applied and then applies the
 * rest in a second step, so two of them would both apply the same migration (the second
 * fails on "table already exists", or worse repeats a data change). The "migrate" lock
 * below lets one instance migrate while the others wait, then find nothing left to do.
 */
export async function applyMigrations(db: Database, client: Client): Promise<void> {
  await enableWal(client);
  await withDatabaseLock(db, 'migrate', async () => {
    await client.execute('PRAGMA foreign_keys = ON');
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  });
}

/** WAL lets readers and one writer share a local file (a libSQL server manages its own). */
export async function enableWal(client: Client): Promise<void> {
  if (client.protocol === 'file') await client.execute('PRAGMA journal_mode = WAL');
}

/** Outside drizzle's schema: it must exist before the first migration runs. */
const LOCK_TABLE = '__wbs_locks';
/** A holder that stops renewing (crashed) loses the lock after this long. */
const LOCK_TTL_MS = 30_000;
const RENEW_EVERY_MS = 5_000;
const POLL_MS = 200;

export type LockOptions = {
  /** Give up waiting after this long (default 15 minutes: a first start may seal a large database). */
  maxWaitMs?: number;
  /** Called once when the lock is held by someone else, so a start can say why it waits. */
  onWait?: () => void;
};

/**
 * Runs `work` while holding a named lock row in the database, so it runs in one app
 * instance at a time across every process and machine sharing the database. The row
 * carries an expiry that the holder renews; a crashed holder's lock lapses after
 * LOCK_TTL_MS. The lock is taken with one upsert that only succeeds on a free or lapsed
 * row, which SQLite (and sqld) apply atomically.
 */
export async function withDatabaseLock<T>(db: Database, name: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  await db.run(sql.raw(`CREATE TABLE IF NOT EXISTS ${LOCK_TABLE} (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at INTEGER NOT NULL)`));
  const holder = `${hostname()}:${process.pid}:${randomBytes(6).toString('hex')}`;
  const deadline = Date.now() + (options.maxWaitMs ?? 15 * 60_000);
  let told = false;
  for (;;) {
    const now = Date.now();
    const taken = await db.all<{ holder: string }>(sql`
      INSERT INTO ${sql.identifier(LOCK_TABLE)} (name, holder, expires_at) VALUES (${name}, ${holder}, ${now + LOCK_TTL_MS})
      ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
      WHERE ${sql.identifier(LOCK_TABLE)}.expires_at <= ${now}
      RETURNING holder`);
    if (taken.length === 1 && taken[0].holder === holder) break;
    if (Date.now() > deadline) throw new Error(`Waited too long for the "${name}" lock held by another app instance (table ${LOCK_TABLE}).`);
    if (!told) {
      told = true;
      options.onWait?.();
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }

  const renew = setInterval(() => {
    db.run(sql`UPDATE ${sql.identifier(LOCK_TABLE)} SET expires_at = ${Date.now() + LOCK_TTL_MS} WHERE name = ${name} AND holder = ${holder}`).catch(
      // A missed renewal only shortens the lock; the next one may succeed.
      () => undefined,
    );
  }, RENEW_EVERY_MS);
  renew.unref();
  try {
    return await work();
  } finally {
    clearInterval(renew);
    await db.run(sql`DELETE FROM ${sql.identifier(LOCK_TABLE)} WHERE name = ${name} AND holder = ${holder}`);
  }
}
