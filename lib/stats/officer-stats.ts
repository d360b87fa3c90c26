import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { forbidden, type AuthorizedOfficer } from '@/lib/auth/guard';
import { loadHolidaySet } from '@/lib/cases/holidays';
import { OUTCOME_LABELS } from '@/lib/cases/officer-schemas';
import { CASE_STATES, officerLabel, OUTCOMES, REJECTION_REASON_LABELS, REJECTION_REASONS, type CaseState, type RejectionReason } from '@/lib/cases/workflow';
import type { Database } from '@/lib/db/client';
import { caseEvents, cases, categories, infoRequests, summons } from '@/lib/db/schema';
import { officeYear } from '@/lib/office-time';
import { getSettings, type OfficeSettings } from '@/lib/settings';
import { OfficeDayMath } from './day-math';
import { durationFigure, type DurationFigure, type Milestone } from './figures';
import { monthsOf, type Period } from './period';

/**
 * The statistics read model behind /petugas/statistik and the Zona Integritas report.
 * Officers and admins only: it takes the AuthorizedOfficer the guard produced.
 *
 * What each figure counts (the pages say the same in words):
 * - received, by category, by current state: reports SUBMITTED in the period;
 * - outcomes: cases CLOSED in the period (concluded, referred, rejected with its reason);
 * - information requests: those SENT in the period, and how many of them were answered;
 * - summons held: summons scheduled in the period and recorded as attended;
 * - durations, in working days from submission (lib/cases/deadlines.ts, the inbox's rules):
 *   to verification started, to the first answer to the reporter (the first move out of
 *   Verifikasi or the first message to the reporter), to closing — for cases that reached
 *   that milestone in the period — and the share that did so within its deadline.
 * Spam (quarantined, or rejected with the reason "spam") is counted apart and never mixed
 * into the other figures.
 */

export type Count = { key: string; label: string; count: number };

export type ClosedCase = {
  caseNumber: string;
  category: string;
  /** outcome label, "Dilimpahkan", or "Tidak Dapat Ditindaklanjuti — <reason>". */
  result: string;
  resultKey: string;
  submittedAt: Date;
  closedAt: Date;
  workingDays: number;
};

export type Statistics = {
  period: Period;
  received: number;
  byCategory: Count[];
  byState: Count[];
  closedTotal: number;
  byOutcome: Count[];
  rejectionReasons: Count[];
  infoRequestsSent: number;
  infoRequestsAnswered: number;
  summonsHeld: number;
  durations: { verification: DurationFigure; firstAnswer: DurationFigure; closing: DurationFigure };
  deadlines: Pick<OfficeSettings, 'verificationStartDays' | 'firstAnswerDays' | 'conclusionDays'>;
  spam: { quarantined: number; rejectedAsSpam: number };
  /** Reports received per month of the period, by category (the chart and its table). */
  perMonth: { key: string; label: string; counts: Record<string, number>; total: number }[];
  closedCases: ClosedCase[];
};

/** SQL: the case is not spam (not in quarantine, not rejected as spam). */
const notSpam = sql`(${cases.quarantined} = 0 AND (${cases.rejectionReason} IS NULL OR ${cases.rejectionReason} <> 'spam'))`;

const FIRST_ANSWER_KINDS = ['information_requested', 'accepted_complete', 'rejected', 'referred', 'message_to_reporter'];
const CLOSING_KINDS = ['concluded', 'referred', 'rejected'];

function resultOf(state: CaseState, outcome: string | null, reason: RejectionReason | null): { key: string; label: string } {
  if (state === 'referred') return { key: 'dilimpahkan', label: 'Dilimpahkan' };
  if (state === 'rejected') {
    return { key: `ditolak`, label: `Tidak Dapat Ditindaklanjuti${reason ? ` — ${REJECTION_REASON_LABELS[reason]}` : ''}` };
  }
  if (outcome && outcome in OUTCOME_LABELS) return { key: outcome, label: OUTCOME_LABELS[outcome as keyof typeof OUTCOME_LABELS] };
  return { key: 'selesai', label: 'Selesai' };
}

function milestone(createdAt: Date, at: Date, due: Date | null, days: OfficeDayMath): Milestone {
  return {
    workingDays: Math.max(0, days.workingDaysBetween(createdAt, at)),
    deadline: due === null ? 'not_applicable' : at.getTime() <= due.getTime() ? 'met' : 'missed',
  };
}

/** Officers and admins may read statistics; the guard already refused everyone else. */
function assertCanRead(officer: AuthorizedOfficer): void {
  if (officer.role !== 'officer' && officer.role !== 'admin') throw forbidden();
}

export async function loadStatistics(db: Database, officer: AuthorizedOfficer, period: Period): Promise<Statistics> {
  assertCanRead(officer);
  return computeStatistics(db, period);
}

