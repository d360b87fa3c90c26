/**
 * Pure arithmetic behind the statistics: percentiles of working-day durations and the share
 * handled within a deadline. No database, no framework: unit-tested on plain numbers.
 */

/** The median: the middle value, or the mean of the two middle values; null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The p-th percentile by nearest rank (the smallest value with at least p% of values at or
 * below it), so the figure is always a duration that really occurred; null when empty.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.max(0, rank - 1)];
}

/** One milestone's durations (working days from submission) and its deadline record. */
export type DurationFigure = {
  /** Cases that reached the milestone in the period. */
  count: number;
  medianDays: number | null;
  p90Days: number | null;
  /** Of the cases the deadline applies to, how many reached the milestone in time. */
  withinDeadline: number;
  deadlineApplies: number;
  /** withinDeadline / deadlineApplies, 0–1; null when the deadline applied to none. */
  shareWithin: number | null;
};

export type Milestone = {
  /** Working days from submission to the milestone. */
  workingDays: number;
  /** Whether the milestone's deadline applied, and whether it was met. */
  deadline: 'met' | 'missed' | 'not_applicable';
};

export function durationFigure(milestones: readonly Milestone[]): DurationFigure {
  const days = milestones.map((m) => m.workingDays);
  const applies = milestones.filter((m) => m.deadline !== 'not_applicable');
  const within = applies.filter((m) => m.deadline === 'met').length;
  return {
    count: milestones.length,
    medianDays: median(days),
    p90Days: percentile(days, 90),
    withinDeadline: within,
    deadlineApplies: applies.length,
    shareWithin: applies.length === 0 ? null : within / applies.length,
  };
}

const decimal = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('id-ID', { style: 'percent', maximumFractionDigits: 0 });

/** "3", "4,5" or "—" (Indonesian decimal comma). */
export function formatDays(value: number | null): string {
  return value === null ? '—' : decimal.format(value);
}

/** "83%" or "—". */
export function formatShare(value: number | null): string {
  return value === null ? '—' : percent.format(value);
}
