import type { PeriodInput } from '@/lib/stats/period';

type SearchParams = Record<string, string | string[] | undefined>;

const PERIOD_FIELDS = ['periode', 'tahun', 'bulan', 'triwulan', 'dari', 'sampai'] as const;

/** The period fields of a statistics page's query string (first value of each). */
export function periodInputFrom(params: SearchParams): PeriodInput {
  const input: PeriodInput = {};
  for (const name of PERIOD_FIELDS) {
    const raw = params[name];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value) input[name] = value.slice(0, 20);
  }
  return input;
}

/** The query string that names a period again (links between the page, the report and the CSV). */
export function periodQuery(input: PeriodInput): string {
  return new URLSearchParams(Object.entries(input).filter(([, v]) => v) as [string, string][]).toString();
}
