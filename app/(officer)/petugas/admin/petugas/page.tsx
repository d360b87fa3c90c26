import type { Metadata } from 'next';
import { listOfficers, ROLE_LABELS } from '@/lib/auth/officers';
import { AccessDenied, adminForPage } from '@/app/(officer)/petugas/admin/admin-gate';
import { getDb } from '@/lib/db/client';
import { CreateOfficerForm, OfficerRowActions } from './forms';
import { DateText } from '@/components/ui/date-text';

export const metadata: Metadata = { title: 'Kelola Petugas' };


/** /petugas/admin/petugas: officer accounts, for admins only (every action checks again). */
export default async function OfficersAdminPage() {
  const officer = await adminForPage();
  if (!officer) return <AccessDenied />;
  const rows = await listOfficers(getDb(), officer);
  // A server component renders once per request: one reading of the clock for the whole table.
  // eslint-disable-next-line react-hooks/purity -- not a client render, so it cannot re-render with a new value
  const now = Date.now();

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">Kelola Petugas</h1>
        <p className="mt-2 max-w-2xl text-slate-700">
          Buat akun untuk petugas baru, atur ulang kata sandi, ubah peran, atau nonaktifkan akun petugas yang tidak
          lagi bertugas. Akun tidak dihapus agar riwayat penanganan laporan tetap utuh.
        </p>
      </div>

      <section aria-labelledby="daftar-heading">
        <h2 id="daftar-heading" className="text-lg font-semibold">
          Daftar petugas ({rows.length})
        </h2>
        <ul className="mt-3 space-y-3">
          {rows.map((row) => {
            const locked = row.lockedUntil && row.lockedUntil.getTime() > now;
            return (
              <li key={row.id} id={`petugas-${row.id}`} className="scroll-mt-4 rounded-lg border border-slate-300 bg-white p-4">
                <h3 className="font-semibold">
                  {row.name}
                  {row.id === officer.id ? <span className="font-normal text-slate-600"> (Anda)</span> : null}
                </h3>
                <p className="text-sm break-all text-slate-700">{row.email}</p>
                <ul className="mt-2 flex flex-wrap gap-2 text-sm" aria-label={`Status ${row.name}`}>
                  <li className="rounded bg-slate-100 px-2 py-0.5">{ROLE_LABELS[row.role]}</li>
                  <li className={row.active ? 'rounded bg-green-100 px-2 py-0.5 text-green-900' : 'rounded bg-slate-300 px-2 py-0.5'}>
                    {row.active ? 'Aktif' : 'Nonaktif'}
                  </li>
                  <li className="rounded bg-slate-100 px-2 py-0.5">
                    {row.totpEnabled ? 'Verifikasi dua langkah aktif' : 'Tanpa verifikasi dua langkah'}
                  </li>
                  {row.mustChangePassword ? (
                    <li className="rounded bg-amber-100 px-2 py-0.5">Kata sandi sementara belum diganti</li>
                  ) : null}
                  {locked ? (
                    <li className="rounded bg-red-100 px-2 py-0.5 text-red-900">
                      Terkunci sampai <DateText at={row.lockedUntil!} format="dateTime" zone />
                    </li>
                  ) : null}
                </ul>
                <div className="mt-3">
                  <OfficerRowActions
                    id={row.id}
                    name={row.name}
                    role={row.role}
                    active={row.active}
                    totpEnabled={row.totpEnabled}
                    isSelf={row.id === officer.id}
                  />
                </div>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="buat-heading" className="max-w-2xl rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
        <h2 id="buat-heading" className="text-lg font-semibold">
          Tambah petugas
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          Sistem membuat kata sandi sementara yang ditampilkan sekali kepada Anda. Petugas menggantinya saat pertama
          kali masuk.
        </p>
        <div className="mt-4">
          <CreateOfficerForm />
        </div>
      </section>
    </div>
  );
}
