import { and, eq, lt } from 'drizzle-orm';
import { reporterLabel, CASE_STATES } from '@/lib/cases/workflow';
import type { Database } from '@/lib/db/client';
import { statsSnapshots } from '@/lib/db/schema';
import { officeYear } from '@/lib/office-time';
import { publishCount, publishPage, type PublicCount, type PublicPage } from './disclosure';
import { computeStatistics } from './officer-stats';
import { yearPeriod } from './period';

/**
 * The public /statistik page: this year's reports by category and by the state a reporter
 * sees, how many were concluded, and the median working days to closing. Only published
 * forms are stored (lib/stats/disclosure.ts: "< 3" and rounding to 5), so not even the
 * snapshot row holds a count that could single out a case.
 *
 * The figures are a snapshot in the database, refreshed at most once per REFRESH_MS by
 * whichever instance claims it first, after the response (the page never waits for it
 * except on an install's very first visit).
 */

export const PUBLIC_REFRESH_MS = 60 * 60 * 1000;
/** A median is shown only when enough cases stand behind it. */
export const MIN_CASES_FOR_MEDIAN = 5;

export type PublicRow = { label: string; count: PublicCount };

export type PublicStatistics = {
  year: number;
  received: PublicCount;
  concluded: PublicCount;
  byCategory: PublicRow[];
  byState: PublicRow[];
  /** A table too thin to break down at all is withheld whole. */
  categoryWithheld: boolean;
  stateWithheld: boolean;
  medianDaysToClose: number | null;
  computedAt: string;
  /** The page as published, read beside the next one by the disclosure check. */
  page: PublicPage;
};

/** Categories only grow over a year (a report keeps its category); states do not. */
const GROWS_ONLY = [true, false];

function keyFor(year: number): string {
  return `public:${year}`;
}

/** Computes the published figures for a year from the officer statistics. */
export async function computePublicStatistics(db: Database, year: number, now = new Date(), previous?: PublicPage): Promise<PublicStatistics> {
  const stats = await computeStatistics(db, yearPeriod(year));
  // The reporter's coarse labels: the three "Diproses" states count as one.
  const byReporterState = new Map<string, number>();
  for (const state of CASE_STATES) {
    const label = reporterLabel(state);
    const count = stats.byState.find((s) => s.key === state)?.count ?? 0;
    byReporterState.set(label, (byReporterState.get(label) ?? 0) + count);
  }
  const closing = stats.durations.closing;
  const states = [...byReporterState];
  // The last published page is only comparable while the categories are the same ones.
  const comparable = previous && previous.tables[0]?.cells.length === stats.byCategory.length && previous.tables[1]?.cells.length === states.length;
  const page = publishPage(
    { total: stats.received, tables: [{ cells: stats.byCategory.map((c) => c.count) }, { cells: states.map(([, n]) => n) }] },
    comparable ? previous : undefined,
    GROWS_ONLY,
  );
  return {
    year,
    received: page.total,
    concluded: publishCount(stats.closedTotal),
    byCategory: stats.byCategory.map((c, i) => ({ label: c.label, count: page.tables[0].cells[i] })),
    byState: states.map(([label], i) => ({ label, count: page.tables[1].cells[i] })),
    categoryWithheld: Boolean(page.tables[0].withheld),
    stateWithheld: Boolean(page.tables[1].withheld),
    medianDaysToClose: closing.count >= MIN_CASES_FOR_MEDIAN ? closing.medianDays : null,
    computedAt: now.toISOString(),
    page,
  };
}

/**
 * The snapshot for this year and whether it is due for a refresh. A missing snapshot is
 * computed now (a new install: cheap); a stale one is returned as it is.
 */
export async function readPublicStatistics(db: Database, now = new Date()): Promise<{ stats: PublicStatistics; stale: boolean }> {
  const year = officeYear(now);
  const [row] = await db.select().from(statsSnapshots).where(eq(statsSnapshots.key, keyFor(year))).limit(1);
  if (!row) {
    const stats = await computePublicStatistics(db, year, now);
    await db
      .insert(statsSnapshots)
      .values({ key: keyFor(year), value: stats, computedAt: now })
      .onConflictDoNothing();
    return { stats, stale: false };
  }
  return { stats: row.value as PublicStatistics, stale: now.getTime() - row.computedAt.getTime() >= PUBLIC_REFRESH_MS };
}

/**
 * Recomputes a stale snapshot. The claim (a guarded UPDATE of computed_at) lets exactly one
 * instance do it when several see the same stale row at once.
 */
export async function refreshPublicStatistics(db: Database, now = new Date()): Promise<boolean> {
  const year = officeYear(now);
  const key = keyFor(year);
  const claim = await db
    .update(statsSnapshots)
    .set({ computedAt: now })
    .where(and(eq(statsSnapshots.key, key), lt(statsSnapshots.computedAt, new Date(now.getTime() - PUBLIC_REFRESH_MS + 1))))
    .returning({ key: statsSnapshots.key });
  if (claim.length === 0) return false;
  const [current] = await db.select({ value: statsSnapshots.value }).from(statsSnapshots).where(eq(statsSnapshots.key, key)).limit(1);
  const stats = await computePublicStatistics(db, year, now, (current?.value as PublicStatistics | undefined)?.page);
  await db.update(statsSnapshots).set({ value: stats, computedAt: now }).where(eq(statsSnapshots.key, key));
  return true;
}
