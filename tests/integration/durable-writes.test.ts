import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { Client } from '@libsql/client';
import { closeDb, type Database } from '@/lib/db/client';
import { settings } from '@/lib/db/schema';
import { freshDatabase } from '../support/db';

/**
 * A local database file writes through one connection at synchronous = NORMAL and makes
 * each commit durable with a WAL sync off the event loop (lib/db/durability.ts); reads
 * use their own connections. Over the remote stand-in none of this applies.
 */

let db: Database;
let client: Client;
const remote = process.env.WBS_TEST_DATABASE === 'remote';

beforeAll(async () => {
  ({ db } = await freshDatabase());
  client = (globalThis as unknown as { __wbsDb: { client: Client } }).__wbsDb.client;
});

afterAll(() => closeDb());

describe.skipIf(remote)('writes to a local database file', () => {
  it('commit without an fsync inside the native call (synchronous = NORMAL on the write connection)', async () => {
    const result = await client.execute('PRAGMA synchronous');
    expect(Number(result.rows[0][0])).toBe(1);
  });

  it('leave reads answering while a write transaction is open, and land every concurrent write', async () => {
    let finish!: () => void;
    const held = new Promise<void>((resolve) => (finish = resolve));
    const writing = db.transaction(async (tx) => {
      await tx.insert(settings).values({ key: 'durable-test:held', value: '1' });
      await held;
    });
    // A read does not queue behind the open transaction.
    const [row] = await db.select({ n: count() }).from(settings);
    expect(row.n).toBeGreaterThan(0);
    finish();
    await writing;

    await Promise.all(Array.from({ length: 20 }, (_, i) => db.insert(settings).values({ key: `durable-test:${i}`, value: String(i) })));
    const [written] = await db.select({ n: count() }).from(settings).where(eq(settings.value, '7'));
    expect(written.n).toBe(1);
    const all = await db.select({ key: settings.key }).from(settings);
    expect(all.filter((s) => s.key.startsWith('durable-test:')).length).toBe(21);
  });
});
