import type { TotpEnrolment } from '@/lib/auth/account';
import { BeginTotpForm, ConfirmTotpForm, DisableTotpForm } from './forms';

/**
 * Two-step verification for the signed-in officer: off → enrolment in progress (the
 * secret as text and QR code, confirmed with a code) → on. Used by /petugas/akun and
 * /petugas/aktivasi. The secret is shown only to its owner while enrolment is open.
 */
export function TotpSection({
  enabled,
  pending,
  requiredByOffice,
  permalink,
  next,
}: {
  enabled: boolean;
  pending: TotpEnrolment | null;
  requiredByOffice: boolean;
  permalink: string;
  next?: string;
}) {
  if (enabled) {
    return (
      <div className="space-y-4">
        <p>
          Status: <strong className="text-green-800">aktif</strong>. Setiap kali masuk, Anda memasukkan kode dari
          aplikasi autentikator di ponsel Anda.
        </p>
        {requiredByOffice ? (
          <p className="text-sm text-slate-600">Kantor mewajibkan verifikasi dua langkah, sehingga tidak dapat dinonaktifkan.</p>
        ) : (
          <details className="rounded-md border border-slate-300 p-3">
            <summary className="cursor-pointer font-semibold">Nonaktifkan verifikasi dua langkah</summary>
            <div className="mt-3">
              <DisableTotpForm permalink={permalink} />
            </div>
          </details>
        )}
      </div>
    );
  }

  if (!pending) {
    return (
      <div className="space-y-4">
        <p>
          Status: <strong>belum aktif</strong>.{' '}
          {requiredByOffice
            ? 'Kantor mewajibkan verifikasi dua langkah untuk semua petugas.'
            : 'Verifikasi dua langkah melindungi akun Anda bila kata sandi diketahui orang lain.'}
        </p>
        <p className="text-sm text-slate-700">
          Anda memerlukan aplikasi autentikator di ponsel, misalnya Google Authenticator, Microsoft Authenticator,
          Aegis, atau FreeOTP.
        </p>
        <BeginTotpForm permalink={permalink} />
      </div>
    );
  }

  return (
    <div className="space-y-5">
      <p>
        Status: <strong>menunggu konfirmasi</strong>. Selesaikan tiga langkah berikut.
      </p>
      <section aria-labelledby="totp-langkah-1" className="space-y-2">
        <h3 id="totp-langkah-1" className="font-semibold">
          1. Tambahkan akun di aplikasi autentikator
        </h3>
        <p className="text-sm text-slate-700">Pindai kode QR ini dengan aplikasi, atau ketik kode rahasia di bawahnya.</p>
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL, nothing to optimise */}
        <img
          src={pending.qrDataUrl}
          alt="Kode QR untuk aplikasi autentikator (isi yang sama dengan kode rahasia di bawah)"
          width={200}
          height={200}
          className="rounded border border-slate-300 bg-white"
        />
      </section>
      <section aria-labelledby="totp-langkah-2" className="space-y-2">
        <h3 id="totp-langkah-2" className="font-semibold">
          2. Atau ketik kode rahasia secara manual
        </h3>
        <p className="text-sm text-slate-700">Pilih jenis &ldquo;berbasis waktu&rdquo; (TOTP), 6 digit, 30 detik.</p>
        <p>
          <code className="inline-block rounded bg-slate-100 px-3 py-2 font-mono text-lg tracking-wider break-all select-all">
            {pending.secretForDisplay}
          </code>
        </p>
        <details className="text-sm">
          <summary className="cursor-pointer">Tampilkan alamat otpauth</summary>
          <p className="mt-2 font-mono break-all select-all">{pending.uri}</p>
        </details>
        <p className="text-sm text-slate-600">
          Jangan bagikan kode rahasia ini kepada siapa pun, termasuk administrator.
        </p>
      </section>
      <section aria-labelledby="totp-langkah-3" className="space-y-2">
        <h3 id="totp-langkah-3" className="font-semibold">
          3. Masukkan kode yang tampil di aplikasi
        </h3>
        <ConfirmTotpForm permalink={permalink} next={next} />
      </section>
      <BeginTotpForm permalink={permalink} restart />
    </div>
  );
}
