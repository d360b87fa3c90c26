import { TextField } from '@/components/forms/field';
import { buttonClass } from '@/components/officer/form-kit';
import { DateText } from '@/components/ui/date-text';
import type { RetentionOverview, RetentionPreview } from '@/lib/cases/retention';
import { RETENTION_MONTHS_MAX, RETENTION_MONTHS_MIN } from '@/lib/cases/retention-rules';
import { ConfirmRetentionForm, TurnOffRetentionForm } from './retention-forms';

/**
 * "Retensi isi kasus": the archive rules to check first, what backups keep, the policy
 * in force, the rotation reminder, and the preview (a GET form, so it works without
 * JavaScript and stores nothing) from which alone retention can be confirmed.
 */
export function RetentionSection({
  overview,
  typedMonths,
  previewError,
  preview,
}: {
  overview: RetentionOverview;
  typedMonths: string;
  previewError: string | null;
  preview: RetentionPreview | null;
}) {
  const { policy } = overview;
  const active = policy.months !== null && policy.confirmedAt !== null;
  return (
    <section id="retensi" aria-labelledby="retensi-judul" className="scroll-mt-4 space-y-4 rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
      <h2 id="retensi-judul" className="text-lg font-semibold text-slate-900">
        Retensi isi kasus
      </h2>
      <p className="text-slate-700">
        Hapus isi kasus sejumlah bulan setelah kasus ditutup (Selesai, Dilimpahkan, atau Tidak Dapat Ditindaklanjuti).
        Penghapusan memusnahkan kunci data kasus dan berkas buktinya: laporan, identitas pelapor, terlapor, percakapan,
        pemanggilan, catatan, dan ringkasan hasil tidak dapat dibaca lagi oleh siapa pun. Nomor kasus, kategori, tanggal,
        status, dan hasil penanganan tetap disimpan, sehingga statistik tidak berubah.
      </p>
      <div className="rounded-md border border-amber-600 bg-amber-50 p-3 text-slate-900">
        <p className="font-semibold">Periksa ketentuan kearsipan sebelum mengaktifkan</p>
        <p className="mt-1 text-sm">
          Berkas pengaduan adalah arsip. Undang-Undang Nomor 43 Tahun 2009 tentang Kearsipan dan Peraturan Pemerintah
          Nomor 28 Tahun 2012 mewajibkan arsip dimusnahkan hanya sesuai Jadwal Retensi Arsip (JRA) yang ditetapkan
          instansi, melalui prosedur pemusnahan arsip (penilaian, persetujuan pimpinan, dan berita acara). Tanyakan kepada
          unit kearsipan berapa lama arsip pengaduan wajib disimpan, dan apakah ada kasus yang masih diperlukan (misalnya
          sedang diproses APH atau Inspektorat). Masa simpan di sini tidak boleh lebih pendek dari JRA tersebut.
          Penghapusan tidak dapat dibatalkan.
        </p>
      </div>
      <div className="rounded-md border border-slate-300 bg-slate-50 p-3 text-sm text-slate-900">
        <p className="font-semibold">Cadangan (backup) yang dibuat sebelumnya</p>
        <p className="mt-1">
          Cadangan basis data yang dibuat sebelum penghapusan masih memuat kunci kasus dalam bentuk terbungkus
          (terenkripsi oleh kunci induk). Cadangan itu baru tidak dapat dibaca setelah kunci induk yang berlaku saat
          cadangan dibuat dirotasi (<code>npm run keys:rotate</code>) <strong>dan dimusnahkan</strong>. Karena itu, rotasi
          kunci induk setiap masa simpan dan musnahkan kunci yang lama.
        </p>
      </div>

      {overview.rotationReminder ? (
        <p role="status" className="rounded-md border border-red-700 bg-red-50 p-3 text-red-900" data-testid="rotation-reminder">
          <strong>Saatnya merotasi kunci induk.</strong>{' '}
          {overview.lastKeyRotationAt ? (
            <>
              Rotasi terakhir pada <DateText at={overview.lastKeyRotationAt} />, lebih dari {policy.months} bulan yang lalu.
            </>
          ) : (
            <>Kunci induk belum pernah dirotasi sejak retensi diaktifkan lebih dari {policy.months} bulan yang lalu.</>
          )}{' '}
          Minta administrator server menjalankan <code>npm run keys:rotate</code> (langkahnya di README) dan memusnahkan
          kunci yang lama, agar cadangan lama ikut tidak terbaca.
        </p>
      ) : null}

      <dl className="grid gap-x-6 gap-y-1 text-slate-800 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">Status</dt>
        <dd data-testid="retention-status">
          {active ? (
            <>
              Aktif: isi kasus dihapus {policy.months} bulan setelah kasus ditutup (dikonfirmasi pada{' '}
              <DateText at={policy.confirmedAt!} format="dateTime" zone />)
            </>
          ) : (
            'Tidak aktif: isi kasus disimpan tanpa batas waktu.'
          )}
        </dd>
        <dt className="font-semibold">Kasus yang isinya telah dihapus</dt>
        <dd>
          {overview.erasedTotal}
          {overview.lastErasedAt ? (
            <>
              {' '}
              (terakhir pada <DateText at={overview.lastErasedAt} format="dateTime" zone />)
            </>
          ) : null}
        </dd>
        <dt className="font-semibold">Rotasi kunci induk terakhir</dt>
        <dd>{overview.lastKeyRotationAt ? <DateText at={overview.lastKeyRotationAt} /> : 'Belum pernah'}</dd>
      </dl>
      <TurnOffRetentionForm active={active} />

      <form method="get" action="/petugas/admin/pengaturan#retensi" className="space-y-3" aria-label="Pratinjau retensi">
        <TextField
          id="retensi-bulan"
          name="retensi"
          label="Hapus isi kasus … bulan setelah kasus ditutup"
          hint={`Bilangan bulat ${RETENTION_MONTHS_MIN}–${RETENTION_MONTHS_MAX}. Pratinjau menunjukkan kasus mana yang akan dihapus; belum ada yang berubah sampai Anda mengonfirmasi.`}
          inputMode="numeric"
          defaultValue={typedMonths || (policy.months !== null ? String(policy.months) : '')}
          error={previewError ?? undefined}
        />
        <button type="submit" className={buttonClass.secondary}>
          Tampilkan pratinjau
        </button>
      </form>

      {preview ? (
        <div className="space-y-3 rounded-md border border-slate-400 p-3" data-testid="retention-preview">
          <h3 className="font-semibold text-slate-900">Pratinjau: {preview.months} bulan setelah kasus ditutup</h3>
          <p>
            Penghapusan berikutnya (paling lambat satu jam setelah konfirmasi) menghapus isi{' '}
            <strong data-testid="retention-due-now">{preview.dueNow} kasus</strong>. Dalam 30 hari berikutnya menyusul{' '}
            {preview.dueWithin30Days} kasus lagi.
          </p>
          {preview.cases.length > 0 ? (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Kasus yang akan dihapus isinya</caption>
                <thead>
                  <tr>
                    <th scope="col" className="py-1 pr-3">Nomor kasus</th>
                    <th scope="col" className="py-1 pr-3">Kategori</th>
                    <th scope="col" className="py-1 pr-3">Ditutup</th>
                    <th scope="col" className="py-1 pr-3">Dihapus sejak</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.cases.map((item) => (
                    <tr key={item.caseNumber} className="border-t border-slate-200">
                      <td className="py-1 pr-3">{item.caseNumber}</td>
                      <td className="py-1 pr-3">{item.category ?? '—'}</td>
                      <td className="py-1 pr-3">
                        <DateText at={item.closedAt} />
                      </td>
                      <td className="py-1 pr-3">
                        <DateText at={item.eraseAt} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {preview.dueNow > preview.cases.length ? (
                <p className="text-sm text-slate-700">
                  Ditampilkan {preview.cases.length} kasus tertua dari {preview.dueNow}.
                </p>
              ) : null}
            </div>
          ) : null}
          <ConfirmRetentionForm months={preview.months} dueNow={preview.dueNow} />
        </div>
      ) : null}
    </section>
  );
}
