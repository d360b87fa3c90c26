import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { authorizeOfficer, type AuthorizedOfficer } from '@/lib/auth/guard';
import type { CaseState, RejectionReason } from '@/lib/cases/workflow';
import type { Database } from '@/lib/db/client';
import { caseEvents, cases, categories, infoRequests, summons } from '@/lib/db/schema';
import { officeInstant } from '@/lib/office-time';
import { loadStatistics } from '@/lib/stats/officer-stats';
import { monthPeriod, yearPeriod } from '@/lib/stats/period';
import { freshDatabase } from '../support/db';
import { createCase, createOfficer } from '../support/factories';

/*
 * A February 2026 whose every figure was worked out by hand on a calendar: weekends, and
 * Tuesday 17 February (Tahun Baru Imlek, a national holiday) which the working-day
 * durations must skip. Dates are WITA. Deadlines are the defaults: verification started
 * within 3 working days, first answer within 14 calendar days, conclusion within 60
 * calendar days of the report being complete.
 *
 *  case  submitted     category   milestones (working days from submission)
 *  A     Fri 6 Feb     korupsi    verif Tue 10 Feb (2, met) · accepted Mon 16 Feb (6, met)
 *                                 · concluded terbukti disiplin Thu 26 Feb (13, met)
 *  B     Fri 13 Feb    pungli     verif Wed 18 Feb (2 — Imlek skipped, met)
 *                                 · info request Thu 19 Feb (3, met), answered
 *  C     Mon 2 Feb     korupsi    verif Fri 6 Feb (4, missed) · rejected bukan wewenang
 *                                 Fri 27 Feb (18, first answer missed; no conclusion clock)
 *  D     Tue 20 Jan    korupsi    (submitted before the period) · referred Tue 10 Feb (15, met)
 *  E     Tue 10 Feb    —          quarantined spam
 *  F     Wed 11 Feb    —          rejected as spam on 12 Feb
 *  G     Mon 2 Mar     korupsi    outside the period
 *  H     Fri 20 Feb    korupsi    still received
 */

let db: Database;
let officer: AuthorizedOfficer;
const at = (day: string, time = '10:00') => officeInstant(day, time);

async function seedCase(
  submitted: Date,
  category: string,
  state: CaseState,
  extra: Partial<{ outcome: 'terbukti_disiplin'; rejectionReason: RejectionReason; completedAt: Date; quarantined: boolean }> = {},
) {
  const created = await createCase(db, { category });
  const [cat] = await db.select({ id: categories.id }).from(categories).where(eq(categories.slug, category));
  await db.update(cases).set({ createdAt: submitted, state, categoryId: cat.id, quarantined: false, ...extra }).where(eq(cases.id, created.caseId));
  await db.update(caseEvents).set({ createdAt: submitted }).where(eq(caseEvents.caseId, created.caseId));
  return created.caseId;
}

async function event(caseId: number, kind: string, when: Date, fromState: CaseState | null, toState: CaseState | null) {
  await db.insert(caseEvents).values({ caseId, kind, fromState, toState, createdAt: when, officerId: Number(officer.id) });
}

