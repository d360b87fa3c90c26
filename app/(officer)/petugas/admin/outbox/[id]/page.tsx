import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { isReporterEmail, readOutboxEmail, RETRYABLE_STATUSES } from '@/lib/admin/outbox';
import { AccessDenied, adminForPage } from '@/app/(officer)/petugas/admin/admin-gate';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { RetryEmailForm, StatusBadge } from '../forms';
import { DateText } from '@/components/ui/date-text';
import { kindLabel, NOT_CONFIGURED_NOTE} from '../labels';
import { emailSendingConfigured } from '@/lib/env';

export const metadata: Metadata = { title: 'Email Keluar' };

/*
 * One email as it was written to the outbox. Every view is audited (`email.read`, by
 * readOutboxEmail): an email to a reporter carries their address. The HTML part is never
 * put into this page; the plain-text part says the same (both come from one template).
 */

/** /petugas/admin/outbox/[id]: one email, its delivery state, its text, and "Kirim ulang". */
export default async function OutboxEmailPage({ params }: { params: Promise<{ id: string }> }) {
  const officer = await adminForPage();
  if (!officer) return <AccessDenied />;
  const { id: rawId } = await params;
  if (!/^\d{1,15}$/.test(rawId)) notFound();
  let email;
  try {
    email = await readOutboxEmail(getDb(), officer, Number(rawId));
  } catch (error) {
    if (error instanceof AppError && error.code === 'email_not_found') notFound();
    throw error;
  }
  const configured = emailSendingConfigured();
  const retryable = RETRYABLE_STATUSES.includes(email.status);
  const toReporter = isReporterEmail(email.kind);

  return (
    <div className="max-w-3xl space-y-6">
      <p>
        <Link href="/petugas/admin/outbox" className="font-semibold text-brand-700 underline underline-offset-2">
          <span aria-hidden="true">← </span>Kembali ke Email Keluar
        </Link>
      </p>

      <div>
        <p className="text-sm font-semibold text-slate-600">Email #{email.id}</p>
        <h1 className="text-2xl font-bold break-words text-slate-900">{email.subject}</h1>
      </div>

      {configured || email.status !== 'captured' ? null : (
        <p className="rounded-lg border-2 border-amber-600 bg-amber-50 p-3 font-semibold text-amber-900">{NOT_CONFIGURED_NOTE}</p>
      )}

      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 rounded-lg border border-slate-300 bg-white p-4 sm:grid-cols-[max-content_1fr] sm:gap-y-2">
        <dt className="font-semibold">Subjek</dt>
        <dd className="mb-2 break-words sm:mb-0">{email.subject}</dd>
        <dt className="font-semibold">Kepada</dt>
        <dd className="mb-2 sm:mb-0">
          <span className="break-all">{email.toAddress}</span>
          {toReporter ? (
            <span className="mt-1 block text-sm text-slate-700">
              Alamat ini milik pelapor dan dirahasiakan. Jangan dicatat atau diteruskan; setiap pembukaan halaman ini tercatat di
              log audit.
            </span>
          ) : null}
        </dd>
        <dt className="font-semibold">Jenis</dt>
        <dd className="mb-2 sm:mb-0">{kindLabel(email.kind)}</dd>
        <dt className="font-semibold">Status</dt>
        <dd className="mb-2 sm:mb-0">
          <StatusBadge status={email.status} />
        </dd>
        <dt className="font-semibold">Percobaan kirim</dt>
        <dd className="mb-2 sm:mb-0">{email.attempts}</dd>
        <dt className="font-semibold">Kesalahan terakhir</dt>
        <dd className="mb-2 font-mono text-sm break-all sm:mb-0">{email.lastError ?? <span className="font-sans">Tidak ada</span>}</dd>
        <dt className="font-semibold">Dibuat (WITA)</dt>
        <dd className="mb-2 sm:mb-0">
          <DateText at={email.createdAt} format="dateTime" />
        </dd>
        {email.sentAt ? (
          <>
            <dt className="font-semibold">Terkirim (WITA)</dt>
            <dd>
              <DateText at={email.sentAt} format="dateTime" />
            </dd>
          </>
        ) : email.status === 'pending' ? (
          <>
            <dt className="font-semibold">Percobaan berikutnya (WITA)</dt>
            <dd>
              <DateText at={email.nextAttemptAt} format="dateTime" />
            </dd>
          </>
        ) : null}
      </dl>

      <section id="kirim-ulang" aria-labelledby="kirim-ulang-heading" className={`scroll-mt-4 ${retryable ? 'rounded-lg border border-slate-300 bg-white p-4' : ''}`}>
        <h2 id="kirim-ulang-heading" className={retryable ? 'text-lg font-semibold' : 'sr-only'}>
          Kirim ulang
        </h2>
        {retryable ? (
          <p className="mt-1 mb-3 text-sm text-slate-700">
            Email ini masuk antrean lagi dan dicoba kirim selama 24 jam berikutnya.
            {configured ? null : ' Selama pengiriman belum dikonfigurasi, email akan kembali disimpan di sini.'}
          </p>
        ) : null}
        <RetryEmailForm emailId={email.id} permalink={`/petugas/admin/outbox/${email.id}#kirim-ulang`} retryable={retryable} />
      </section>

      <section aria-labelledby="isi-heading">
        <h2 id="isi-heading" className="text-lg font-semibold">
          Isi email (teks)
        </h2>
        <pre className="mt-2 overflow-x-auto rounded-lg border border-slate-300 bg-slate-50 p-4 font-mono text-sm whitespace-pre-wrap break-words text-slate-900">
          {email.textBody}
        </pre>
        <p className="mt-2 text-sm text-slate-700">
          Email juga memuat versi HTML dengan isi yang sama. Demi keamanan, versi itu tidak ditampilkan sebagai halaman di
          sini.
        </p>
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer font-semibold">Tampilkan kode sumber HTML</summary>
          <pre className="mt-2 max-h-96 overflow-auto rounded-lg border border-slate-300 bg-white p-3 font-mono text-xs whitespace-pre-wrap break-all text-slate-800">
            {email.html}
          </pre>
        </details>
      </section>
    </div>
  );
}
