/**
 * Case deadlines in the office's own calendar (Kupang, WITA). Pure functions over data:
 * no framework, database or calendar-library imports, so the inbox, the case page and
 * the tests all compute the same thing. Holidays come in as a Set of 'YYYY-MM-DD' WITA
 * dates (see lib/cases/holidays.ts, which merges the national calendar with admin rows).
 *
 * Rules (DESIGN.md "Workflow"; defaults in lib/settings/defaults.ts):
 * - `received`: verification must START within `verificationStartDays` of the report.
 * - `verifying`: first answer to the reporter within `firstAnswerDays` of the report.
 * - `awaiting_info`: the open information request's own due date (`infoRequestDays`
 *   from the request) is what is shown; the conclusion clock is paused meanwhile.
 * - `investigating` / `hearing_witnesses` / `examining_reported`: conclusion within
 *   `conclusionDays` of `completedAt` (the report accepted as complete). Time spent in
 *   `awaiting_info` after completion is NOT subtracted yet: the rule says it pauses, but
 *   we keep the arithmetic simple and err on the side of showing a case as due earlier.
 * - final states: no deadline.
 * A deadline runs to the end (23:59:59.999 WITA) of its last day; the starting day is
 * never counted, so a report at 23:30 on Monday and one at 08:00 on Monday are due together.
 */
import type { CaseState } from './workflow';
import type { OfficeSettings } from '@/lib/settings/defaults';
import { OFFICE_UTC_OFFSET_MS } from '@/lib/office-time';

/** The office's zone. WITA is UTC+8 all year: Indonesia has no daylight saving. */
// A fixed offset keeps the day arithmetic exact and fast; Intl would give the same answer.
const DAY_MS = 24 * 60 * 60 * 1000;

export type DayCount = 'working' | 'calendar';
export type DeadlineSettingKey = 'verificationStartDays' | 'firstAnswerDays' | 'infoRequestDays' | 'conclusionDays';
export type DeadlineSettings = Pick<OfficeSettings, DeadlineSettingKey>;

/**
 * Which days each deadline setting counts: the one place to change it. DESIGN.md says
 * deadlines are in working days with a holiday list; the sources of the 14- and 60-day
 * defaults (LAPOR!, Perpres 76/2013, KMK 149/2011) say plain "hari", read as calendar days,
 * while "3 hari kerja" for starting verification is explicit.
 */
export const DEADLINE_DAY_COUNTS: Readonly<Record<DeadlineSettingKey, DayCount>> = {
  verificationStartDays: 'working',
  firstAnswerDays: 'calendar',
  infoRequestDays: 'calendar',
  conclusionDays: 'calendar',
};

/** A deadline this many working days away or fewer (and not passed) is "due soon". */
export const DUE_SOON_WORKING_DAYS = 2;

export type HolidaySet = ReadonlySet<string>;

/** Days since 1970-01-01 of the WITA calendar day that `date` falls on. */
function officeDayNumber(date: Date): number {
  return Math.floor((date.getTime() + OFFICE_UTC_OFFSET_MS) / DAY_MS);
}

// The inbox counts working days for 50 rows per page, one holiday lookup per day: the
// 'YYYY-MM-DD' keys are made once (a few thousand days at most in a process's life).
const dayKeys = new Map<number, string>();

function dayKey(dayNumber: number): string {
  let key = dayKeys.get(dayNumber);
  if (key === undefined) {
    key = new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
    if (dayKeys.size > 20_000) dayKeys.clear();
    dayKeys.set(dayNumber, key);
  }
  return key;
}

function isWorkingDayNumber(dayNumber: number, holidays: HolidaySet): boolean {
  const weekday = (dayNumber + 4) % 7; // 1970-01-01 was a Thursday (4); 0 = Sunday
  return weekday !== 0 && weekday !== 6 && !holidays.has(dayKey(dayNumber));
}

/** The WITA calendar date of an instant, as 'YYYY-MM-DD' (the key used in holiday sets). */
export function officeDateKey(date: Date): string {
  return dayKey(officeDayNumber(date));
}

/** The last millisecond (23:59:59.999 WITA) of the WITA day that `date` falls on. */
export function endOfOfficeDay(date: Date): Date {
  return new Date((officeDayNumber(date) + 1) * DAY_MS - OFFICE_UTC_OFFSET_MS - 1);
}

/**
 * Whether a day is a working day in Kupang: Monday to Friday and not in `holidays`.
 * @param date an instant (its WITA day is used) or a 'YYYY-MM-DD' WITA date.
 */
export function isWorkingDay(date: Date | string, holidays: HolidaySet): boolean {
  const instant = typeof date === 'string' ? new Date(`${date}T00:00:00+08:00`) : date;
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not a date: ${String(date)}`);
  return isWorkingDayNumber(officeDayNumber(instant), holidays);
}

/**
 * The instant `n` working days after `start`, at the same WITA time of day. The start
 * day itself never counts, so Friday + 1 = Monday and Saturday + 1 = Monday too.
 * @param n a whole number ≥ 0; 0 returns `start` unchanged.
 */
export function addWorkingDays(start: Date, n: number, holidays: HolidaySet): Date {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days must be a whole number ≥ 0, got ${n}`);
  const startDay = officeDayNumber(start);
  let day = startDay;
  for (let left = n; left > 0; ) {
    day += 1;
    if (isWorkingDayNumber(day, holidays)) left -= 1;
  }
  return new Date(start.getTime() + (day - startDay) * DAY_MS);
}

