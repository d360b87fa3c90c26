import type { Metadata } from 'next';
import { countByStatus, listOutbox, OUTBOX_PAGE_SIZE, OUTBOX_STATUSES, RETRYABLE_STATUSES, type OutboxStatus } from '@/lib/admin/outbox';
import { AccessDenied, adminForPage } from '@/app/(officer)/petugas/admin/admin-gate';
import { getDb } from '@/lib/db/client';
import { OutboxList } from './forms';
import { formatOfficeDateTime } from '@/lib/office-time';
import { kindLabel, NOT_CONFIGURED_NOTE, STATUS_LABELS} from './labels';
import { emailSendingConfigured } from '@/lib/env';

export const metadata: Metadata = { title: 'Email Keluar' };

/*
 * The list is not audited: it shows subjects and officer addresses only (no bodies, no
 * reporter address). Opening one email is audited, by the service behind [id]/page.tsx.
 * Links are plain <a>, never prefetched, so no email is "read" that no one opened.
 */

const PAGE = '/petugas/admin/outbox';

type Search = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function statusFrom(value: string | string[] | undefined): OutboxStatus | null {
  const raw = first(value);
  return raw && (OUTBOX_STATUSES as readonly string[]).includes(raw) ? (raw as OutboxStatus) : null;
}

function beforeIdFrom(value: string | string[] | undefined): number | null {
  const raw = first(value);
  return raw && /^\d{1,15}$/.test(raw) ? Number(raw) : null;
}

function listHref(status: OutboxStatus | null, beforeId?: number | null): string {
  const params = new URLSearchParams();
  if (status) params.set('status', status);
  if (beforeId) params.set('sebelum', String(beforeId));
  const query = params.toString();
  return query ? `${PAGE}?${query}` : PAGE;
}

const pagerClass =
  'inline-flex min-h-11 items-center rounded-md border-2 border-brand-700 bg-white px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50';

/** /petugas/admin/outbox: every email the WBS wrote, newest first, filtered by status. */
export default async function OutboxPage({ searchParams }: { searchParams: Promise<Search> }) {
  const officer = await adminForPage();
  if (!officer) return <AccessDenied />;
  const search = await searchParams;
  const status = statusFrom(search.status);
  const beforeId = beforeIdFrom(search.sebelum);
  const db = getDb();
  const [counts, { rows, nextBeforeId }] = await Promise.all([
    countByStatus(db, officer),
    listOutbox(db, officer, { status, beforeId, limit: OUTBOX_PAGE_SIZE }),
  ]);
  const total = OUTBOX_STATUSES.reduce((sum, s) => sum + counts[s], 0);
  const configured = emailSendingConfigured();
  const filters: { status: OutboxStatus | null; label: string; count: number }[] = [
    { status: null, label: 'Semua', count: total },
    ...OUTBOX_STATUSES.map((s) => ({ status: s, label: STATUS_LABELS[s], count: counts[s] })),
  ];
  const heading = `${status ? STATUS_LABELS[status] : 'Semua email'}${beforeId ? ` sebelum #${beforeId}` : ''}`;

  return (
    <div className="space-y-6">
      <div className="max-w-3xl">
        <h1 className="text-2xl font-bold text-slate-900">Email Keluar</h1>
        <p className="mt-2 text-slate-700">
          Semua email pemberitahuan yang dibuat WBS, yang terbaru lebih dahulu. Email hanya memuat nomor kasus dan tautan,
          tidak pernah isi laporan. Email yang gagal dicoba ulang otomatis selama 24 jam; sesudah itu ditandai gagal dan
          dapat dikirim ulang dari sini.
        </p>
      </div>

      {configured ? null : (
        <div className="max-w-3xl rounded-lg border-2 border-amber-600 bg-amber-50 p-4 text-amber-900">
          <p className="font-semibold">{NOT_CONFIGURED_NOTE}</p>
          <p className="mt-1 text-sm">
            Untuk mengirim email, mintalah pengelola server menghubungkan aplikasi dengan layanan pengiriman email (Resend)
            beserta alamat pengirimnya, lalu menjalankan ulang aplikasi. Email yang sudah disimpan dapat dikirim sesudahnya
            dengan tombol &ldquo;Kirim ulang&rdquo;.
          </p>
        </div>
      )}

      {counts.failed > 0 ? (
        <p className="max-w-3xl rounded-md border border-red-700 bg-red-50 px-3 py-2 font-medium text-red-800">
          {counts.failed.toLocaleString('id-ID')} email gagal dikirim sesudah dicoba selama 24 jam.{' '}
          {status === 'failed' ? null : (
            <a href={listHref('failed')} className="underline underline-offset-2">
              Tampilkan email yang gagal
            </a>
          )}
        </p>
      ) : null}

      <nav aria-label="Saring menurut status">
        <ul className="flex flex-wrap gap-2">
          {filters.map((filter) => {
            const current = filter.status === status;
            return (
              <li key={filter.status ?? 'semua'}>
                <a
                  href={listHref(filter.status)}
                  aria-current={current ? 'page' : undefined}
                  className={`inline-flex min-h-11 items-center rounded-md border-2 px-3 py-1.5 font-semibold ${
                    current ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-400 bg-white text-slate-900 hover:bg-slate-50'
                  }`}
                >
                  {filter.label}
                  <span className="ml-1.5 font-normal">({filter.count.toLocaleString('id-ID')})</span>
                </a>
              </li>
            );
          })}
        </ul>
      </nav>

      <section id="daftar" aria-labelledby="daftar-heading" className="scroll-mt-4">
        <h2 id="daftar-heading" className="text-lg font-semibold">
          {heading}
        </h2>
        <div className="mt-3">
          <OutboxList
            permalink={`${listHref(status, beforeId)}#daftar`}
            label={`${heading}, yang terbaru lebih dahulu`}
            rows={rows.map((row) => ({
              id: row.id,
              kindLabel: kindLabel(row.kind),
              subject: row.subject,
              toAddress: row.toAddress,
              status: row.status,
              attempts: row.attempts,
              lastError: row.lastError,
              createdLabel: formatOfficeDateTime(row.createdAt),
              createdIso: row.createdAt.toISOString(),
              retryable: RETRYABLE_STATUSES.includes(row.status),
            }))}
          />
        </div>
        <nav aria-label="Halaman email keluar" className="mt-4 flex flex-wrap gap-3">
          {beforeId ? (
            <a href={listHref(status)} className={pagerClass}>
              Terbaru
            </a>
          ) : null}
          {nextBeforeId ? (
            <a href={listHref(status, nextBeforeId)} rel="next" className={pagerClass}>
              Sebelumnya<span className="sr-only"> (email yang lebih lama)</span>
            </a>
          ) : null}
        </nav>
      </section>
    </div>
  );
}
