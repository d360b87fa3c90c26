import type { Metadata } from 'next';
import { loadAuditPage } from '@/lib/admin/audit-view';
import { AccessDenied, adminForPage } from '@/app/(officer)/petugas/admin/admin-gate';
import { getDb } from '@/lib/db/client';
import { DataTable } from '@/components/ui/data-table';
import { DateText } from '@/components/ui/date-text';

export const metadata: Metadata = { title: 'Log Audit' };

/*
 * Reading this page is deliberately NOT audited: every view would append a row, so the
 * log would grow with each page turn and bury the entries it exists to show. Only
 * admins reach it, and what they can do from here (nothing but read) changes nothing.
 */

const REASON_LABELS = { edited: 'diubah', removed: 'dihapus', reordered: 'diurutkan ulang' } as const;

function beforeIdFrom(value: string | string[] | undefined): number | null {
  const raw = Array.isArray(value) ? value[0] : value;
  return raw && /^\d{1,15}$/.test(raw) ? Number(raw) : null;
}

/** /petugas/admin/audit: the hash-chained audit log, newest first, with the chain's state. */
export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const officer = await adminForPage();
  if (!officer) return <AccessDenied />;
  const params = await searchParams;
  const beforeId = beforeIdFrom(params.sebelum);
  // The full recomputation reads every row: only when the admin asks for it.
  const full = params.periksa === 'semua';
  const { rows, nextBeforeId, chain, scope, pending } = await loadAuditPage(getDb(), officer, { beforeId, full });

  return (
    <div className="space-y-6">
      <div className="max-w-3xl">
        <h1 className="text-2xl font-bold text-slate-900">Log Audit</h1>
        <p className="mt-2 text-slate-700">
          Setiap tindakan petugas tercatat di sini dan tidak dapat diubah. Setiap entri memuat sidik (hash) entri sebelumnya,
          sehingga entri yang diubah, dihapus, atau diurutkan ulang langsung terlihat.
        </p>
      </div>

      {chain.intact ? (
        <div role="status" className="rounded-lg border-2 border-green-700 bg-green-50 p-4 text-green-900">
          <p className="text-lg font-semibold">Rantai log audit utuh ({chain.rows.toLocaleString('id-ID')} entri)</p>
          {chain.rows > 0 ? (
            <p className="mt-1 text-sm">
              Sidik entri terakhir: <code className="font-mono break-all">{chain.lastHash}</code>. Catat sidik ini secara
              berkala di luar sistem: hanya dengan catatan itu terlihat bila entri terbaru dipotong.
            </p>
          ) : null}
          <p className="mt-1 text-sm">
            {scope === 'full'
              ? 'Seluruh entri baru saja diperiksa ulang satu per satu.'
              : `Diperiksa: entri baru sejak pemeriksaan terakhir dan entri di halaman ini${pending ? ' (masih ada entri baru yang akan diperiksa pada kunjungan berikutnya)' : ''}.`}{' '}
            {scope === 'full' ? null : (
              <a href="/petugas/admin/audit?periksa=semua" className="font-semibold underline underline-offset-2">
                Periksa ulang seluruh rantai sekarang
              </a>
            )}
          </p>
        </div>
      ) : (
        <div role="alert" className="rounded-lg border-2 border-red-700 bg-red-50 p-4 text-red-900">
          <p className="text-lg font-semibold">
            Rantai log audit RUSAK pada entri #{chain.brokenAtId} ({REASON_LABELS[chain.reason]})
          </p>
          <p className="mt-1 text-sm">
            Ada entri yang {REASON_LABELS[chain.reason]} langsung di basis data, di luar aplikasi. Jangan mengubah apa pun;
            amankan salinan basis data dan laporkan kepada pimpinan serta pengelola server untuk ditelusuri.
          </p>
          <p className="mt-2 text-sm">
            <a href={`/petugas/admin/audit?sebelum=${chain.brokenAtId + 1}`} className="font-semibold underline underline-offset-2">
              Tampilkan entri #{chain.brokenAtId} dan sebelumnya
            </a>
          </p>
        </div>
      )}

      <section aria-labelledby="entri-heading">
        <h2 id="entri-heading" className="text-lg font-semibold">
          {beforeId ? `Entri sebelum #${beforeId}` : 'Entri terbaru'}
        </h2>
        {rows.length === 0 ? (
          <p className="mt-2 text-slate-700">Tidak ada entri.</p>
        ) : (
          <DataTable stackOnPhone caption="Entri log audit, yang terbaru lebih dahulu" className="mt-3" columns={['#', 'Waktu (WITA)', 'Petugas', 'Tindakan', 'Kasus', 'Detail']}>
                {rows.map((row) => {
                  const broken = !chain.intact && chain.brokenAtId === row.id;
                  return (
                    <tr key={row.id} className={`border-t border-slate-200 align-top ${broken ? 'bg-red-50' : ''}`}>
                      <th scope="row" className="px-3 py-2 font-mono font-normal text-slate-600" data-label="Entri">
                        {row.id}
                        {broken ? <span className="block font-sans font-semibold text-red-800">rusak</span> : null}
                      </th>
                      <td className="px-3 py-2 whitespace-nowrap" data-label="Waktu (WITA)">
                        <DateText at={row.at} format="dateTimeSeconds" />
                      </td>
                      <td className="px-3 py-2" data-label="Petugas">{row.officerName ?? <span className="text-slate-600">Sistem/Pelapor</span>}</td>
                      <td className="px-3 py-2 font-semibold sm:font-normal" data-first="">
                        {row.actionLabel}
                      </td>
                      <td className="px-3 py-2 whitespace-nowrap" data-label="Kasus">
                        {row.caseNumber ? (
                          <a href={`/petugas/kasus/${row.caseNumber}`} className="text-brand-700 underline underline-offset-2">
                            {row.caseNumber}
                          </a>
                        ) : row.caseId ? (
                          <span className="text-slate-600">#{row.caseId}</span>
                        ) : (
                          <span className="sr-only">Tidak ada</span>
                        )}
                      </td>
                      <td className="px-3 py-2 break-words text-slate-700" data-label={row.detail ? 'Detail' : undefined}>{row.detail}</td>
                    </tr>
                  );
                })}
          </DataTable>
        )}
        <nav aria-label="Halaman log audit" className="mt-4 flex flex-wrap gap-3">
          {beforeId ? (
            <a href="/petugas/admin/audit" className="inline-flex min-h-11 items-center rounded-md border-2 border-brand-700 bg-white px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50">
              Terbaru
            </a>
          ) : null}
          {nextBeforeId ? (
            <a
              href={`/petugas/admin/audit?sebelum=${nextBeforeId}`}
              rel="next"
              className="inline-flex min-h-11 items-center rounded-md border-2 border-brand-700 bg-white px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50"
            >
              Sebelumnya<span className="sr-only"> (entri yang lebih lama)</span>
            </a>
          ) : null}
        </nav>
      </section>
    </div>
  );
}
