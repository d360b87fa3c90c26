import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ChangePasswordForm } from '@/app/(officer)/petugas/akun/forms';
import { TotpSection } from '@/app/(officer)/petugas/akun/totp-section';
import { signOutAction } from '@/app/(officer)/petugas/session-actions';
import { pendingTotpEnrolment } from '@/lib/auth/account';
import { currentOfficer } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { getSettings } from '@/lib/settings';
import { endSentence } from '@/lib/format';

export const metadata: Metadata = { title: 'Aktivasi Akun' };

const PERMALINK = '/petugas/aktivasi';

/**
 * /petugas/aktivasi: what a signed-in officer must do before using the officer area —
 * replace a one-time password, then enrol two-step verification when the office
 * requires it. Outside the gated (officer) group so the gate cannot loop; it checks
 * the session itself.
 */
export default async function ActivationPage() {
  const officer = await currentOfficer();
  if (!officer) redirect('/petugas/masuk');
  const db = getDb();
  const settings = await getSettings(db);
  const { mustChangePassword, mustEnrolTotp: needsTotp, pending: activating } = officer.activation;
  if (!activating) redirect('/petugas');
  const pending = needsTotp && !mustChangePassword ? await pendingTotpEnrolment(db, officer) : null;

  return (
    <div className="flex min-h-screen flex-col">
      <header className="bg-brand-800 text-white">
        <div className="mx-auto flex max-w-2xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div>
            <span className="block text-sm text-brand-100">{settings.officeName}</span>
            <span className="block text-lg leading-tight font-bold">WBS — Petugas</span>
          </div>
          <form action={signOutAction}>
            <button
              type="submit"
              className="min-h-10 rounded-md border border-white px-3 py-1.5 text-sm font-semibold hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
            >
              Keluar
            </button>
          </form>
        </div>
      </header>
      <main id="konten" className="mx-auto w-full max-w-2xl flex-1 space-y-6 px-4 py-8">
        <div>
          <h1 className="text-2xl font-bold text-slate-900">Aktivasi Akun</h1>
          <p className="mt-2 text-slate-700">
            Selamat datang, {endSentence(officer.name)} Sebelum membuka kotak masuk, selesaikan langkah berikut.
          </p>
        </div>
        {mustChangePassword ? (
          <section aria-labelledby="sandi-heading" className="rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
            <h2 id="sandi-heading" className="text-lg font-semibold">
              Ganti kata sandi sementara
            </h2>
            <p className="mt-2 text-slate-700">
              Anda masuk dengan kata sandi sementara dari administrator. Buat kata sandi baru yang hanya Anda ketahui.
              {needsTotp ? ' Setelah itu Anda akan diminta mengaktifkan verifikasi dua langkah.' : ''}
            </p>
            <div className="mt-4">
              <ChangePasswordForm permalink={PERMALINK} />
            </div>
          </section>
        ) : (
          <section aria-labelledby="totp-heading" className="rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
            <h2 id="totp-heading" className="text-lg font-semibold">
              Aktifkan verifikasi dua langkah
            </h2>
            <p className="mt-2 text-slate-700">Kantor mewajibkan verifikasi dua langkah untuk semua akun petugas.</p>
            <div className="mt-4">
              <TotpSection enabled={false} pending={pending} requiredByOffice permalink={PERMALINK} next="/petugas" />
            </div>
          </section>
        )}
      </main>
    </div>
  );
}
