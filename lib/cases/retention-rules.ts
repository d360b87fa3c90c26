import { OFFICE_UTC_OFFSET_MS } from '@/lib/office-time';
import { FINAL_STATES, type CaseState } from './workflow';

/**
 * Retention by crypto-erasure, the rules alone (no database, no clock of its own):
 * when a closed case's content is erased, whether a run may erase anything at all, and
 * when admins are reminded to rotate the master key. lib/cases/retention.ts applies them.
 */

/** Shortest and longest retention an admin may set, in months (1 month … 50 years). */
export const RETENTION_MONTHS_MIN = 1;
export const RETENTION_MONTHS_MAX = 600;

/** The stored policy. `months: null` is "off" (the default); a policy erases only once confirmed. */
export type RetentionPolicy = {
  months: number | null;
  /** When an admin confirmed these months after seeing the preview; null: never confirmed. */
  confirmedAt: Date | null;
  confirmedBy: number | null;
};

export const RETENTION_OFF: RetentionPolicy = { months: null, confirmedAt: null, confirmedBy: null };

/** Closed cases: no move leads out of these states, so the closing date never changes. */
export const CLOSED_STATES: readonly CaseState[] = FINAL_STATES;

export function isClosed(state: CaseState): boolean {
  return CLOSED_STATES.includes(state);
}

/**
 * `date` plus whole calendar months in office time, keeping the time of day; a day that
 * the target month lacks becomes its last day (31 January + 1 month = 28 or 29 February),
 * as people count "n bulan setelah".
 */
export function addOfficeMonths(date: Date, months: number): Date {
  if (!Number.isInteger(months)) throw new Error('months must be a whole number');
  // The office keeps a fixed offset (lib/office-time.ts): shift, use UTC fields, shift back.
  const local = new Date(date.getTime() + OFFICE_UTC_OFFSET_MS);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(local.getUTCDate(), lastDay);
  const shifted = Date.UTC(
    year,
    month,
    day,
    local.getUTCHours(),
    local.getUTCMinutes(),
    local.getUTCSeconds(),
    local.getUTCMilliseconds(),
  );
  return new Date(shifted - OFFICE_UTC_OFFSET_MS);
}

/** When a case closed at `closedAt` is erased under a retention of `months`. */
export function erasureDate(closedAt: Date, months: number): Date {
  return addOfficeMonths(closedAt, months);
}

/** The policy erases only when it is on and an admin confirmed it (after the preview). */
export function policyActive(policy: RetentionPolicy): policy is RetentionPolicy & { months: number; confirmedAt: Date } {
  return policy.months !== null && policy.confirmedAt !== null;
}

/**
 * Whether a case is due for erasure at `now`: closed, and its erasure date reached
 * (the boundary itself counts). Open cases are never due, however old.
 */
export function isDueForErasure(item: { state: CaseState; closedAt: Date }, months: number | null, now: Date): boolean {
  if (months === null) return false;
  if (!isClosed(item.state)) return false;
  return erasureDate(item.closedAt, months).getTime() <= now.getTime();
}

/**
 * A closing date before which every case is surely due (for an indexed query): cases
 * closed up to this instant have reached their erasure date, because adding months is
 * monotonic and never adds more than `months` × 31 days. Callers still apply
 * isDueForErasure, which decides the exact boundary.
 */
export function closedBeforeBound(months: number, now: Date): Date {
  // Going back month by month with clamping may land a few days early; 4 days of slack
  // keeps every due case inside the bound (the exact rule filters the rest).
  return new Date(addOfficeMonths(now, -months).getTime() + 4 * 86_400_000);
}

/**
 * Whether admins should be reminded to rotate the master key: with retention on, a
 * backup made before an erasure still opens with the current master key. The reminder
 * shows when the last rotation (or, never rotated, the confirmation of retention) is
 * older than the retention period.
 */
export function rotationReminderDue(
  input: { policy: RetentionPolicy; lastRotationAt: Date | null },
  now: Date,
): boolean {
  const { policy, lastRotationAt } = input;
  if (!policyActive(policy)) return false;
  const since = lastRotationAt ?? policy.confirmedAt;
  return addOfficeMonths(since, policy.months).getTime() <= now.getTime();
}

/** Parses what an admin typed as months; null with a message when it is not acceptable. */
export function parseRetentionMonths(raw: unknown): { ok: true; months: number } | { ok: false; message: string } {
  const text = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : '';
  const range = `Masa simpan harus antara ${RETENTION_MONTHS_MIN} dan ${RETENTION_MONTHS_MAX} bulan.`;
  if (text === '') return { ok: false, message: 'Masa simpan (bulan) wajib diisi.' };
  if (!/^\d+$/.test(text)) return { ok: false, message: 'Masa simpan harus berupa bilangan bulat, misalnya 60.' };
  const months = Number(text);
  if (months < RETENTION_MONTHS_MIN || months > RETENTION_MONTHS_MAX) return { ok: false, message: range };
  return { ok: true, months };
}