/**
 * Working days from the WITA day of `a` to the WITA day of `b`: those after `a`'s day up to
 * and including `b`'s day, so `workingDaysBetween(d, addWorkingDays(d, n)) === n`. Negative
 * when `b` is before `a`; 0 on the same day.
 */
export function workingDaysBetween(a: Date, b: Date, holidays: HolidaySet): number {
  const from = officeDayNumber(a);
  const to = officeDayNumber(b);
  const [lo, hi, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let day = lo + 1; day <= hi; day += 1) {
    if (isWorkingDayNumber(day, holidays)) count += 1;
  }
  return sign * count;
}

/** Calendar days added on the WITA calendar (same time of day; WITA has no DST). */
function addCalendarDays(start: Date, n: number): Date {
  return new Date(start.getTime() + n * DAY_MS);
}

/**
 * When a deadline set by `setting` runs out for a clock started at `start`: the end of the
 * WITA day `days` working or calendar days later, per DEADLINE_DAY_COUNTS.
 */
export function deadlineFrom(
  start: Date,
  setting: DeadlineSettingKey,
  days: number,
  holidays: HolidaySet,
): Date {
  const last = DEADLINE_DAY_COUNTS[setting] === 'working' ? addWorkingDays(start, days, holidays) : addCalendarDays(start, days);
  return endOfOfficeDay(last);
}

/** Due date for a new information request; services store it as `info_requests.due_at`. */
export function infoRequestDueAt(requestedAt: Date, settings: DeadlineSettings, holidays: HolidaySet): Date {
  return deadlineFrom(requestedAt, 'infoRequestDays', settings.infoRequestDays, holidays);
}

export type DeadlineKind = 'verification_start' | 'first_answer' | 'info_request' | 'conclusion';
export type DeadlineStatus = 'ok' | 'due_soon' | 'overdue';

export type CaseDeadline = {
  kind: DeadlineKind;
  dueAt: Date;
  status: DeadlineStatus;
  /** Working days from now to the due day (0 on the day itself; negative once passed). */
  workingDaysLeft: number;
};

/** What caseDeadlines needs to know about a case: a row of `cases` fits. */
export type DeadlineCase = {
  state: CaseState;
  createdAt: Date;
  completedAt?: Date | null;
  stateChangedAt?: Date | null;
  /** `due_at` of the open information request, when the case is awaiting_info. */
  openInfoRequestDueAt?: Date | null;
};

/** ok / due_soon / overdue for a due instant, as seen at `now`. */
export function deadlineStatus(dueAt: Date, now: Date, holidays: HolidaySet): { status: DeadlineStatus; workingDaysLeft: number } {
  const workingDaysLeft = workingDaysBetween(now, dueAt, holidays);
  if (now.getTime() > dueAt.getTime()) return { status: 'overdue', workingDaysLeft };
  return { status: workingDaysLeft <= DUE_SOON_WORKING_DAYS ? 'due_soon' : 'ok', workingDaysLeft };
}

/**
 * The deadline that matters for a case in its current state, and how close it is; null
 * in final states (concluded, referred, rejected). See the module comment for the rules.
 * Fallbacks, so a row with a missing timestamp still shows a (stricter) deadline: the info
 * request's due date falls back to `stateChangedAt` + infoRequestDays, and `completedAt`
 * falls back to `stateChangedAt`, then `createdAt`.
 */
export function caseDeadlines(
  c: DeadlineCase,
  settings: DeadlineSettings,
  holidays: HolidaySet,
  now: Date,
): CaseDeadline | null {
  const due = currentDeadline(c, settings, holidays);
  if (!due) return null;
  return { kind: due.kind, dueAt: due.dueAt, ...deadlineStatus(due.dueAt, now, holidays) };
}

/** The deadline kind and instant for a case's current state; null in final states. */
export function currentDeadline(
  c: DeadlineCase,
  settings: DeadlineSettings,
  holidays: HolidaySet,
): { kind: DeadlineKind; dueAt: Date } | null {
  switch (c.state) {
    case 'received':
      return {
        kind: 'verification_start',
        dueAt: deadlineFrom(c.createdAt, 'verificationStartDays', settings.verificationStartDays, holidays),
      };
    case 'verifying':
      return {
        kind: 'first_answer',
        dueAt: deadlineFrom(c.createdAt, 'firstAnswerDays', settings.firstAnswerDays, holidays),
      };
    case 'awaiting_info':
      return {
        kind: 'info_request',
        dueAt: c.openInfoRequestDueAt ?? infoRequestDueAt(c.stateChangedAt ?? c.createdAt, settings, holidays),
      };
    case 'investigating':
    case 'hearing_witnesses':
    case 'examining_reported':
      return {
        kind: 'conclusion',
        dueAt: deadlineFrom(
          c.completedAt ?? c.stateChangedAt ?? c.createdAt,
          'conclusionDays',
          settings.conclusionDays,
          holidays,
        ),
      };
    case 'concluded':
    case 'referred':
    case 'rejected':
      return null;
    default: {
      const unreachable: never = c.state;
      return unreachable;
    }
  }
}
