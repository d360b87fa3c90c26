import type { Metadata } from 'next';
import { AccessDenied, adminForPage } from '@/app/(officer)/petugas/admin/admin-gate';
import { getDb } from '@/lib/db/client';
import { formatOfficeDate, formatOfficeDateTime } from '@/lib/office-time';
import { getSettings } from '@/lib/settings';
import { EVALUATION_LABELS, loadEvaluations, type EvaluationSection } from '@/lib/stats/evaluations';
import { loadStatistics } from '@/lib/stats/officer-stats';
import { parsePeriod } from '@/lib/stats/period';
import { DataTable } from '@/components/ui/data-table';
import { PeriodForm } from '@/components/stats/period-form';
import { StatisticsView } from '@/components/stats/statistics-view';
import { periodInputFrom, periodQuery } from '../search-params';
import { saveEvaluationAction } from './actions';
import { EvaluationForm } from './evaluation-form';

export const metadata: Metadata = { title: 'Laporan Pengelolaan WBS' };

const HINTS: Record<EvaluationSection, string> = {
  hasil_evaluasi: 'Apa yang berjalan baik dan apa yang menjadi kendala dalam pengelolaan WBS pada periode ini.',
  tindak_lanjut: 'Langkah yang diambil atas hasil evaluasi: siapa, apa, dan kapan.',
};

/**
 * /petugas/statistik/laporan: the "Laporan Pengelolaan Whistleblowing System" the Zona
 * Integritas evaluation asks for, for any period. Admins only. Prints as a clean A4
 * document (the navigation and forms are hidden in print) and exports as CSV.
 */
export default async function ManagementReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await adminForPage();
  if (!admin) return <AccessDenied />;
  const db = getDb();
  const input = periodInputFrom(await searchParams);
  const parsed = parsePeriod(input, new Date());
  const query = periodQuery(input);
  const settings = await getSettings(db);

  if (!parsed.ok) {
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-bold text-slate-900">Laporan Pengelolaan WBS</h1>
        <PeriodForm action="/petugas/statistik/laporan" values={parsed.values} fieldErrors={parsed.fieldErrors} />
      </div>
    );
  }
  const { period } = parsed;
  const [stats, evaluations] = await Promise.all([loadStatistics(db, admin, period), loadEvaluations(db, admin, period.key)]);
  const permalink = (anchor: string) => `/petugas/statistik/laporan${query ? `?${query}` : ''}#${anchor}`;

  return (
    <article className="space-y-8 print:space-y-6 print:text-[11pt]">
      <div className="space-y-4 print:hidden">
        <PeriodForm action="/petugas/statistik/laporan" values={parsed.values} />
        <div className="flex flex-wrap gap-3">
          <a
            href={`/petugas/statistik/laporan/csv${query ? `?${query}` : ''}`}
            download
            className="inline-flex min-h-11 items-center rounded-lg border-2 border-brand-700 bg-white px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50"
          >
            Unduh CSV (Excel)
          </a>
          <p className="self-center text-sm text-slate-700">Untuk dokumen A4, gunakan menu Cetak di peramban (Ctrl+P).</p>
        </div>
      </div>

      <header className="border-b-4 border-double border-slate-900 pb-3 text-center">
        <p className="text-sm font-semibold tracking-wide uppercase">{settings.parentOrganisation}</p>
        <p className="text-xl font-bold uppercase">{settings.officeName}</p>
        <p className="text-sm">
          {settings.officeAddress}
          {settings.officePhone ? ` · Telp. ${settings.officePhone}` : ''}
          {settings.officeEmail ? ` · ${settings.officeEmail}` : ''}
        </p>
      </header>
      <div className="text-center">
        <h1 className="text-2xl font-bold text-slate-900">Laporan Pengelolaan Whistleblowing System</h1>
        <p className="mt-1 text-lg">Periode {period.label}</p>
        <p className="text-sm text-slate-700">
          {formatOfficeDate(period.start)} sampai {period.lastDay === period.firstDay ? '' : formatOfficeDate(new Date(period.end.getTime() - 1))}
        </p>
      </div>

      <StatisticsView stats={stats} />

      <section aria-labelledby="kasus-selesai" className="space-y-3 print:break-before-auto">
        <h2 id="kasus-selesai" className="text-xl font-bold text-slate-900">
          Kasus yang ditutup dalam periode ini
        </h2>
        {stats.closedCases.length === 0 ? (
          <p className="text-slate-700">Tidak ada kasus yang ditutup dalam periode ini.</p>
        ) : (
          <DataTable
            caption="Kasus yang ditutup dalam periode ini"
            columns={['Nomor kasus', 'Kategori', 'Hasil', 'Ditutup', <span key="d" className="block text-right">Hari kerja</span>]}
          >
            {stats.closedCases.map((c) => (
              <tr key={c.caseNumber} className="border-t border-slate-200">
                <td className="px-3 py-2 font-mono">{c.caseNumber}</td>
                <td className="px-3 py-2">{c.category}</td>
                <td className="px-3 py-2">{c.result}</td>
                <td className="px-3 py-2 whitespace-nowrap">{formatOfficeDate(c.closedAt, 'medium')}</td>
                <td className="px-3 py-2 text-right tabular-nums">{c.workingDays}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      {(['hasil_evaluasi', 'tindak_lanjut'] as const).map((section) => {
        const entry = evaluations[section];
        return (
          <section key={section} id={section} aria-labelledby={`${section}-judul`} className="space-y-3">
            <h2 id={`${section}-judul`} className="text-xl font-bold text-slate-900">
              {EVALUATION_LABELS[section]}
            </h2>
            {entry ? (
              <div className="space-y-1">
                <p className="whitespace-pre-line text-slate-900">{entry.body}</p>
                <p className="text-sm text-slate-600">
                  Ditulis oleh {entry.authorName}, {formatOfficeDateTime(entry.updatedAt)}
                </p>
              </div>
            ) : (
              <p className="text-slate-700 italic">Belum diisi.</p>
            )}
            <EvaluationForm
              action={saveEvaluationAction}
              permalink={permalink(section)}
              periodKey={period.key}
              section={section}
              label={EVALUATION_LABELS[section]}
              hint={HINTS[section]}
              current={entry?.body ?? ''}
            />
          </section>
        );
      })}
    </article>
  );
}
