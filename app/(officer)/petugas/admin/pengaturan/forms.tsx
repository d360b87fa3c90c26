'use client';

import { useActionState, type ReactNode } from 'react';
import { TextField } from '@/components/forms/field';
import { fieldError, FormMessage, Submit } from '@/components/officer/form-kit';
import type { SettingsFormField } from '@/lib/admin/settings';
import type { ActionState } from '@/lib/auth/session';
import { DEADLINE_DAY_COUNTS, type DeadlineSettingKey } from '@/lib/cases/deadlines';
import { IDLE } from '@/lib/forms';
import { saveSettingsAction } from './actions';

/*
 * The settings form. It posts without JavaScript (permalink); after a refused post every
 * field shows what was typed and its own message. The values the page passes are the
 * stored settings in the form's units (megabytes, days).
 */

const PERMALINK = '/petugas/admin/pengaturan#pengaturan';

type Values = Record<SettingsFormField, string>;

function Fieldset({ legend, description, children }: { legend: string; description?: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="space-y-4 rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
      <legend className="px-1 text-lg font-semibold text-slate-900">{legend}</legend>
      {description ? <p className="text-sm text-slate-700">{description}</p> : null}
      {children}
    </fieldset>
  );
}

function Checkbox({
  name,
  label,
  hint,
  checked,
  error,
}: {
  name: SettingsFormField;
  label: string;
  hint: ReactNode;
  checked: boolean;
  error?: string;
}) {
  const id = `setting-${name}`;
  return (
    <div className="flex items-start gap-3">
      <input
        // Remounted when the value to show changes, so a form reset lands on it.
        key={String(checked)}
        id={id}
        type="checkbox"
        name={name}
        defaultChecked={checked}
        aria-describedby={`${id}-hint`}
        aria-invalid={error ? true : undefined}
        className="mt-1 size-5 shrink-0 accent-brand-700"
      />
      <div>
        <label htmlFor={id} className="font-semibold text-slate-900">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
        {error ? <p className="text-sm font-medium text-red-700">{error}</p> : null}
      </div>
    </div>
  );
}

const DEADLINES: { name: DeadlineSettingKey; label: string; hint: string }[] = [
  { name: 'verificationStartDays', label: 'Batas mulai verifikasi', hint: 'Sejak laporan diterima sampai petugas mulai memverifikasi.' },
  { name: 'firstAnswerDays', label: 'Batas jawaban pertama kepada pelapor', hint: 'Sejak laporan diterima.' },
  { name: 'infoRequestDays', label: 'Batas jawaban pelapor atas permintaan kelengkapan', hint: 'Tenggat bawaan yang diusulkan saat petugas meminta kelengkapan.' },
  { name: 'conclusionDays', label: 'Batas penyelesaian', hint: 'Sejak laporan dinyatakan lengkap sampai kasus diselesaikan.' },
];

const DAY_UNIT = { working: 'hari kerja', calendar: 'hari kalender' } as const;