beforeAll(async () => {
  db = (await freshDatabase()).db;
  officer = await authorizeOfficer(db, await createOfficer(db));

  const a = await seedCase(at('2026-02-06'), 'korupsi', 'concluded', { outcome: 'terbukti_disiplin', completedAt: at('2026-02-16') });
  await event(a, 'verification_started', at('2026-02-10', '09:00'), 'received', 'verifying');
  await event(a, 'accepted_complete', at('2026-02-16'), 'verifying', 'investigating');
  await event(a, 'concluded', at('2026-02-26'), 'investigating', 'concluded');
  const summonsBase = { caseId: a, role: 'saksi' as const, personName: 'Saksi', place: 'Ruang rapat', agenda: 'Klarifikasi' };
  await db.insert(summons).values([
    { ...summonsBase, scheduledAt: at('2026-02-20'), status: 'attended' },
    { ...summonsBase, scheduledAt: at('2026-02-23'), status: 'cancelled' },
    { ...summonsBase, scheduledAt: at('2026-03-03'), status: 'attended' },
  ]);

  const b = await seedCase(at('2026-02-13', '16:00'), 'pungutan-liar', 'verifying');
  await event(b, 'verification_started', at('2026-02-18'), 'received', 'verifying');
  await event(b, 'information_requested', at('2026-02-19'), 'verifying', 'awaiting_info');
  await event(b, 'information_answered', at('2026-02-23'), 'awaiting_info', 'verifying');
  await db.insert(infoRequests).values({ caseId: b, questions: 'Kapan?', dueAt: at('2026-03-05'), status: 'answered', answeredAt: at('2026-02-23'), createdAt: at('2026-02-19') });

  const c = await seedCase(at('2026-02-02'), 'korupsi', 'rejected', { rejectionReason: 'bukan_wewenang' });
  await event(c, 'verification_started', at('2026-02-06'), 'received', 'verifying');
  await event(c, 'rejected', at('2026-02-27'), 'verifying', 'rejected');

  const d = await seedCase(at('2026-01-20'), 'korupsi', 'referred', { completedAt: at('2026-01-22') });
  await event(d, 'verification_started', at('2026-01-21'), 'received', 'verifying');
  await event(d, 'accepted_complete', at('2026-01-22'), 'verifying', 'investigating');
  await event(d, 'referred', at('2026-02-10'), 'investigating', 'referred');

  await seedCase(at('2026-02-10'), 'lainnya', 'received', { quarantined: true });
  const f = await seedCase(at('2026-02-11'), 'lainnya', 'rejected', { rejectionReason: 'spam' });
  await event(f, 'verification_started', at('2026-02-12', '08:00'), 'received', 'verifying');
  await event(f, 'rejected', at('2026-02-12'), 'verifying', 'rejected');
  await seedCase(at('2026-03-02'), 'korupsi', 'received');
  await seedCase(at('2026-02-20'), 'korupsi', 'received');
});

