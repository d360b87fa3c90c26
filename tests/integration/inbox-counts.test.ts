import { beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { AuthorizedAdmin } from '@/lib/auth/guard';
import { assignOfficer, declareRecusal, setCaseRestriction, takeCase } from '@/lib/cases/assignment';
import { countByState, countMineAndUnread } from '@/lib/cases/inbox';
import { handleReporterMessage } from '@/lib/cases/reporter-replies';
import { rejectCase, startVerification } from '@/lib/cases/service/decisions';
import { rejectAsSpam, releaseFromQuarantine } from '@/lib/cases/service/quarantine';
import { CASE_STATES } from '@/lib/cases/workflow';
import type { Database } from '@/lib/db/client';
import { cases } from '@/lib/db/schema';
import { freshDatabase } from '../support/db';
import { createCase, createOfficer } from '../support/factories';

/**
 * The inbox tabs read their totals from case_state_counts, which database triggers keep
 * (drizzle/0016), and subtract the cases an officer may not open. After every kind of
 * move the tabs must equal a plain count of the cases table.
 */

let db: Database;
let ani: Awaited<ReturnType<typeof createOfficer>>;
let budi: Awaited<ReturnType<typeof createOfficer>>;
let admin: Awaited<ReturnType<typeof createOfficer>> & AuthorizedAdmin;

const SPAM_WHAT = 'ѕlot dana ѕl\u200b0t-777 gacor maxwin, daftar sekarang bonus new member';

beforeAll(async () => {
  db = (await freshDatabase()).db;
  ani = await createOfficer(db);
  budi = await createOfficer(db);
  admin = (await createOfficer(db, 'admin')) as typeof admin;
});

/** The tabs as a plain GROUP BY over every case would give them. */
async function groundTruth() {
  const truth = Object.fromEntries([...CASE_STATES, 'quarantine'].map((s) => [s, 0])) as Record<string, number>;
  const rows = await db.select({ state: cases.state, quarantined: cases.quarantined, n: count() }).from(cases).groupBy(cases.state, cases.quarantined);
  for (const row of rows) truth[row.quarantined ? 'quarantine' : row.state] += row.n;
  return truth;
}

describe('inbox counts kept by the database', () => {
  it('follow submissions, quarantine, release, rejection and every state move', async () => {
    const a = await createCase(db);
    const b = await createCase(db);
    const spam = await createCase(db, { what: SPAM_WHAT });
    const spam2 = await createCase(db, { what: SPAM_WHAT });
    expect(spam.quarantined).toBe(true);
    expect(await countByState(db, admin)).toEqual(await groundTruth());

    await startVerification(db, ani, { caseNumber: a.caseNumber });
    await releaseFromQuarantine(db, ani, { caseNumber: spam.caseNumber });
    await rejectAsSpam(db, ani, { caseNumber: spam2.caseNumber });
    await startVerification(db, ani, { caseNumber: b.caseNumber });
    await rejectCase(db, ani, { caseNumber: b.caseNumber, reason: 'bukan_wewenang', publicNote: 'Laporan ini bukan kewenangan Biro Umum.' });

    const truth = await groundTruth();
    expect(truth.verifying).toBeGreaterThanOrEqual(1);
    expect(truth.rejected).toBeGreaterThanOrEqual(2);
    expect(await countByState(db, admin)).toEqual(truth);
    expect(await countByState(db, ani)).toEqual(truth);
  });

  it('leave out, for one officer only, the cases they recused from and restricted cases they do not handle', async () => {
    const recused = await createCase(db);
    const restricted = await createCase(db);
    const handled = await createCase(db);
    await declareRecusal(db, ani, { caseNumber: recused.caseNumber, reason: 'Terlapor adalah kerabat dekat saya sendiri.' });
    await setCaseRestriction(db, admin, { caseNumber: restricted.caseNumber, restricted: true });
    await assignOfficer(db, admin, { caseNumber: handled.caseNumber, officerId: budi.id });
    await setCaseRestriction(db, admin, { caseNumber: handled.caseNumber, restricted: true });

    const truth = await groundTruth();
    expect(await countByState(db, admin)).toEqual({ ...truth });
    // Ani: recused from one, and two restricted cases she does not handle.
    expect((await countByState(db, ani)).received).toBe(truth.received - 3);
    // Budi handles one of the restricted cases, so only the other is left out.
    expect((await countByState(db, budi)).received).toBe(truth.received - 1);
  });

  it('count "Kasus saya" from the assignments and "Balasan baru" from cases the reporter wrote in', async () => {
    const mineBefore = await countMineAndUnread(db, budi);
    const taken = await createCase(db);
    await takeCase(db, budi, { caseNumber: taken.caseNumber });
    const form = new FormData();
    form.set('body', 'Saya ingin menambahkan bahwa kejadian terulang minggu lalu.');
    await handleReporterMessage(db, taken.caseId, form);
    const after = await countMineAndUnread(db, budi);
    expect(after.mine).toBe(mineBefore.mine + 1);
    expect(after.unread).toBe(mineBefore.unread + 1);
    // The trigger kept the newest reporter message on the case row.
    const [row] = await db.select({ last: cases.lastReporterMessageId }).from(cases).where(eq(cases.id, taken.caseId));
    expect(row.last).toBeGreaterThan(0);
  });
});
