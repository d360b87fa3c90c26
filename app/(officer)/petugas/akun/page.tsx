import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getNotifyMode, pendingTotpEnrolment } from '@/lib/auth/account';
import { ROLE_LABELS } from '@/lib/auth/officers';
import { currentOfficer } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { getSettings } from '@/lib/settings';
import { ChangePasswordForm, NotifyModeForm } from './forms';
import { TotpSection } from './totp-section';

export const metadata: Metadata = { title: 'Akun Saya' };

const PERMALINK = '/petugas/akun';

/** /petugas/akun: the officer's own password, two-step verification and email notifications. */
export default async function AccountPage() {
  const officer = await currentOfficer();
  if (!officer) redirect('/petugas/masuk');
  const db = getDb();
  const [settings, pending, notifyMode] = await Promise.all([getSettings(db), pendingTotpEnrolment(db, officer), getNotifyMode(db, officer)]);

  return (
    <div className="max-w-2xl space-y-8">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">Akun Saya</h1>
        <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
          <dt className="font-semibold">Nama</dt>
          <dd>{officer.name}</dd>
          <dt className="font-semibold">Email</dt>
          <dd className="break-all">{officer.email}</dd>
          <dt className="font-semibold">Peran</dt>
          <dd>{ROLE_LABELS[officer.role]}</dd>
        </dl>
      </div>

      <section aria-labelledby="sandi-heading" className="rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
        <h2 id="sandi-heading" className="text-lg font-semibold">
          Ubah kata sandi
        </h2>
        <div className="mt-4">
          <ChangePasswordForm permalink={PERMALINK} />
        </div>
      </section>

      <section aria-labelledby="totp-heading" className="rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
        <h2 id="totp-heading" className="text-lg font-semibold">
          Verifikasi dua langkah
        </h2>
        <div className="mt-4">
          <TotpSection
            enabled={officer.totpEnabled}
            pending={pending}
            requiredByOffice={settings.requireTotp}
            permalink={PERMALINK}
          />
        </div>
      </section>

      <section id="notifikasi" aria-labelledby="notifikasi-heading" className="scroll-mt-4 rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
        <h2 id="notifikasi-heading" className="text-lg font-semibold">
          Pemberitahuan email
        </h2>
        <div className="mt-4">
          <NotifyModeForm permalink={`${PERMALINK}#notifikasi`} current={notifyMode} />
        </div>
      </section>
    </div>
  );
}
