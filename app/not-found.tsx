import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Halaman tidak ditemukan' };

/** Any unknown address, in the site's own language, with a way back. */
export default function NotFound() {
  return (
    <main className="mx-auto max-w-2xl space-y-4 px-4 py-10">
      <h1 className="text-2xl font-bold text-slate-900">Halaman tidak ditemukan</h1>
      <p className="text-slate-800">Alamat yang Anda buka tidak ada atau sudah tidak tersedia.</p>
      <p>
        <Link href="/" className="font-semibold text-brand-700 underline underline-offset-2">
          Kembali ke beranda
        </Link>
      </p>
    </main>
  );
}
