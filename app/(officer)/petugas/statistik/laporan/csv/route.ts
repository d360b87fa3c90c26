import { requireOfficer } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { getSettings } from '@/lib/settings';
import { statisticsCsv } from '@/lib/stats/csv';
import { loadStatistics } from '@/lib/stats/officer-stats';
import { parsePeriod, type PeriodInput } from '@/lib/stats/period';
import { periodInputFrom } from '../../search-params';

/** GET /petugas/statistik/laporan/csv?periode=…: the report's figures and case list as CSV. Admins only. */
export async function GET(request: Request): Promise<Response> {
  let officer;
  try {
    officer = await requireOfficer();
  } catch (error) {
    if (error instanceof AppError) return text(401, error.userMessage);
    throw error;
  }
  if (officer.role !== 'admin') return text(403, 'Unduhan ini hanya untuk administrator WBS.');
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = parsePeriod(periodInputFrom(params) as PeriodInput, new Date());
  if (!parsed.ok) return text(400, Object.values(parsed.fieldErrors)[0] ?? 'Periode tidak valid.');
  const db = getDb();
  const [stats, settings] = await Promise.all([loadStatistics(db, officer, parsed.period), getSettings(db)]);
  return new Response(statisticsCsv(stats, settings.officeName), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="laporan-wbs-${parsed.period.key}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}

function text(status: number, message: string): Response {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}
