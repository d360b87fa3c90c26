import type { Metadata } from 'next';
import { requireOfficer } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { loadStatistics } from '@/lib/stats/officer-stats';
import { parsePeriod } from '@/lib/stats/period';
import { PeriodForm } from '@/components/stats/period-form';
import { StatisticsView } from '@/components/stats/statistics-view';
import { periodInputFrom, periodQuery } from './search-params';

export const metadata: Metadata = { title: 'Statistik' };

/**
 * /petugas/statistik: the figures of any period for officers and admins. The period is in
 * the address (a GET form), so it works without JavaScript and can be shared or printed.
 */
export default async function StatisticsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const officer = await requireOfficer();
  const input = periodInputFrom(await searchParams);
  const parsed = parsePeriod(input, new Date());
  const stats = parsed.ok ? await loadStatistics(getDb(), officer, parsed.period) : null;
  const query = periodQuery(input);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">Statistik</h1>
        <p className="mt-2 max-w-3xl text-slate-700">
          Angka penanganan laporan untuk periode pilihan Anda. Halaman ini tidak memuat nama, isi laporan, atau identitas siapa pun.
        </p>
      </div>
      <PeriodForm action="/petugas/statistik" values={parsed.values} fieldErrors={parsed.ok ? {} : parsed.fieldErrors} />
      {stats ? (
        <>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 className="text-lg font-semibold text-slate-900">Periode: {stats.period.label}</h2>
            {officer.role === 'admin' ? (
              <a href={`/petugas/statistik/laporan${query ? `?${query}` : ''}`} className="font-semibold text-brand-700 underline underline-offset-4">
                Buka Laporan Pengelolaan WBS untuk periode ini
              </a>
            ) : null}
          </div>
          <StatisticsView stats={stats} />
        </>
      ) : (
        <p role="alert" className="rounded-lg border-2 border-red-700 bg-red-50 p-4 text-red-900">
          Periode belum dapat ditampilkan. Perbaiki isian yang ditandai di atas.
        </p>
      )}
    </div>
  );
}
