import type { Metadata } from 'next';
import { after } from 'next/server';
import { getDb } from '@/lib/db/client';
import { formatOfficeDateTime } from '@/lib/office-time';
import { formatPublicCount, ROUNDING_BASE, SMALL_COUNT_LIMIT } from '@/lib/stats/disclosure';
import { formatDays } from '@/lib/stats/figures';
import { readPublicStatistics, refreshPublicStatistics, type PublicRow } from '@/lib/stats/public-stats';

export const metadata: Metadata = { title: 'Statistik Pengaduan' };

function CountTable({ caption, rows }: { caption: string; rows: PublicRow[] }) {
  return (
    <table className="w-full border-collapse text-left">
      <caption className="pb-2 text-left font-semibold text-slate-900">{caption}</caption>
      <thead>
        <tr className="border-b-2 border-slate-300">
          <th scope="col" className="py-2 pr-3">
            Uraian
          </th>
          <th scope="col" className="py-2 text-right">
            Jumlah
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label} className="border-b border-slate-200">
            <td className="py-2 pr-3">{row.label}</td>
            <td className="py-2 text-right whitespace-nowrap tabular-nums">{formatPublicCount(row.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * /statistik: what the office has received and concluded this year, for anyone. Aggregates
 * only, under disclosure control, from a snapshot (no query per visit beyond one read).
 */
export default async function PublicStatisticsPage() {
  const db = getDb();
  const { stats, stale } = await readPublicStatistics(db);
  if (stale) after(() => refreshPublicStatistics(getDb()).catch(() => undefined));

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-slate-900">Statistik pengaduan tahun {stats.year}</h1>
      <p>
        Ringkasan laporan yang diterima dan ditangani tahun ini. Tidak ada nama, isi laporan, atau nomor kasus di halaman
        ini.
      </p>
      <dl className="grid grid-cols-2 gap-3">
        <div className="rounded-lg border border-slate-300 bg-white p-3">
          <dt className="text-sm text-slate-700">Laporan diterima</dt>
          <dd className="text-2xl font-bold tabular-nums">{formatPublicCount(stats.received)}</dd>
        </div>
        <div className="rounded-lg border border-slate-300 bg-white p-3">
          <dt className="text-sm text-slate-700">Laporan selesai ditangani</dt>
          <dd className="text-2xl font-bold tabular-nums">{formatPublicCount(stats.concluded)}</dd>
        </div>
        <div className="col-span-2 rounded-lg border border-slate-300 bg-white p-3">
          <dt className="text-sm text-slate-700">Median lama penanganan sampai selesai</dt>
          <dd className="text-2xl font-bold tabular-nums">
            {stats.medianDaysToClose === null ? 'Belum cukup data' : `${formatDays(stats.medianDaysToClose)} hari kerja`}
          </dd>
        </div>
      </dl>
      {stats.categoryWithheld ? (
        <p>Rincian menurut kategori belum ditampilkan karena jumlah laporan masih terlalu sedikit.</p>
      ) : (
        <CountTable caption="Laporan diterima menurut kategori" rows={stats.byCategory} />
      )}
      {stats.stateWithheld ? (
        <p>Rincian menurut status belum ditampilkan karena jumlah laporan masih terlalu sedikit.</p>
      ) : (
        <CountTable caption="Laporan diterima menurut status" rows={stats.byState} />
      )}
      <section aria-labelledby="cara-membaca" className="space-y-2 text-sm text-slate-700">
        <h2 id="cara-membaca" className="text-base font-semibold text-slate-900">
          Cara membaca angka ini
        </h2>
        <p>
          Untuk melindungi pelapor, jumlah 1 atau 2 ditulis &quot;&lt; {SMALL_COUNT_LIMIT}&quot;, dan jumlah lainnya dibulatkan ke
          kelipatan {ROUNDING_BASE} terdekat (ditulis &quot;± 10&quot;, misalnya). Bila sebuah angka tetap dapat ditebak dari angka
          lain, angka itu ditulis &quot;disembunyikan&quot;. Karena itu jumlah per baris tidak selalu sama dengan totalnya, dan tidak
          ada laporan yang dapat dikenali dengan membandingkan angka.
        </p>
        <p>Diperbarui {formatOfficeDateTime(new Date(stats.computedAt))} WITA.</p>
      </section>
    </div>
  );
}
