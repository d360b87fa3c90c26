'use client';

import { useActionState, useState, type FormEvent } from 'react';
import type { ReportFormState } from '@/lib/forms';
import { LIMITS, MAX_PARTIES, partyField } from '@/lib/cases/report-fields';
import { assessCompleteness } from '@/lib/cases/completeness';
import { TextAreaField, TextField } from './field';
import { CompletenessHint } from './completeness-hint';
import { EvidenceInput, type EvidenceLimitsView, type UploadWait } from './evidence-input';
import { FormMessage } from './form-message';
import { IdentitySection } from './identity-section';
import { SubmitButton } from './submit-button';

type Props = {
  /** The page passes the server action in, so components never import from app/. */
  action: (previous: ReportFormState, formData: FormData) => Promise<ReportFormState>;
  categories: { slug: string; label: string }[];
  limits: EvidenceLimitsView;
};

const INITIAL: ReportFormState = { status: 'idle' };

/**
 * The report form. A plain multipart POST to a server action, so it works before any
 * JavaScript arrives; with JavaScript it adds the live completeness hint and a file
 * check before sending.
 */
export function ReportForm({ action, categories, limits }: Props) {
  const [state, formAction] = useActionState(action, INITIAL, '/lapor');
  const values = state.status === 'error' ? state.values : {};
  const errors = state.status === 'error' ? state.fieldErrors : {};
  const [evidenceCount, setEvidenceCount] = useState(0);
  const [uploadWait, setUploadWait] = useState<UploadWait>({ uploading: 0, failed: 0 });
  const [completeness, setCompleteness] = useState(() => assessFrom(values, 0));

  function onFormInput(event: FormEvent<HTMLFormElement>) {
    setCompleteness(assessFrom(Object.fromEntries(textEntries(new FormData(event.currentTarget))), evidenceCount));
  }

  const errorList = Object.entries(errors);
  const extraPartiesUsed = Array.from({ length: MAX_PARTIES - 1 }, (_, i) => i + 1).some(
    (i) => values[partyField(i, 'Name')] || values[partyField(i, 'Position')] || errors[partyField(i, 'Name')],
  );

  return (
    <form action={formAction} noValidate onInput={onFormInput} className="space-y-8" aria-describedby="form-status">
      <FormMessage id="form-status" state={state}>
        {state.status === 'error' ? (
          <>
            {errorList.length > 0 ? (
              <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
                {errorList.map(([field, message]) => (
                  <li key={field}>
                    <a className="underline" href={`#${field}`}>
                      {message}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
            {state.filesChosen > 0 ? (
              <p className="mt-2 text-sm">
                Demi keamanan, browser tidak menyimpan berkas yang sudah dipilih: pilih ulang {state.filesChosen} berkas
                bukti Anda sebelum mengirim lagi.
              </p>
            ) : null}
          </>
        ) : null}
      </FormMessage>

      <IdentitySection values={values} errors={errors} />

      <fieldset className="space-y-4 rounded-lg border border-slate-300 bg-white p-4">
        <legend className="px-1 text-lg font-bold">2. Identitas Terlapor</legend>
        <p className="text-sm text-slate-700">Orang yang Anda laporkan. Isi minimal nama atau jabatannya.</p>
        <PartyFields index={0} values={values} errors={errors} />
        <details open={extraPartiesUsed} className="rounded-md bg-slate-50 p-3">
          <summary className="cursor-pointer font-semibold text-brand-700">Tambah terlapor lain (opsional)</summary>
          <div className="mt-3 space-y-6">
            {Array.from({ length: MAX_PARTIES - 1 }, (_, i) => (
              <PartyFields key={i + 1} index={i + 1} values={values} errors={errors} />
            ))}
          </div>
        </details>
      </fieldset>

      <fieldset className="space-y-4 rounded-lg border border-slate-300 bg-white p-4">
        <legend className="px-1 text-lg font-bold">3. Unsur Pengaduan (4W1H)</legend>
        <div className="space-y-1">
          <label htmlFor="category" className="block font-semibold">
            Kategori pelanggaran <span className="font-normal text-slate-600">(wajib)</span>
          </label>
          {errors.category ? (
            <p id="category-error" className="text-sm font-medium text-red-700">
              {errors.category}
            </p>
          ) : null}
          <select
            // Remount on each result: React's form reset would otherwise fall back to
            // the first render's choice instead of what the reporter picked.
            key={`category-${values.category ?? ''}`}
            id="category"
            name="category"
            required
            defaultValue={values.category ?? ''}
            aria-invalid={errors.category ? true : undefined}
            aria-describedby={errors.category ? 'category-error' : undefined}
            className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base"
          >
            <option value="">— Pilih kategori —</option>
            {categories.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <TextAreaField
          id="what"
          name="what"
          rows={5}
          required
          maxLength={LIMITS.what.max}
          label="What — Perbuatan berindikasi pelanggaran yang diketahui"
          hint="Apa yang terjadi? Sebutkan nilai uang atau barang bila ada."
          defaultValue={values.what}
          error={errors.what}
        />
        <TextField
          id="where"
          name="where"
          required
          maxLength={LIMITS.where.max}
          label="Where — Di mana perbuatan tersebut dilakukan"
          hint="Kantor, ruangan, atau lokasi kejadian."
          defaultValue={values.where}
          error={errors.where}
        />
        <TextField
          id="whenText"
          name="whenText"
          required
          maxLength={LIMITS.whenText.max}
          label="When — Kapan perbuatan tersebut dilakukan"
          hint='Perkiraan juga boleh, misalnya "setiap awal bulan sejak Januari 2026".'
          defaultValue={values.whenText}
          error={errors.whenText}
        />
        <TextField
          id="whenDate"
          name="whenDate"
          type="date"
          label="Tanggal kejadian"
          hint="Bila Anda mengetahui tanggal pastinya."
          defaultValue={values.whenDate}
          error={errors.whenDate}
        />
        <TextAreaField
          id="who"
          name="who"
          rows={3}
          required
          maxLength={LIMITS.who.max}
          label="Who — Siapa saja yang terlibat dalam perbuatan tersebut"
          hint='Pihak lain yang terlibat atau mengetahui. Tulis "tidak ada" bila tidak ada.'
          defaultValue={values.who}
          error={errors.who}
        />
        <TextAreaField
          id="how"
          name="how"
          rows={5}
          required
          maxLength={LIMITS.how.max}
          label="How — Bagaimana perbuatan tersebut dilakukan"
          hint="Modus, cara, atau urutan kejadiannya."
          defaultValue={values.how}
          error={errors.how}
        />
      </fieldset>

      <EvidenceInput limits={limits} error={errors.evidence} onCountChange={setEvidenceCount} onWaitChange={setUploadWait} />

      {/* Honeypot: invisible to people and assistive technology, filled only by bots. */}
      <div className="hidden">
        <label htmlFor="website">Situs web</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <CompletenessHint items={completeness.map((item) => (item.key === 'evidence' ? { ...item, ok: evidenceCount > 0 } : item))} />

      <SubmitButton
        label="Kirim Laporan"
        pendingLabel="Mengirim laporan…"
        // Sent once the files are in: a report without the evidence its reporter chose would mislead.
        waitingLabel={
          uploadWait.uploading > 0
            ? 'Menunggu berkas selesai diunggah…'
            : uploadWait.failed > 0
              ? 'Kirim ulang atau hapus berkas yang gagal dahulu'
              : undefined
        }
      />
    </form>
  );
}

function PartyFields({ index, values, errors }: { index: number; values: Record<string, string>; errors: Record<string, string> }) {
  const n = index + 1;
  return (
    <div className="space-y-3">
      {index > 0 ? <p className="font-semibold">Terlapor {n}</p> : null}
      <TextField
        id={partyField(index, 'Name')}
        name={partyField(index, 'Name')}
        maxLength={LIMITS.partyField}
        label={`Nama terlapor${index > 0 ? ` ${n}` : ''}`}
        defaultValue={values[partyField(index, 'Name')]}
        error={errors[partyField(index, 'Name')]}
      />
      <TextField
        id={partyField(index, 'Position')}
        name={partyField(index, 'Position')}
        maxLength={LIMITS.partyField}
        label={`Jabatan${index > 0 ? ` terlapor ${n}` : ''}`}
        defaultValue={values[partyField(index, 'Position')]}
        error={errors[partyField(index, 'Position')]}
      />
      <TextField
        id={partyField(index, 'WorkUnit')}
        name={partyField(index, 'WorkUnit')}
        maxLength={LIMITS.partyField}
        label={`Unit kerja${index > 0 ? ` terlapor ${n}` : ''}`}
        defaultValue={values[partyField(index, 'WorkUnit')]}
        error={errors[partyField(index, 'WorkUnit')]}
      />
    </div>
  );
}

function textEntries(formData: FormData): [string, string][] {
  return [...formData.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string');
}

function assessFrom(values: Record<string, string>, evidenceCount: number) {
  const partyNamed = Array.from({ length: MAX_PARTIES }, (_, i) => i).some(
    (i) => (values[partyField(i, 'Name')] ?? '').trim() !== '' || (values[partyField(i, 'Position')] ?? '').trim() !== '',
  );
  return assessCompleteness({
    what: values.what ?? '',
    where: values.where ?? '',
    whenText: values.whenText ?? '',
    whenDate: values.whenDate,
    who: values.who ?? '',
    how: values.how ?? '',
    partyNamed,
    evidenceCount,
  });
}
