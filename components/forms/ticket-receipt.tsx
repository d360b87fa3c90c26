'use client';

import { Fragment, useEffect, useState, useSyncExternalStore } from 'react';

const subscribeNever = () => () => {};

export type ReceiptNotice = 'kosong' | 'salah' | 'peringatan';

const NOTICES: Record<ReceiptNotice, string> = {
  kosong: 'Ketik empat karakter terakhir kode tiket Anda untuk menunjukkan bahwa kode sudah Anda simpan.',
  salah: 'Karakter yang Anda ketik tidak sama dengan kelompok terakhir kode tiket. Periksa catatan Anda dan coba lagi.',
  peringatan:
    'Anda belum menunjukkan bahwa kode tiket sudah tersimpan. Setelah halaman ini ditutup, kode tidak dapat ditampilkan lagi, dan tanpa kode Anda tidak dapat mengikuti laporan atau menjawab pertanyaan petugas.',
};

/**
 * The ticket code in its groups: each group (with its dash) never breaks, and a line may
 * wrap only between groups, so a 360 px phone never shows "…73EH / -A2B3".
 */
export function TicketCode({ ticket, className = '' }: { ticket: string; className?: string }) {
  const groups = ticket.split('-');
  return (
    <p className={className} data-testid="ticket-code">
      {groups.map((group, index) => (
        // The break opportunity sits between the groups, outside the nowrap spans: a hyphen
        // before a digit is no break opportunity by itself.
        <Fragment key={index}>
          <span data-testid="ticket-group" className="whitespace-nowrap">
            {group}
            {index < groups.length - 1 ? '-' : ''}
          </span>
          {index < groups.length - 1 ? <wbr /> : null}
        </Fragment>
      ))}
    </p>
  );
}

/**
 * The one time the ticket is shown. Download works without JavaScript (a data: link);
 * copy and print appear once JavaScript runs. The reporter leads on only by typing the
 * code's last group back (a plain form post, JavaScript off too) or, after a plain
 * warning, by choosing to leave anyway; with JavaScript, closing the tab asks first.
 */
export function TicketReceipt({ ticket, notice }: { ticket: string; notice?: ReceiptNotice }) {
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
        <TicketCode ticket={ticket} className="rounded-md bg-brand-50 p-3 text-center font-mono text-xl font-bold tracking-wider text-slate-900" />
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

      <form
        id="konfirmasi"
        method="post"
        action="/lapor/terkirim/konfirmasi"
        onSubmit={() => setSaved(true)}
        noValidate
        aria-labelledby="konfirmasi-judul"
        className="no-print scroll-mt-4 space-y-3 rounded-lg border-2 border-slate-400 bg-slate-100 p-4"
      >
        <h2 id="konfirmasi-judul" className="text-lg font-bold">
          Sebelum meninggalkan halaman ini
        </h2>
        {notice ? (
          <p role="alert" className={`rounded-md border-2 px-3 py-2 font-medium ${notice === 'peringatan' ? 'border-amber-600 bg-amber-50 text-amber-950' : 'border-red-700 bg-red-50 text-red-900'}`}>
            {NOTICES[notice]}
          </p>
        ) : null}
        <div className="space-y-1">
          <label htmlFor="lastGroup" className="block font-semibold">
            Ketik empat karakter terakhir kode tiket Anda
          </label>
          <p id="lastGroup-hint" className="text-sm text-slate-700">
            Dari catatan atau berkas yang Anda simpan, untuk memastikan kode sudah tersimpan dengan benar.
          </p>
          <input
            id="lastGroup"
            name="lastGroup"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={9}
            aria-describedby="lastGroup-hint"
            aria-invalid={notice === 'kosong' || notice === 'salah' ? true : undefined}
            className="block w-32 rounded-md border border-slate-500 bg-white px-3 py-2 font-mono text-lg uppercase tracking-wider"
          />
        </div>
        <button type="submit" name="intent" value="confirm" className="inline-flex min-h-11 w-full items-center justify-center rounded-md bg-slate-900 px-4 py-2 font-semibold text-white sm:w-auto">
          Saya sudah menyimpan kode tiket
        </button>
        <div className="border-t border-slate-300 pt-3">
          <button type="submit" name="intent" value="leave" className="min-h-11 text-left font-semibold text-slate-800 underline underline-offset-2">
            {notice === 'peringatan' ? 'Tetap keluar tanpa menyimpan kode' : 'Keluar tanpa konfirmasi'}
          </button>
        </div>
      </form>
    </div>
  );
}
