import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getDb } from '@/lib/db/client';
import { currentOfficer } from '@/lib/auth/session';
import { getSettings } from '@/lib/settings';
import { safeNextPath } from './next-path';
import { SignInForm } from './sign-in-form';
import { FormMessage } from '@/components/forms/form-message';

export const metadata: Metadata = { title: 'Masuk Petugas' };

const NOTICES: Record<string, string> = {
  keluar: 'Anda telah keluar.',
  'sandi-diubah': 'Kata sandi Anda telah diubah. Silakan masuk kembali dengan kata sandi baru.',
};

/** /petugas/masuk: officer login, outside the gated (officer) group. */
export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const callbackUrl = first(params.callbackUrl);
  const next = callbackUrl ? safeNextPath(callbackUrl) : undefined;

  if (await currentOfficer()) redirect(next ?? '/petugas');

  const { officeName } = await getSettings(getDb());
  const notice = NOTICES[first(params.info) ?? ''];

  return (
    <div className="flex min-h-screen flex-col">
      <header className="bg-brand-800 text-white">
        <div className="mx-auto max-w-md px-4 py-3">
          <span className="block text-sm text-brand-100">{officeName}</span>
          <span className="block text-lg leading-tight font-bold">Whistleblowing System — Petugas</span>
        </div>
      </header>
      <main id="konten" className="mx-auto w-full max-w-md flex-1 px-4 py-8">
        <h1 className="text-2xl font-bold text-slate-900">Masuk Petugas</h1>
        <p className="mt-2 text-slate-700">
          Halaman ini khusus bagi petugas dan administrator WBS. Pelapor tidak perlu masuk: gunakan{' '}
          <a href="/status" className="font-semibold text-brand-700 underline underline-offset-2">
            Cek Status
          </a>{' '}
          dengan kode tiket Anda.
        </p>
        {notice ? (
          <div className="mt-4">
            <FormMessage state={{ status: 'success', message: notice }} />
          </div>
        ) : null}
        {next && !notice ? (
          <p role="status" className="mt-4 rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-800">
            Silakan masuk untuk melanjutkan. Sesi berakhir setelah 30 menit tanpa aktivitas.
          </p>
        ) : null}
        <div className="mt-6 rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
          <SignInForm next={next} />
        </div>
        <p className="mt-6 text-sm text-slate-600">
          Lupa kata sandi atau kehilangan ponsel untuk verifikasi dua langkah? Hubungi administrator WBS
          untuk mengatur ulang akun Anda.
        </p>
      </main>
    </div>
  );
}
