import { redirect } from 'next/navigation';
import { currentOfficer } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { getSettings } from '@/lib/settings';
import { signOutAction } from './session-actions';

/**
 * The officer area's session gate and shell. It is a door, not the lock: every page
 * and server action below checks the officer again itself (lib/auth/session.ts).
 * Accounts with a one-time password, or without the two-step verification the office
 * requires, are sent to /petugas/aktivasi first.
 */
export default async function OfficerLayout({ children }: { children: React.ReactNode }) {
  const officer = await currentOfficer();
  if (!officer) redirect('/petugas/masuk');
  if (officer.activation.pending) redirect('/petugas/aktivasi');
  const settings = await getSettings(getDb());

  const nav = [
    { href: '/petugas', label: 'Kotak Masuk' },
    { href: '/petugas/statistik', label: 'Statistik' },
    { href: '/petugas/akun', label: 'Akun Saya' },
    ...(officer.role === 'admin'
      ? [
          { href: '/petugas/admin/petugas', label: 'Kelola Petugas' },
          { href: '/petugas/admin/pengaturan', label: 'Pengaturan' },
          { href: '/petugas/admin/hari-libur', label: 'Hari Libur' },
          { href: '/petugas/admin/kategori', label: 'Kategori' },
          { href: '/petugas/admin/identitas', label: 'Permintaan Identitas' },
          { href: '/petugas/admin/audit', label: 'Log Audit' },
          { href: '/petugas/admin/outbox', label: 'Email Keluar' },
        ]
      : []),
  ];

  return (
    <div className="flex min-h-screen flex-col">
      <header className="bg-brand-800 text-white print:hidden">
        <a
          href="#konten"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-3 focus:font-semibold focus:text-brand-800"
        >
          Langsung ke isi utama
        </a>
        <div className="mx-auto flex max-w-5xl flex-wrap items-start justify-between gap-x-6 gap-y-2 px-4 pt-3 pb-2">
          <div>
            <span className="block text-sm text-brand-100">{settings.officeName}</span>
            <span className="block text-lg leading-tight font-bold">WBS — Petugas</span>
          </div>
          <div className="flex items-center gap-3 text-sm">
            <span>
              <span className="sr-only">Masuk sebagai </span>
              <span className="font-semibold">{officer.name}</span>
              {officer.role === 'admin' ? <span className="text-brand-100"> (Administrator)</span> : null}
            </span>
            <form action={signOutAction}>
              <button
                type="submit"
                className="min-h-10 rounded-md border border-white px-3 py-1.5 font-semibold hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
              >
                Keluar
              </button>
            </form>
          </div>
          <nav aria-label="Menu petugas" className="-mx-2 w-full">
            <ul className="flex flex-wrap text-base">
              {nav.map((item) => (
                <li key={item.href}>
                  <a
                    href={item.href}
                    className="block rounded px-2 py-2 font-medium underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-white"
                  >
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="konten" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 focus:outline-none print:max-w-none print:p-0">
        {children}
      </main>
    </div>
  );
}
