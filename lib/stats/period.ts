import { z } from 'zod';
import { officeInstant } from '@/lib/office-time';

/**
 * A reporting period in office time (WITA): a month, a quarter, a year, or custom dates.
 * Pure: the statistics pages parse their query string with it, the report and the CSV
 * name their period with it, and the unit tests pin every boundary.
 */

export type PeriodKind = 'bulan' | 'triwulan' | 'tahun' | 'rentang';

export type Period = {
  kind: PeriodKind;
  /** First instant of the period (00:00 WITA of its first day). */
  start: Date;
  /** First instant AFTER the period (00:00 WITA of the day after its last day). */
  end: Date;
  /** 'YYYY-MM-DD' of the first and last day, office time. */
  firstDay: string;
  lastDay: string;
  /** "Maret 2026", "Triwulan I 2026", "Tahun 2026", "2 Maret 2026 – 15 April 2026". */
  label: string;
  /** A stable key for the period: evaluations are kept per key; also the CSV file name. */
  key: string;
};

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const QUARTERS = ['I', 'II', 'III', 'IV'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** 'YYYY-MM-DD' of the day after `day` (calendar arithmetic on the date alone). */
function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function lastDayOfMonth(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0));
  return d.toISOString().slice(0, 10);
}

function longDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

function build(kind: PeriodKind, firstDay: string, lastDay: string, label: string, key: string): Period {
  return { kind, firstDay, lastDay, label, key, start: officeInstant(firstDay), end: officeInstant(nextDay(lastDay)) };
}

export function monthPeriod(year: number, month: number): Period {
  return build('bulan', `${year}-${pad(month)}-01`, lastDayOfMonth(year, month), `${MONTHS[month - 1]} ${year}`, `${year}-${pad(month)}`);
}

export function quarterPeriod(year: number, quarter: number): Period {
  const firstMonth = (quarter - 1) * 3 + 1;
  return build(
    'triwulan',
    `${year}-${pad(firstMonth)}-01`,
    lastDayOfMonth(year, firstMonth + 2),
    `Triwulan ${QUARTERS[quarter - 1]} ${year}`,
    `${year}-T${quarter}`,
  );
}

export function yearPeriod(year: number): Period {
  return build('tahun', `${year}-01-01`, `${year}-12-31`, `Tahun ${year}`, `${year}`);
}

export function customPeriod(firstDay: string, lastDay: string): Period {
  return build('rentang', firstDay, lastDay, `${longDate(firstDay)} – ${longDate(lastDay)}`, `${firstDay}_${lastDay}`);
}

/** The months (as periods) that a period touches, for per-month charts. */
export function monthsOf(period: Period): Period[] {
  const months: Period[] = [];
  let [year, month] = period.firstDay.split('-').map(Number);
  const [lastYear, lastMonth] = period.lastDay.split('-').map(Number);
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(monthPeriod(year, month));
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

const YEAR_MIN = 2000;
const YEAR_MAX = 2100;
/** A custom period longer than this is refused: the report is meant per month to year. */
export const MAX_CUSTOM_DAYS = 366 * 5;

const isoDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Tulis tanggal dengan format yang benar.')
  .refine((v) => !Number.isNaN(new Date(`${v}T00:00:00Z`).getTime()) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'Tanggal tidak valid.');

export type PeriodInput = Partial<Record<'periode' | 'tahun' | 'bulan' | 'triwulan' | 'dari' | 'sampai', string>>;

export type PeriodParse =
  | { ok: true; period: Period; values: PeriodInput }
  | { ok: false; fieldErrors: Partial<Record<keyof PeriodInput, string>>; values: PeriodInput };

function intIn(value: string | undefined, min: number, max: number): number | null {
  if (!value || !/^\d{1,4}$/.test(value.trim())) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

/**
 * Reads a period from the statistics pages' query string (a GET form, so it works without
 * JavaScript). Nothing given: the current month at `now`. Errors come per field, in
 * Indonesian, with the typed values kept.
 */
export function parsePeriod(input: PeriodInput, now: Date): PeriodParse {
  const values: PeriodInput = { ...input };
  const kind = (input.periode ?? 'bulan') as PeriodKind;
  const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const currentYear = Number(today.slice(0, 4));
  const year = input.tahun ? intIn(input.tahun, YEAR_MIN, YEAR_MAX) : currentYear;
  const fieldErrors: Partial<Record<keyof PeriodInput, string>> = {};

  switch (kind) {
    case 'bulan': {
      const month = input.bulan ? intIn(input.bulan, 1, 12) : Number(today.slice(5, 7));
      if (year === null) fieldErrors.tahun = `Tulis tahun antara ${YEAR_MIN} dan ${YEAR_MAX}.`;
      if (month === null) fieldErrors.bulan = 'Pilih bulan.';
      if (year === null || month === null) return { ok: false, fieldErrors, values };
      return { ok: true, period: monthPeriod(year, month), values };
    }
    case 'triwulan': {
      const quarter = input.triwulan ? intIn(input.triwulan, 1, 4) : Math.ceil(Number(today.slice(5, 7)) / 3);
      if (year === null) fieldErrors.tahun = `Tulis tahun antara ${YEAR_MIN} dan ${YEAR_MAX}.`;
      if (quarter === null) fieldErrors.triwulan = 'Pilih triwulan.';
      if (year === null || quarter === null) return { ok: false, fieldErrors, values };
      return { ok: true, period: quarterPeriod(year, quarter), values };
    }
    case 'tahun':
      if (year === null) return { ok: false, fieldErrors: { tahun: `Tulis tahun antara ${YEAR_MIN} dan ${YEAR_MAX}.` }, values };
      return { ok: true, period: yearPeriod(year), values };
    case 'rentang': {
      const from = isoDay.safeParse(input.dari ?? '');
      const to = isoDay.safeParse(input.sampai ?? '');
      if (!from.success) fieldErrors.dari = input.dari ? from.error.issues[0].message : 'Isi tanggal mulai.';
      if (!to.success) fieldErrors.sampai = input.sampai ? to.error.issues[0].message : 'Isi tanggal akhir.';
      if (!from.success || !to.success) return { ok: false, fieldErrors, values };
      if (to.data < from.data) {
        return { ok: false, fieldErrors: { sampai: 'Tanggal akhir tidak boleh sebelum tanggal mulai.' }, values };
      }
      const days = (Date.parse(to.data) - Date.parse(from.data)) / 86_400_000;
      if (days > MAX_CUSTOM_DAYS) return { ok: false, fieldErrors: { sampai: 'Rentang paling panjang 5 tahun.' }, values };
      return { ok: true, period: customPeriod(from.data, to.data), values };
    }
    default:
      return { ok: false, fieldErrors: { periode: 'Pilih jenis periode.' }, values };
  }
}

export { MONTHS as MONTH_NAMES, QUARTERS as QUARTER_NAMES };