/** The figures without the caller check: for the read models above and the public snapshot. */
export async function computeStatistics(db: Database, period: Period): Promise<Statistics> {
  const settings = await getSettings(db);
  const inPeriod = (column: typeof cases.createdAt) => and(gte(column, period.start), lt(column, period.end));

  const categoryRows = await db
    .select({ id: categories.id, slug: categories.slug, label: categories.label })
    .from(categories)
    .orderBy(asc(categories.sortOrder), asc(categories.id));
  const categoryLabel = new Map(categoryRows.map((c) => [c.id, c.label]));
  const categorySlug = new Map(categoryRows.map((c) => [c.id, c.slug]));

  // Reports received: one grouped scan of the period's range of cases_created_idx.
  const monthExpr = sql<string>`strftime('%Y-%m', ${cases.createdAt} + 28800, 'unixepoch')`;
  const cohort = await db
    .select({ categoryId: cases.categoryId, state: cases.state, month: monthExpr, n: sql<number>`count(*)` })
    .from(cases)
    .where(and(inPeriod(cases.createdAt), notSpam))
    .groupBy(cases.categoryId, cases.state, monthExpr);

  const spamRows = await db
    .select({ quarantined: cases.quarantined, n: sql<number>`count(*)` })
    .from(cases)
    .where(and(inPeriod(cases.createdAt), sql`NOT ${notSpam}`))
    .groupBy(cases.quarantined);

  let received = 0;
  const byCategoryMap = new Map<string, number>();
  const byStateMap = new Map<CaseState, number>();
  const months = monthsOf(period);
  const perMonth = months.map((m) => ({ key: m.key, label: m.label, counts: {} as Record<string, number>, total: 0 }));
  const monthIndex = new Map(months.map((m, i) => [m.key, i]));
  for (const row of cohort) {
    const n = Number(row.n);
    received += n;
    const slug = row.categoryId === null ? 'tanpa_kategori' : (categorySlug.get(row.categoryId) ?? 'tanpa_kategori');
    byCategoryMap.set(slug, (byCategoryMap.get(slug) ?? 0) + n);
    byStateMap.set(row.state, (byStateMap.get(row.state) ?? 0) + n);
    const bucket = perMonth[monthIndex.get(row.month) ?? -1];
    if (bucket) {
      bucket.counts[slug] = (bucket.counts[slug] ?? 0) + n;
      bucket.total += n;
    }
  }
  const labelOfSlug = new Map(categoryRows.map((c) => [c.slug, c.label]));
  labelOfSlug.set('tanpa_kategori', 'Tanpa kategori');
  const byCategory: Count[] = [...categoryRows.map((c) => c.slug), 'tanpa_kategori']
    .filter((slug) => byCategoryMap.has(slug) || labelOfSlug.has(slug))
    .filter((slug) => slug !== 'tanpa_kategori' || byCategoryMap.has(slug))
    .map((slug) => ({ key: slug, label: labelOfSlug.get(slug) ?? slug, count: byCategoryMap.get(slug) ?? 0 }));
  const byState: Count[] = CASE_STATES.map((state) => ({ key: state, label: officerLabel(state), count: byStateMap.get(state) ?? 0 }));

  // Milestones reached in the period, each an indexed range of case_events_kind_created_idx.
  const eventRange = and(gte(caseEvents.createdAt, period.start), lt(caseEvents.createdAt, period.end));
  const verificationRows = await db
    .select({ at: caseEvents.createdAt, createdAt: cases.createdAt })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(and(eq(caseEvents.kind, 'verification_started'), eventRange, notSpam));

  const firstAnswerRows = await db
    .select({ at: caseEvents.createdAt, createdAt: cases.createdAt })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(
      and(
        inArray(caseEvents.kind, FIRST_ANSWER_KINDS),
        eventRange,
        notSpam,
        sql`NOT EXISTS (SELECT 1 FROM case_events earlier WHERE earlier.case_id = ${caseEvents.caseId}
              AND earlier.kind IN ${FIRST_ANSWER_KINDS} AND (earlier.created_at < ${caseEvents.createdAt}
              OR (earlier.created_at = ${caseEvents.createdAt} AND earlier.id < ${caseEvents.id})))`,
      ),
    );

  const closingRows = await db
    .select({
      at: caseEvents.createdAt,
      toState: caseEvents.toState,
      createdAt: cases.createdAt,
      completedAt: cases.completedAt,
      caseNumber: cases.caseNumber,
      categoryId: cases.categoryId,
      outcome: cases.outcome,
      rejectionReason: cases.rejectionReason,
    })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(and(inArray(caseEvents.kind, CLOSING_KINDS), eventRange, notSpam))
    .orderBy(asc(caseEvents.createdAt), asc(caseEvents.id));

  // Holidays from the oldest submission any milestone measures from, to the period's end.
  const oldest = [...verificationRows, ...firstAnswerRows, ...closingRows].reduce(
    (min, row) => Math.min(min, row.createdAt.getTime()),
    period.start.getTime(),
  );
  const holidays = await loadHolidaySet(db, officeYear(new Date(oldest)), officeYear(period.end) + 1);
  const days = OfficeDayMath.from(holidays, new Date(oldest));

  const verification = durationFigure(
    verificationRows.map((r) =>
      milestone(r.createdAt, r.at, days.deadlineFrom(r.createdAt, 'verificationStartDays', settings.verificationStartDays), days),
    ),
  );
  const firstAnswer = durationFigure(
    firstAnswerRows.map((r) =>
      milestone(r.createdAt, r.at, days.deadlineFrom(r.createdAt, 'firstAnswerDays', settings.firstAnswerDays), days),
    ),
  );
  // The 60-day clock runs from the report accepted as complete; a case closed before it
  // was complete (rejected or referred from Verifikasi) had no conclusion deadline.
  const closing = durationFigure(
    closingRows.map((r) =>
      milestone(
        r.createdAt,
        r.at,
        r.completedAt ? days.deadlineFrom(r.completedAt, 'conclusionDays', settings.conclusionDays) : null,
        days,
      ),
    ),
  );

  const outcomeCounts = new Map<string, number>();
  const reasonCounts = new Map<string, number>();
  const closedCases: ClosedCase[] = closingRows.map((r) => {
    const state = (r.toState ?? 'concluded') as CaseState;
    const result = resultOf(state, r.outcome, r.rejectionReason);
    const key = state === 'concluded' ? (r.outcome ?? 'selesai') : result.key;
    outcomeCounts.set(key, (outcomeCounts.get(key) ?? 0) + 1);
    if (state === 'rejected' && r.rejectionReason) reasonCounts.set(r.rejectionReason, (reasonCounts.get(r.rejectionReason) ?? 0) + 1);
    return {
      caseNumber: r.caseNumber,
      category: r.categoryId === null ? 'Tanpa kategori' : (categoryLabel.get(r.categoryId) ?? '—'),
      result: result.label,
      resultKey: key,
      submittedAt: r.createdAt,
      closedAt: r.at,
      workingDays: Math.max(0, days.workingDaysBetween(r.createdAt, r.at)),
    };
  });
  const byOutcome: Count[] = [
    ...OUTCOMES.map((o) => ({ key: o as string, label: OUTCOME_LABELS[o], count: outcomeCounts.get(o) ?? 0 })),
    { key: 'dilimpahkan', label: 'Dilimpahkan', count: outcomeCounts.get('dilimpahkan') ?? 0 },
    { key: 'ditolak', label: 'Tidak Dapat Ditindaklanjuti', count: outcomeCounts.get('ditolak') ?? 0 },
  ];
  const rejectionReasons: Count[] = REJECTION_REASONS.filter((r) => r !== 'spam').map((r) => ({
    key: r,
    label: REJECTION_REASON_LABELS[r],
    count: reasonCounts.get(r) ?? 0,
  }));

  const [infoRow] = await db
    .select({
      sent: sql<number>`count(*)`,
      answered: sql<number>`coalesce(sum(CASE WHEN ${infoRequests.status} = 'answered' THEN 1 ELSE 0 END), 0)`,
    })
    .from(infoRequests)
    .innerJoin(cases, eq(cases.id, infoRequests.caseId))
    .where(and(gte(infoRequests.createdAt, period.start), lt(infoRequests.createdAt, period.end), notSpam));

  const [summonsRow] = await db
    .select({ n: sql<number>`count(*)` })
    .from(summons)
    .where(and(eq(summons.status, 'attended'), gte(summons.scheduledAt, period.start), lt(summons.scheduledAt, period.end)));

  return {
    period,
    received,
    byCategory,
    byState,
    closedTotal: closingRows.length,
    byOutcome,
    rejectionReasons,
    infoRequestsSent: Number(infoRow?.sent ?? 0),
    infoRequestsAnswered: Number(infoRow?.answered ?? 0),
    summonsHeld: Number(summonsRow?.n ?? 0),
    durations: { verification, firstAnswer, closing },
    deadlines: {
      verificationStartDays: settings.verificationStartDays,
      firstAnswerDays: settings.firstAnswerDays,
      conclusionDays: settings.conclusionDays,
    },
    spam: {
      quarantined: spamRows.filter((r) => r.quarantined).reduce((s, r) => s + Number(r.n), 0),
      rejectedAsSpam: spamRows.filter((r) => !r.quarantined).reduce((s, r) => s + Number(r.n), 0),
    },
    perMonth,
    closedCases,
  };
}
