import { afterAll, beforeAll, expect, test } from 'vitest';
import { closeDb, type Database } from '@/lib/db/client';
import { listInbox } from '@/lib/cases/inbox';
import { cases } from '@/lib/db/schema';
import { inArray } from 'drizzle-orm';
import { freshDatabase } from '../support/db';
import { createCase, createOfficer } from '../support/factories';

/** The inbox pages through open cases most urgent first, each exactly once, ties by case id. */

let db: Database;

beforeAll(async () => {
  ({ db } = await freshDatabase());
});

afterAll(() => closeDb());

test('[INBOX] paging the open cases two at a time shows every case once, in due order, ties by id', async () => {
  const officer = await createOfficer(db);
  const created = [];
  for (let i = 0; i < 5; i++) created.push(await createCase(db));
  // Two share a due date (a tie the cursor must break by id); the others spread around it.
  const ids = created.map((c) => c.caseId);
  const dues = [3000, 1000, 2000, 2000, 500].map((d) => new Date(Date.UTC(2030, 0, 1) + d * 1000));
  for (const [i, id] of ids.entries()) {
    await db.update(cases).set({ dueAt: dues[i] }).where(inArray(cases.id, [id]));
  }

  const seen: number[] = [];
  let after: string | undefined;
  for (let page = 0; page < 5; page++) {
    const result = await listInbox(db, officer, { view: 'open', after, limit: 2 });
    seen.push(...result.rows.map((r) => r.id));
    if (!result.nextCursor) break;
    after = result.nextCursor;
  }
  const expected = ids
    .map((id, i) => ({ id, due: dues[i].getTime() }))
    .sort((a, b) => a.due - b.due || a.id - b.id)
    .map((r) => r.id);
  expect(seen).toEqual(expected);
});
