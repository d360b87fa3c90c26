import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Laporan Terkirim' };

/** Where the receipt leads once the reporter has shown the ticket code is kept (or chose to leave). */
export default async function ReceiptDonePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const unconfirmed = (await searchParams)['tanpa-konfirmasi'] !== undefined;
  return (
    <div className="mx-auto max-w-2xl space-y-4 px-4 py-6">
      <h1 className="text-2xl font-bold text-slate-900">{unconfirmed ? 'Laporan Anda tetap diproses' : 'Terima kasih, kode tiket Anda tersimpan'}</h1>
      {unconfirmed ? (
        <p>
          Kode tiket tidak dapat ditampilkan lagi. Laporan Anda tetap diterima dan diproses; tanpa kode tiket Anda tidak dapat
          melihat perkembangannya atau menjawab pertanyaan petugas.
        </p>
      ) : (
        <p>
          Gunakan kode tiket itu di halaman Cek Status untuk melihat perkembangan laporan, menjawab pertanyaan petugas, dan
          melihat undangan klarifikasi. Periksa secara berkala.
        </p>
      )}
      <div className="flex flex-wrap gap-3">
        <a href="/status" className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">
          Cek Status Laporan
        </a>
        <Link href="/" prefetch={false} className="inline-flex min-h-11 items-center rounded-md border border-slate-400 px-4 py-2 font-semibold text-slate-900">
          Ke Beranda
        </Link>
      </div>
    </div>
  );
}
