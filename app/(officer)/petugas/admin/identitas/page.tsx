import type { Metadata } from 'next';
import { isSoleAdmin, listIdentityRequests } from '@/lib/admin/identity-requests';
import { AccessDenied, adminForPage } from '@/app/(officer)/petugas/admin/admin-gate';
import { getDb } from '@/lib/db/client';
import { getSettings } from '@/lib/settings';
import { PendingRequestsTable } from './forms';
import { DataTable } from '@/components/ui/data-table';
import { DateText } from '@/components/ui/date-text';
import { formatOfficeDateTime } from '@/lib/office-time';

export const metadata: Metadata = { title: 'Permintaan Identitas Pelapor' };

const STATUS_LABELS = { approved: 'Disetujui', denied: 'Ditolak' } as const;

/** /petugas/admin/identitas: officers' requests to open a reporter's identity, decided by an admin. */
export default async function IdentityRequestsAdminPage() {
  const officer = await adminForPage();
  if (!officer) return <AccessDenied />;
  const db = getDb();
  const [{ pending, recent }, settings, soleAdmin] = await Promise.all([
    listIdentityRequests(db, officer),
    getSettings(db),
    isSoleAdmin(db, officer.id),
  ]);

  return (
    <div className="space-y-8">
      <div className="max-w-3xl">
        <h1 className="text-2xl font-bold text-slate-900">Permintaan Identitas Pelapor</h1>
        <p className="mt-2 text-slate-700">
          Identitas pelapor hanya dibuka bila ada alasan yang sah. Periksa alasan setiap permintaan sebelum memutuskan;
          keputusan tidak dapat diubah dan tercatat dalam log audit, begitu pula setiap kali identitas dilihat.
        </p>
        {settings.identityViewNeedsApproval ? null : (
          <p className="mt-3 rounded-md border border-amber-600 bg-amber-50 px-3 py-2 text-amber-900">
            Saat ini persetujuan administrator tidak diwajibkan: permintaan baru langsung disetujui. Aturan ini dapat diubah di{' '}
            <a href="/petugas/admin/pengaturan" className="font-semibold underline underline-offset-2">
              Pengaturan Kantor
            </a>
            .
          </p>
        )}
      </div>

      <section id="menunggu" aria-labelledby="menunggu-heading" className="scroll-mt-4">
        <h2 id="menunggu-heading" className="text-lg font-semibold">
          Menunggu keputusan ({pending.length})
        </h2>
        <div className="mt-3">
          <PendingRequestsTable
            soleAdmin={soleAdmin}
            rows={pending.map((row) => ({
              id: row.id,
              caseNumber: row.caseNumber,
              officerName: row.officerName,
              reason: row.reason,
              createdLabel: formatOfficeDateTime(row.createdAt),
              createdIso: row.createdAt.toISOString(),
              ownRequest: row.officerId === officer.id,
            }))}
          />
        </div>
      </section>

      <section aria-labelledby="terakhir-heading">
        <h2 id="terakhir-heading" className="text-lg font-semibold">
          Keputusan terakhir
        </h2>
        {recent.length === 0 ? (
          <p className="mt-2 text-slate-700">Belum ada keputusan.</p>
        ) : (
          <DataTable caption="Sepuluh permintaan terakhir yang sudah diputuskan" className="mt-3" columns={['Kasus', 'Petugas', 'Keputusan', 'Oleh', 'Waktu (WITA)']}>
                {recent.map((row) => (
                  <tr key={row.id} className="border-t border-slate-200">
                    <th scope="row" className="px-3 py-2 font-medium whitespace-nowrap">
                      <a href={`/petugas/kasus/${row.caseNumber}`} className="text-brand-700 underline underline-offset-2">
                        {row.caseNumber}
                      </a>
                    </th>
                    <td className="px-3 py-2">{row.officerName}</td>
                    <td className="px-3 py-2">{STATUS_LABELS[row.status]}</td>
                    <td className="px-3 py-2">{row.decidedByName ?? 'Otomatis'}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{row.decidedAt ? <DateText at={row.decidedAt} format="dateTime" /> : '—'}</td>
                  </tr>
                ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}