export function SettingsForm({ stored, maxBodyMb }: { stored: Values; maxBodyMb: number }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(saveSettingsAction, IDLE, PERMALINK);
  const refused = state.status === 'error';
  /** What to show in a field: the typed value after a refused post, else the stored one. */
  const value = (name: SettingsFormField) => (refused ? (state.values[name] ?? '') : stored[name]);
  const checked = (name: SettingsFormField) => value(name) === 'on';
  const text = (name: SettingsFormField) => ({
    id: `setting-${name}`,
    name,
    defaultValue: value(name),
    error: fieldError(state, name),
  });

  return (
    <form action={formAction} id="pengaturan" className="scroll-mt-4 space-y-6" noValidate aria-labelledby="pengaturan-judul">
      <FormMessage state={state} />

      <Fieldset legend="Identitas kantor" description="Ditampilkan di halaman publik, pada kop surat panggilan, dan di email.">
        <TextField {...text('officeName')} label="Nama kantor" required maxLength={150} autoComplete="organization" />
        <TextField {...text('parentOrganisation')} label="Instansi induk" required maxLength={150} />
        <TextField {...text('officeAddress')} label="Alamat kantor" required maxLength={250} autoComplete="street-address" />
        <TextField
          {...text('officePhone')}
          type="tel"
          label="Nomor telepon"
          hint="Misalnya (0380) 827738. Kosongkan bila tidak ingin ditampilkan."
          maxLength={40}
          autoComplete="tel"
        />
        <TextField
          {...text('officeEmail')}
          type="email"
          label="Email kantor"
          hint="Alamat yang dapat dihubungi masyarakat. Kosongkan bila tidak ingin ditampilkan."
          maxLength={200}
          spellCheck={false}
        />
        <TextField
          {...text('letterPlace')}
          label="Tempat surat"
          hint="Kota tempat surat panggilan ditandatangani, misalnya Kupang. Tercetak sebelum tanggal surat."
          required
          maxLength={60}
          autoComplete="address-level2"
        />
        <TextField
          {...text('referralInspectorate')}
          label="Inspektorat tujuan pelimpahan"
          hint="Nama inspektorat yang dapat dipilih saat kasus dilimpahkan, misalnya Inspektorat Daerah Provinsi NTT. Nama ini juga disampaikan kepada pelapor."
          required
          maxLength={150}
        />
      </Fieldset>

      <Fieldset
        legend="Batas berkas bukti"
        description="Berlaku untuk laporan baru dan untuk berkas yang dilampirkan pelapor saat menjawab permintaan kelengkapan."
      >
        <TextField
          {...text('maxFiles')}
          type="number"
          inputMode="numeric"
          min={1}
          max={20}
          step={1}
          label="Jumlah berkas paling banyak per kiriman"
          hint="Antara 1 dan 20 berkas."
          required
          className="sm:max-w-40"
        />
        <TextField
          {...text('maxFileMb')}
          inputMode="decimal"
          label="Ukuran paling besar per berkas (MB)"
          hint="Antara 1 dan ukuran total per kiriman; boleh satu angka desimal, misalnya 2,5."
          required
          className="sm:max-w-40"
        />
        <TextField
          {...text('maxSubmissionMb')}
          inputMode="decimal"
          label="Ukuran total paling besar per kiriman (MB)"
          hint={
            <>
              Paling besar {maxBodyMb} MB: server menolak kiriman yang lebih besar dari {maxBodyMb} MB, termasuk isian
              teks laporan. Sisakan sedikit ruang, misalnya {Math.max(1, maxBodyMb - 2)} MB; untuk batas yang lebih besar,
              mintalah pengelola server menaikkan batas ukuran kiriman server terlebih dahulu.
            </>
          }
          required
          className="sm:max-w-40"
        />
        <TextField
          {...text('maxCaseFilesPerDay')}
          type="number"
          inputMode="numeric"
          min={1}
          max={1000}
          step={1}
          label="Jumlah berkas paling banyak per laporan per hari (pesan dan jawaban pelapor)"
          hint="Antara 1 dan 1000 berkas. Membatasi pengiriman berkas berulang ke satu laporan."
          required
          className="sm:max-w-40"
        />
        <TextField
          {...text('maxCaseMbPerDay')}
          inputMode="decimal"
          label="Ukuran berkas paling besar per laporan per hari (MB)"
          hint="Antara 1 dan 10000 MB; boleh satu angka desimal."
          required
          className="sm:max-w-40"
        />
      </Fieldset>

      <Fieldset
        legend="Tenggat penanganan"
        description="Antara 1 dan 365 hari. Hari kerja tidak menghitung Sabtu, Minggu, hari libur nasional, dan hari libur kantor. Tenggat baru berlaku untuk perhitungan berikutnya; tenggat kasus yang sudah berjalan diperbarui saat kasus berpindah tahap."
      >
        {DEADLINES.map((deadline) => (
          <TextField
            key={deadline.name}
            {...text(deadline.name)}
            type="number"
            inputMode="numeric"
            min={1}
            max={365}
            step={1}
            label={`${deadline.label} (${DAY_UNIT[DEADLINE_DAY_COUNTS[deadline.name]]})`}
            hint={deadline.hint}
            required
            className="sm:max-w-40"
          />
        ))}
      </Fieldset>

      <Fieldset legend="Keamanan dan kerahasiaan">
        <Checkbox
          name="requireTotp"
          label="Wajibkan verifikasi dua langkah untuk semua petugas"
          hint="Petugas yang belum mengaktifkannya, termasuk Anda, diminta mendaftarkan aplikasi autentikator sebelum dapat membuka halaman petugas berikutnya."
          checked={checked('requireTotp')}
          error={fieldError(state, 'requireTotp')}
        />
        <Checkbox
          name="identityViewNeedsApproval"
          label="Akses identitas pelapor memerlukan persetujuan administrator"
          hint="Bila dicentang, permintaan petugas untuk membuka identitas pelapor menunggu keputusan administrator di halaman Permintaan Identitas."
          checked={checked('identityViewNeedsApproval')}
          error={fieldError(state, 'identityViewNeedsApproval')}
        />
      </Fieldset>

      <Fieldset legend="Email">
        <TextField
          {...text('emailFrom')}
          label="Alamat pengirim email"
          hint="Misalnya WBS Biro Umum <wbs@nttprov.go.id>. Bila email dikirim melalui Resend, domainnya harus sudah diverifikasi di sana."
          required
          maxLength={200}
          spellCheck={false}
        />
      </Fieldset>

      <Submit label="Simpan pengaturan" pending={pending} />
    </form>
  );
}