describe('statistics for February 2026 over seeded cases with known figures', () => {
  it('counts the reports received by category and by current state, spam apart', async () => {
    const stats = await loadStatistics(db, officer, monthPeriod(2026, 2));
    expect(stats.received).toBe(4);
    const byCategory = Object.fromEntries(stats.byCategory.filter((c) => c.count > 0).map((c) => [c.key, c.count]));
    expect(byCategory).toEqual({ korupsi: 3, 'pungutan-liar': 1 });
    const byState = Object.fromEntries(stats.byState.filter((s) => s.count > 0).map((s) => [s.key, s.count]));
    expect(byState).toEqual({ concluded: 1, verifying: 1, rejected: 1, received: 1 });
    expect(stats.spam).toEqual({ quarantined: 1, rejectedAsSpam: 1 });
    expect(stats.perMonth).toEqual([{ key: '2026-02', label: 'Februari 2026', counts: { korupsi: 3, 'pungutan-liar': 1 }, total: 4 }]);
  });

  it('counts the cases closed in the period by outcome, with the rejection reasons', async () => {
    const stats = await loadStatistics(db, officer, monthPeriod(2026, 2));
    expect(stats.closedTotal).toBe(3);
    const byOutcome = Object.fromEntries(stats.byOutcome.map((o) => [o.key, o.count]));
    expect(byOutcome).toEqual({ terbukti_etik: 0, terbukti_disiplin: 1, tidak_terbukti: 0, dilimpahkan: 1, ditolak: 1 });
    expect(stats.rejectionReasons.find((r) => r.key === 'bukan_wewenang')?.count).toBe(1);
    expect(stats.rejectionReasons.some((r) => r.key === 'spam')).toBe(false);
    expect(stats.closedCases.map((c) => [c.category, c.resultKey, c.workingDays])).toEqual([
      ['Korupsi', 'dilimpahkan', 15],
      ['Korupsi', 'terbukti_disiplin', 13],
      ['Korupsi', 'ditolak', 18],
    ]);
  });

  it('gives information requests sent and answered, and summons held', async () => {
    const stats = await loadStatistics(db, officer, monthPeriod(2026, 2));
    expect([stats.infoRequestsSent, stats.infoRequestsAnswered, stats.summonsHeld]).toEqual([1, 1, 1]);
  });

  it('measures working-day durations (weekends and Imlek skipped) with median, p90 and the share within each deadline', async () => {
    const { durations } = await loadStatistics(db, officer, monthPeriod(2026, 2));
    expect(durations.verification).toEqual({ count: 3, medianDays: 2, p90Days: 4, withinDeadline: 2, deadlineApplies: 3, shareWithin: 2 / 3 });
    expect(durations.firstAnswer).toEqual({ count: 3, medianDays: 6, p90Days: 18, withinDeadline: 2, deadlineApplies: 3, shareWithin: 2 / 3 });
    expect(durations.closing).toEqual({ count: 3, medianDays: 15, p90Days: 18, withinDeadline: 2, deadlineApplies: 2, shareWithin: 1 });
  });

  it('gives an empty, well-formed result for a period without cases', async () => {
    const stats = await loadStatistics(db, officer, monthPeriod(2025, 6));
    expect(stats.received).toBe(0);
    expect(stats.closedCases).toEqual([]);
    expect(stats.durations.closing).toEqual({ count: 0, medianDays: null, p90Days: null, withinDeadline: 0, deadlineApplies: 0, shareWithin: null });
    expect(stats.byState.every((s) => s.count === 0)).toBe(true);
  });

  it('spreads a year over its twelve months', async () => {
    const stats = await loadStatistics(db, officer, yearPeriod(2026));
    expect(stats.perMonth).toHaveLength(12);
    expect(stats.perMonth.map((m) => m.total)).toEqual([1, 4, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(stats.received).toBe(6);
  });
});

describe('the public snapshot', () => {
  it('publishes only protected figures: a rare category reads "< 3" and the snapshot row holds no exact small count', async () => {
    const { computePublicStatistics } = await import('@/lib/stats/public-stats');
    const { formatPublicCount } = await import('@/lib/stats/disclosure');
    const stats = await computePublicStatistics(db, 2026, at('2026-03-10'));
    const shown = Object.fromEntries(stats.byCategory.map((c) => [c.label, formatPublicCount(c.count)]));
    // 2026 so far: korupsi 5 (A, C, D, G, H), pungutan liar 1 (B); the two spam reports are not counted.
    expect(shown['Korupsi']).toBe('± 5');
    expect(shown['Pungutan liar']).toBe('< 3');
    expect(shown['Lainnya']).toBe('0');
    expect(JSON.stringify(stats)).not.toMatch(/"count":\s*1\b/);
  });

  it('is computed once on a new install, then served until stale and refreshed by exactly one caller', async () => {
    const { readPublicStatistics, refreshPublicStatistics, PUBLIC_REFRESH_MS } = await import('@/lib/stats/public-stats');
    const t0 = at('2026-03-10');
    const first = await readPublicStatistics(db, t0);
    expect(first.stale).toBe(false);
    const again = await readPublicStatistics(db, new Date(t0.getTime() + 1000));
    expect(again.stats.computedAt).toBe(first.stats.computedAt);
    const later = new Date(t0.getTime() + PUBLIC_REFRESH_MS + 1000);
    expect((await readPublicStatistics(db, later)).stale).toBe(true);
    const results = await Promise.all([refreshPublicStatistics(db, later), refreshPublicStatistics(db, later), refreshPublicStatistics(db, later)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await readPublicStatistics(db, later)).stale).toBe(false);
  });
});

describe('evaluations and permissions', () => {
  it('an admin writes "Hasil evaluasi" for a period; it is kept with its author and the save is audited without the text', async () => {
    const { saveEvaluation, loadEvaluations } = await import('@/lib/stats/evaluations');
    const { auditLog } = await import('@/lib/db/schema');
    const admin = await authorizeOfficer(db, await createOfficer(db, 'admin'));
    await saveEvaluation(db, admin, { periodKey: '2026-02', section: 'hasil_evaluasi', body: 'Verifikasi tiga kasus terlambat karena petugas cuti.' });
    const saved = await loadEvaluations(db, officer, '2026-02');
    expect(saved.hasil_evaluasi?.body).toBe('Verifikasi tiga kasus terlambat karena petugas cuti.');
    expect(saved.hasil_evaluasi?.authorName).toBe(admin.name);
    expect(saved.tindak_lanjut).toBeUndefined();
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'evaluation.save'));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0].detail)).not.toContain('cuti');
  });

  it('refuses an officer who is not an admin, and stores nothing', async () => {
    const { saveEvaluation, loadEvaluations } = await import('@/lib/stats/evaluations');
    await expect(saveEvaluation(db, officer, { periodKey: '2026-01', section: 'tindak_lanjut', body: 'Menambah satu petugas verifikasi.' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await loadEvaluations(db, officer, '2026-01')).toEqual({});
  });

  it('refuses a deactivated officer at the guard before any figure is read', async () => {
    const { officers } = await import('@/lib/db/schema');
    const user = await createOfficer(db);
    await db.update(officers).set({ active: false }).where(eq(officers.id, Number(user.id)));
    await expect(authorizeOfficer(db, user)).rejects.toMatchObject({ code: 'unauthorized' });
  });
});
