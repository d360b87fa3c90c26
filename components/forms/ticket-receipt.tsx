'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';

const subscribeNever = () => () => {};

/**
 * The one time the ticket is shown. Download works without JavaScript (a data: link);
 * copy and print appear once JavaScript runs. Leaving before confirming asks first.
 */
export function TicketReceipt({ ticket }: { ticket: string }) {
  // False in the server HTML, true once hydrated: the JavaScript-only buttons appear then.
  const scripted = useSyncExternalStore(subscribeNever, () => true, () => false);
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState<'idle' | 'ok' | 'failed'>('idle');

  useEffect(() => {
    if (saved) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [saved]);

  const fileText = [
    'Kode tiket laporan Whistleblowing System (WBS)',
    '',
    ticket,
    '',
    'Gunakan kode ini di halaman Cek Status untuk mengikuti laporan Anda.',
    'Simpan di tempat aman. Kode ini tidak dapat dipulihkan bila hilang.',
    '',
  ].join('\n');

  async function copy() {
    try {
      await navigator.clipboard.writeText(ticket);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <div className="mx-auto max-w-2xl space-y-6 px-4 py-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold text-slate-900">Laporan Anda telah terkirim</h1>
        <p>Terima kasih. Laporan Anda sudah kami terima dan akan ditindaklanjuti sesuai prosedur.</p>
      </div>

      <section aria-labelledby="ticket-title" className="space-y-3 rounded-lg border-2 border-brand-700 bg-white p-4">
        <h2 id="ticket-title" className="text-lg font-bold">
          Kode tiket Anda
        </h2>
        <p className="break-all rounded-md bg-brand-50 p-3 text-center font-mono text-xl font-bold tracking-wider text-slate-900" data-testid="ticket-code">
          {ticket}
        </p>
        <p className="text-sm font-medium text-red-800">
          Kode ini hanya ditampilkan sekali dan tidak dapat dipulihkan. Siapa pun yang memegang kode ini dapat melihat
          perkembangan laporan Anda: simpan di tempat yang aman.
        </p>
        <div className="no-print flex flex-wrap gap-2">
          <a
            href={`data:text/plain;charset=utf-8,${encodeURIComponent(fileText)}`}
            download="kode-tiket-wbs.txt"
            className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white"
          >
            Unduh sebagai berkas teks
          </a>
          {scripted ? (
            <>
              <button type="button" onClick={copy} className="rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-800">
                Salin kode
              </button>
              <button
                type="button"
                onClick={() => window.print()}
                className="rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-800"
              >
                Cetak
              </button>
            </>
          ) : (
            <p className="text-sm text-slate-700">Anda juga dapat mencetak halaman ini atau menyalin kodenya secara manual.</p>
          )}
        </div>
        <p aria-live="polite" className="text-sm">
          {copied === 'ok' ? 'Kode tiket sudah disalin.' : copied === 'failed' ? 'Gagal menyalin; salin kode secara manual.' : ''}
        </p>
      </section>

      <section aria-labelledby="next-title" className="space-y-2">
        <h2 id="next-title" className="text-lg font-bold">
          Apa selanjutnya?
        </h2>
        <ol className="list-decimal space-y-1 pl-5">
          <li>Petugas memeriksa kelengkapan laporan Anda (unsur 4W1H dan bukti).</li>
          <li>
            Bila ada yang kurang, petugas mengajukan pertanyaan. Periksa halaman <strong>Cek Status</strong> secara berkala
            dan jawab di sana.
          </li>
          <li>Laporan yang lengkap ditelaah; Anda dapat dipanggil untuk klarifikasi. Jadwalnya tampil di Cek Status.</li>
          <li>Hasil akhir juga diumumkan kepada Anda di halaman Cek Status.</li>
        </ol>
      </section>

      <form action="/" method="get" onSubmit={() => setSaved(true)} className="no-print space-y-3 rounded-lg bg-slate-100 p-4">
        <label className="flex items-start gap-3">
          <input type="checkbox" required onChange={(e) => setSaved(e.currentTarget.checked)} className="mt-1 h-5 w-5" />
          <span className="font-medium">Saya sudah menyimpan kode tiket ini di tempat yang aman.</span>
        </label>
        <button type="submit" className="rounded-md bg-slate-900 px-4 py-2 font-semibold text-white">
          Selesai
        </button>
      </form>
    </div>
  );
}
