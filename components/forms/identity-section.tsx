import { LIMITS } from '@/lib/cases/report-fields';
import { TextAreaField, TextField } from './field';

/**
 * Reporter identity: anonymous by default. The identity fields hide with CSS alone
 * (:has) while "anonim" is chosen, so the choice works without JavaScript; the server
 * discards anything typed there when the report is anonymous.
 */
export function IdentitySection({ values, errors }: { values: Record<string, string>; errors: Record<string, string> }) {
  const identified = values.anonymous === 'no';
  return (
    <fieldset className="space-y-4 rounded-lg border border-slate-300 bg-white p-4">
      <legend className="px-1 text-lg font-bold">1. Identitas Pelapor</legend>
      <div role="radiogroup" aria-labelledby="anonymous-label" className="space-y-2">
        <p id="anonymous-label" className="font-semibold">
          Bagaimana Anda ingin mengirim laporan?
        </p>
        <label className="flex items-start gap-3 rounded-md border border-slate-300 p-3">
          <input
            type="radio"
            id="anonymous-yes"
            name="anonymous"
            value="yes"
            defaultChecked={!identified}
            className="mt-1 h-5 w-5"
          />
          <span>
            <span className="font-semibold">Kirim secara anonim</span>
            <span className="block text-sm text-slate-700">
              Identitas Anda tidak dicatat. Anda mengikuti laporan hanya dengan kode tiket.
            </span>
          </span>
        </label>
        <label className="flex items-start gap-3 rounded-md border border-slate-300 p-3">
          <input
            type="radio"
            id="anonymous-no"
            name="anonymous"
            value="no"
            defaultChecked={identified}
            className="mt-1 h-5 w-5"
          />
          <span>
            <span className="font-semibold">Cantumkan identitas saya</span>
            <span className="block text-sm text-slate-700">
              Identitas disimpan terenkripsi dan dirahasiakan. Petugas hanya dapat membukanya dengan alasan tertulis yang
              tercatat.
            </span>
          </span>
        </label>
      </div>

      <div className="identity-fields space-y-4">
        <p className="text-sm text-slate-700">Diisi hanya bila Anda memilih mencantumkan identitas.</p>
        <TextField
          id="reporterName"
          name="reporterName"
          autoComplete="name"
          maxLength={LIMITS.name}
          label="Nama lengkap"
          defaultValue={values.reporterName}
          error={errors.reporterName}
        />
        <TextField
          id="reporterPhone"
          name="reporterPhone"
          type="tel"
          autoComplete="tel"
          inputMode="tel"
          maxLength={LIMITS.phone}
          label="Nomor telepon / WhatsApp"
          hint="Isi telepon atau email agar petugas dapat menghubungi Anda."
          defaultValue={values.reporterPhone}
          error={errors.reporterPhone}
        />
        <TextField
          id="reporterEmail"
          name="reporterEmail"
          type="email"
          autoComplete="email"
          maxLength={LIMITS.email}
          label="Email"
          defaultValue={values.reporterEmail}
          error={errors.reporterEmail}
        />
        <TextAreaField
          id="reporterAddress"
          name="reporterAddress"
          rows={2}
          autoComplete="street-address"
          maxLength={LIMITS.address}
          label="Alamat"
          defaultValue={values.reporterAddress}
          error={errors.reporterAddress}
        />
        <label className="flex items-start gap-3">
          <input
            type="checkbox"
            id="emailConsent"
            name="emailConsent"
            defaultChecked={values.emailConsent === 'on'}
            aria-describedby={errors.emailConsent ? 'emailConsent-error' : undefined}
            className="mt-1 h-5 w-5"
          />
          <span className="text-sm">
            Kirimkan pemberitahuan singkat ke email saya bila ada pembaruan. Saya memahami bahwa orang lain yang dapat membuka
            email saya akan mengetahui bahwa saya membuat laporan. Isi laporan tidak pernah dikirim lewat email.
          </span>
        </label>
      </div>
    </fieldset>
  );
}
