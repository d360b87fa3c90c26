'use client';

import { useActionState } from 'react';
import { TextAreaField } from '@/components/forms/field';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import type { FormState } from '@/lib/forms';

const INITIAL: FormState = { status: 'idle' };

export type SummonsResponseAction = (previous: FormState, formData: FormData) => Promise<FormState>;

const CHOICES = [
  { value: 'confirm', label: 'Saya akan hadir sesuai jadwal' },
  { value: 'decline', label: 'Saya tidak dapat hadir' },
  { value: 'another_time', label: 'Saya meminta waktu lain (tuliskan alasan dan usulan waktu)' },
  { value: 'written', label: 'Saya menjawab agenda secara tertulis, tanpa hadir' },
] as const;

/**
 * The reporter's response to one summons, on /status: a plain form posting to a server
 * action (works without JavaScript; its permalink brings the browser back to this card).
 * Nothing here asks for a name, phone or address.
 */
export function SummonsResponseForm({ action, summonsId }: { action: SummonsResponseAction; summonsId: number }) {
  const anchor = `undangan-${summonsId}`;
  const [state, formAction] = useActionState(action, INITIAL, `/status#${anchor}`);
  const values = state.status === 'error' ? state.values : {};
  const errors = state.status === 'error' ? state.fieldErrors : {};
  const kindError = errors.kind;
  return (
    <form action={formAction} noValidate className="mt-3 space-y-3" aria-label="Tanggapi undangan klarifikasi">
      <input type="hidden" name="summonsId" value={summonsId} />
      <FormMessage state={state} />
      <fieldset className="space-y-2" aria-describedby={kindError ? `${anchor}-kind-error` : undefined}>
        <legend className="font-semibold text-slate-900">
          Tanggapan Anda<span className="font-normal text-slate-600"> (wajib)</span>
        </legend>
        {kindError ? (
          <p id={`${anchor}-kind-error`} className="text-sm font-medium text-red-700">
            {kindError}
          </p>
        ) : null}
        {/* Remounted with the typed choice, so a refused post keeps it. */}
        <div key={values.kind ?? ''} className="space-y-2">
          {CHOICES.map((choice) => (
            <label key={choice.value} className="flex min-h-11 items-start gap-3 rounded-md border border-slate-300 bg-white px-3 py-2">
              <input type="radio" name="kind" value={choice.value} defaultChecked={values.kind === choice.value} className="mt-0.5 h-5 w-5 shrink-0" />
              <span>{choice.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <TextAreaField
        id={`${anchor}-body`}
        name="body"
        rows={4}
        maxLength={5000}
        label="Alasan atau jawaban tertulis"
        hint="Wajib bila meminta waktu lain atau menjawab secara tertulis. Jangan menuliskan nama atau nomor telepon Anda bila ingin tetap anonim."
        defaultValue={values.body}
        error={errors.body}
      />
      <SubmitButton label="Kirim Tanggapan" pendingLabel="Mengirim…" />
    </form>
  );
}
