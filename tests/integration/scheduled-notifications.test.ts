import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startVerification } from '@/lib/cases/service/decisions';
import { requestInformation } from '@/lib/cases/service/info-requests';
import type { Database } from '@/lib/db/client';
import { emailOutbox, infoRequests } from '@/lib/db/schema';
import { openDatabase } from '@/lib/db/client';
import { databaseUrl } from '@/lib/env';
import { runScheduledNotifications } from '@/lib/email/scheduled';
import { freshDatabase } from '../support/db';
import { createCase, createOfficer } from '../support/factories';

let db: Database;
const inDays = (n: number) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  db = (await freshDatabase()).db;
});

async function outboxKinds() {
  return (await db.select({ kind: emailOutbox.kind }).from(emailOutbox)).map((r) => r.kind);
}

describe('time-driven notifications', () => {
  it('an information request past its due date is reported once, even by two instances at once', async () => {
    const officer = await createOfficer(db);
    const { caseNumber, caseId } = await createCase(db);
    await startVerification(db, officer, { caseNumber });
    await requestInformation(db, officer, { caseNumber, questions: 'Mohon kirim bukti kuitansi.', dueDate: inDays(3) });
    await db.update(infoRequests).set({ dueAt: new Date(Date.now() - 60_000) }).where(eq(infoRequests.caseId, caseId));

    const other = openDatabase(databaseUrl());
    const [a, b] = await Promise.all([runScheduledNotifications(db), runScheduledNotifications(other.db)]);
    other.client.close();
    expect(a.expired + b.expired).toBe(1);
    expect((await runScheduledNotifications(db)).expired).toBe(0);
    expect((await outboxKinds()).filter((k) => k === 'info_request_expired')).toHaveLength(1);
  });

  it('the digest waits for 07:00 WITA and goes out once a day', async () => {
    // Days in 2020: the test above ran at the real time and claimed today's digest, so a
    // day the suite might really run on could not be asserted to go out.
    const early = new Date('2020-12-01T22:00:00Z'); // 06:00 WITA on 2 December
    expect((await runScheduledNotifications(db, early)).digest).toBe(false);
    const morning = new Date('2020-12-01T23:30:00Z'); // 07:30 WITA
    expect((await runScheduledNotifications(db, morning)).digest).toBe(true);
    const afternoon = new Date('2020-12-02T05:00:00Z'); // 13:00 WITA, the same day
    expect((await runScheduledNotifications(db, afternoon)).digest).toBe(false);
    const nextMorning = new Date('2020-12-02T23:30:00Z'); // 07:30 WITA on 3 December
    expect((await runScheduledNotifications(db, nextMorning)).digest).toBe(true);
  });
});
