import { beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { attemptStatusLookup } from '@/lib/cases/status-lookup';
import { caseIdForStatusSession, closeStatusSession, openStatusSession, STATUS_SESSION_SECONDS } from '@/lib/cases/status-session';
import type { Database } from '@/lib/db/client';
import { statusSessions } from '@/lib/db/schema';
import { freshDatabase } from '../support/db';
import { createCase } from '../support/factories';

let db: Database;

beforeAll(async () => {
  ({ db } = await freshDatabase());
});

async function rows() {
  const [{ n }] = await db.select({ n: count() }).from(statusSessions);
  return n;
}

describe('reporter status sessions kept on the server', () => {
  it('a copied token opens the case until "Keluar", and never after', async () => {
    const { ticket, caseId } = await createCase(db);
    const lookup = await attemptStatusLookup(db, ticket, 'test-client');
    expect(lookup).toMatchObject({ ok: true, caseId });
    const token = await openStatusSession(db, caseId);
    const copied = `${token}`; // what an attacker lifted from the browser

    expect(await caseIdForStatusSession(db, token)).toBe(caseId);
    expect(await caseIdForStatusSession(db, copied)).toBe(caseId);

    await closeStatusSession(db, token);
    expect(await caseIdForStatusSession(db, token)).toBeNull();
    expect(await caseIdForStatusSession(db, copied)).toBeNull();
  });

  it('stores only a keyed hash of the token, and ends the session at its expiry', async () => {
    const { caseId } = await createCase(db);
    const start = new Date('2026-05-04T01:00:00Z');
    const token = await openStatusSession(db, caseId, start);
    const stored = await db.select().from(statusSessions);
    expect(JSON.stringify(stored)).not.toContain(token);

    const justBefore = new Date(start.getTime() + STATUS_SESSION_SECONDS * 1000 - 1000);
    const after = new Date(start.getTime() + STATUS_SESSION_SECONDS * 1000);
    expect(await caseIdForStatusSession(db, token, justBefore)).toBe(caseId);
    expect(await caseIdForStatusSession(db, token, after)).toBeNull();
  });

  it('one browser ending its session leaves another browser of the same case signed in; expired rows are cleared', async () => {
    const { caseId } = await createCase(db);
    const phone = await openStatusSession(db, caseId);
    const laptop = await openStatusSession(db, caseId);
    await closeStatusSession(db, phone);
    expect(await caseIdForStatusSession(db, phone)).toBeNull();
    expect(await caseIdForStatusSession(db, laptop)).toBe(caseId);

    await openStatusSession(db, caseId, new Date(Date.now() - 2 * STATUS_SESSION_SECONDS * 1000)); // already expired
    const before = await rows();
    // A session opened far in the future clears every row that has expired by then.
    await openStatusSession(db, caseId, new Date(Date.now() + 2 * STATUS_SESSION_SECONDS * 1000));
    expect(await rows()).toBe(1);
    expect(before).toBe(2);
    expect(await db.select().from(statusSessions).where(eq(statusSessions.caseId, caseId))).toHaveLength(1);
  });

  it('refuses empty, absurd and unknown tokens without an error', async () => {
    for (const token of [null, undefined, '', 'x'.repeat(500), 'unknown-token']) {
      expect(await caseIdForStatusSession(db, token)).toBeNull();
      await closeStatusSession(db, token);
    }
  });
});
