/**
 * The office's holiday list: Indonesia's national public holidays from `date-holidays`
 * (the maintained calendar, including the lunar Islamic, Chinese and Balinese dates),
 * plus days an admin adds in the `holidays` table (cuti bersama, local or moved days).
 * Produces the Set of 'YYYY-MM-DD' WITA dates that lib/cases/deadlines.ts takes.
 */
import Holidays from 'date-holidays';
import { and, gte, lte } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { holidays } from '@/lib/db/schema';

// Building the calendar parses the whole rule set; a year's list never changes while the
// process runs (a new package version needs a restart anyway), so both are kept.
let calendar: Holidays | undefined;
const nationalByYear = new Map<number, readonly string[]>();

/**
 * Indonesia's national public holidays in a year, as 'YYYY-MM-DD' WITA dates, sorted.
 * Only type 'public' counts, should the data ever add observances (which are working days).
 */
export function nationalHolidayDates(year: number): readonly string[] {
  const cached = nationalByYear.get(year);
  if (cached) return cached;
  calendar ??= new Holidays('ID', { types: ['public'] });
  // `date` is the local calendar date ('2026-03-20 00:00:00 -0600' for Islamic days, whose
  // observance starts at the previous sunset): the first ten characters are the holiday
  // itself, whereas `start` would move those days back by one.
  const dates = [
    ...new Set(
      calendar
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10)),
    ),
  ].sort();
  nationalByYear.set(year, dates);
  return dates;
}

/**
 * Every non-working day (besides weekends) from 1 January of `fromYear` to 31 December of
 * `toYear`: national public holidays merged with the admin-added rows of `holidays`.
 * Callers pass a range wide enough for the deadlines they compute (e.g. the case's year
 * and the next one, since a 60-day clock crosses New Year).
 */
export async function loadHolidaySet(
  db: Pick<Database, 'select'>,
  fromYear: number,
  toYear: number,
): Promise<Set<string>> {
  const set = new Set<string>();
  for (let year = fromYear; year <= toYear; year += 1) {
    for (const date of nationalHolidayDates(year)) set.add(date);
  }
  const added = await db
    .select({ date: holidays.date })
    .from(holidays)
    .where(and(gte(holidays.date, `${fromYear}-01-01`), lte(holidays.date, `${toYear}-12-31`)));
  for (const row of added) set.add(row.date);
  return set;
}
