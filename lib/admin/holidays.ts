import Holidays from 'date-holidays';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '@/lib/audit/log';
import { asAdmin, type AuthorizedOfficer } from '@/lib/auth/guard';
import { nationalHolidayDates } from '@/lib/cases/holidays';
import type { Database } from '@/lib/db/client';
import { holidays } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { formatCalendarDate, officeYear } from '@/lib/office-time';

/**
 * The holiday list admins keep at /petugas/admin/hari-libur. National public holidays
 * come from the maintained calendar (lib/cases/holidays.ts) and are only shown; the
 * office adds what the calendar does not know: cuti bersama (set each year by SKB
 * Menteri) and local days. Deadlines computed after a change use the new list; due
 * dates already on a case stay until its next move.
 */

export type HolidayItem = { date: string; name: string };


let namedCalendar: Holidays | undefined;

// date-holidays' Indonesian text calls 27 Rajab "Maulid Nabi Muhammad"; it is Isra Mi'raj.
const NAME_BY_RULE: Record<string, string> = { '27 Rajab': "Isra Mi'raj Nabi Muhammad SAW" };

/**
 * Indonesian names for the national dates. The dates themselves come from
 * nationalHolidayDates, which the deadlines use, so the page shows exactly those days.
 * Two holidays can fall on one day (Isra Mi'raj and Natal in 2027): both names are kept.
 */
function nationalNames(year: number): Map<string, string> {
  namedCalendar ??= new Holidays('ID', { types: ['public'], languages: ['id'] });
  const names = new Map<string, string[]>();
  for (const holiday of namedCalendar.getHolidays(year, 'id')) {
    if (holiday.type !== 'public') continue;
    const date = holiday.date.slice(0, 10);
    const name = NAME_BY_RULE[holiday.rule] ?? holiday.name;
    const list = names.get(date) ?? [];
    if (!list.includes(name)) list.push(name);
    names.set(date, list);
  }
  return new Map([...names].map(([date, list]) => [date, list.join('; ')]));
}

/** National holidays of a year with their names, read-only. */
export function nationalHolidays(year: number): HolidayItem[] {
  const names = nationalNames(year);
  return nationalHolidayDates(year).map((date) => ({ date, name: names.get(date) ?? 'Hari libur nasional' }));
}

export type HolidayOverview = {
  national: { year: number; days: HolidayItem[] }[];
  added: HolidayItem[];
};

/** National holidays of this year and next, and every day the office added. Admins only. */
export async function listHolidays(db: Database, officer: AuthorizedOfficer, options: { now?: Date } = {}): Promise<HolidayOverview> {
  asAdmin(officer);
  const year = officeYear(options.now ?? new Date());
  const added = await db.select({ date: holidays.date, name: holidays.name }).from(holidays).orderBy(asc(holidays.date));
  return {
    national: [year, year + 1].map((y) => ({ year: y, days: nationalHolidays(y) })),
    added,
  };
}

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const dateField = z
  .string({ error: 'Tanggal wajib diisi.' })
  .trim()
  .min(1, 'Tanggal wajib diisi.')
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Tulis tanggal dengan format TTTT-BB-HH, misalnya 2026-12-24.')
  .refine(isRealDate, 'Tanggal ini tidak ada di kalender.')
  .refine((value) => value >= '2000-01-01' && value <= '2100-12-31', 'Tanggal harus antara tahun 2000 dan 2100.');

export const addHolidaySchema = z.object({
  date: dateField,
  name: z
    .string({ error: 'Keterangan wajib diisi.' })
    .trim()
    .min(1, 'Keterangan wajib diisi, misalnya "Cuti bersama Hari Raya Natal".')
    .max(120, 'Keterangan terlalu panjang (maksimal 120 karakter).')
    .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), 'Keterangan harus ditulis dalam satu baris.'),
});
export type AddHolidayInput = z.input<typeof addHolidaySchema>;

export const removeHolidaySchema = z.object({ date: dateField });

function invalid(error: z.ZodError): AppError {
  const issue = error.issues[0];
  return new AppError('invalid_holiday', { field: String(issue.path[0] ?? 'date'), userMessage: issue.message });
}

/** "Kamis, 24 Desember 2026" for a 'YYYY-MM-DD' date. */
export function formatHolidayDate(date: string): string {
  return formatCalendarDate(date);
}

/**
 * Adds an office holiday. Refuses a date already in the list, a national holiday (it
 * counts already) and a Saturday or Sunday (never a working day), each at the date.
 * Audited as `holiday.add` with the date only.
 */
export async function addHoliday(db: Database, officer: AuthorizedOfficer, input: AddHolidayInput): Promise<HolidayItem> {
  const admin = asAdmin(officer);
  const parsed = addHolidaySchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error);
  const { date, name } = parsed.data;

  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) {
    throw new AppError('holiday_weekend', {
      field: 'date',
      userMessage: `${formatHolidayDate(date)} jatuh pada akhir pekan, yang sudah tidak dihitung sebagai hari kerja.`,
    });
  }
  const year = Number(date.slice(0, 4));
  if (nationalHolidayDates(year).includes(date)) {
    const national = nationalNames(year).get(date);
    throw new AppError('holiday_national', {
      field: 'date',
      userMessage: `${formatHolidayDate(date)} sudah merupakan hari libur nasional${national ? ` (${national})` : ''}.`,
    });
  }

  return db.transaction(async (tx) => {
    const inserted = await tx.insert(holidays).values({ date, name }).onConflictDoNothing().returning({ date: holidays.date });
    if (inserted.length === 0) {
      throw new AppError('holiday_duplicate', {
        field: 'date',
        userMessage: `${formatHolidayDate(date)} sudah ada dalam daftar hari libur kantor.`,
      });
    }
    await appendAudit(tx, { officerId: admin.id, action: 'holiday.add', detail: { date } });
    return { date, name };
  });
}

/** Removes an office holiday; audited as `holiday.remove` with the date. */
export async function removeHoliday(db: Database, officer: AuthorizedOfficer, input: { date: string }): Promise<void> {
  const admin = asAdmin(officer);
  const parsed = removeHolidaySchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error);
  const { date } = parsed.data;
  await db.transaction(async (tx) => {
    const removed = await tx.delete(holidays).where(eq(holidays.date, date)).returning({ date: holidays.date });
    if (removed.length === 0) {
      throw new AppError('holiday_not_found', {
        userMessage: `${formatHolidayDate(date)} tidak ada dalam daftar hari libur kantor; mungkin sudah dihapus.`,
      });
    }
    await appendAudit(tx, { officerId: admin.id, action: 'holiday.remove', detail: { date } });
  });
}
