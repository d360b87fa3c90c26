import type { Metadata } from 'next';
import { formatHolidayDate, listHolidays } from '@/lib/admin/holidays';
import { AccessDenied, adminForPage } from '@/app/(officer)/petugas/admin/admin-gate';
import { getDb } from '@/lib/db/client';
import { AddedHolidaysTable, AddHolidayForm } from './forms';
import { DataTable } from '@/components/ui/data-table';

export const metadata: Metadata = { title: 'Hari Libur' };

/**
 * /petugas/admin/hari-libur: the days working-day deadlines skip. National holidays are
 * shown for reference; admins add and remove the office's own days (cuti bersama, local).
 */
export default async function HolidaysAdminPage() {
  const officer = await adminForPage();
  if (!officer) return <AccessDenied />;
  const { national, added } = await listHolidays(getDb(), officer);

  return (
    <div className="space-y-8">
      <div className="max-w-3xl">
        <h1 className="text-2xl font-bold text-slate-900">Hari Libur</h1>
        <p className="mt-2 text-slate-700">
          Tenggat yang dihitung dalam hari kerja tidak menghitung Sabtu, Minggu, hari libur nasional, dan hari libur kantor di
          bawah ini. Tambahkan cuti bersama sesuai SKB Menteri dan hari libur daerah. Perubahan berlaku untuk tenggat yang
          dihitung sesudahnya.
        </p>
      </div>

      <section id="tambah" aria-labelledby="tambah-heading" className="max-w-2xl scroll-mt-4 rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
        <h2 id="tambah-heading" className="text-lg font-semibold">
          Tambah hari libur kantor
        </h2>
        <div className="mt-4">
          <AddHolidayForm />
        </div>
      </section>

      <section id="daftar-kantor" aria-labelledby="kantor-heading" className="scroll-mt-4">
        <h2 id="kantor-heading" className="text-lg font-semibold">
          Hari libur kantor ({added.length})
        </h2>
        <div className="mt-3">
          <AddedHolidaysTable rows={added.map((row) => ({ ...row, label: formatHolidayDate(row.date) }))} />
        </div>
      </section>

      <section aria-labelledby="nasional-heading">
        <h2 id="nasional-heading" className="text-lg font-semibold">
          Hari libur nasional
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-700">
          Diambil otomatis dari kalender hari libur Indonesia yang dipelihara pustaka date-holidays; tidak dapat diubah di
          sini. Bila ada tanggal yang keliru atau belum tercantum, tambahkan sebagai hari libur kantor.
        </p>
        <div className="mt-3 grid gap-6 lg:grid-cols-2">
          {national.map(({ year, days }) => (
            <DataTable key={year} caption={`Tahun ${year}`} captionVisible columns={['Tanggal', 'Hari libur']}>
                  {days.map((day) => (
                    <tr key={day.date} className="border-t border-slate-200">
                      <th scope="row" className="px-3 py-2 font-medium whitespace-nowrap">
                        <time dateTime={day.date}>{formatHolidayDate(day.date)}</time>
                      </th>
                      <td className="px-3 py-2">{day.name}</td>
                    </tr>
                  ))}
            </DataTable>
          ))}
        </div>
      </section>
    </div>
  );
}
