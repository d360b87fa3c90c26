'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/forms';
import { ACCEPT_ATTRIBUTE, ALLOWED_TYPES_TEXT, METADATA_CLEANED_TEXT, METADATA_NOT_CLEANED_TEXT } from '@/lib/storage/evidence-types';
import { TextAreaField } from './field';
import { FormMessage } from './form-message';
import { SubmitButton } from './submit-button';

const INITIAL: FormState = { status: 'idle' };

export type ReporterReplyAction = (previous: FormState, formData: FormData) => Promise<FormState>;

/**
 * The reporter's answer to an information request, or a message to the officers:
 * text and optional files, posted to the server action the page passes in, working
 * without JavaScript.
 */
export function ReporterReplyForm({
  kind,
  action,
  infoRequestId,
}: {
  kind: 'answer' | 'message';
  action: ReporterReplyAction;
  infoRequestId?: number;
}) {
  const [state, formAction] = useActionState(action, INITIAL, '/status');
  const prefix = kind === 'answer' ? `answer-${infoRequestId}` : 'message';
  const values = state.status === 'error' ? state.values : {};
  const errors = state.status === 'error' ? state.fieldErrors : {};
  return (
    <form action={formAction} noValidate className="mt-3 space-y-3" aria-label={kind === 'answer' ? 'Jawab permintaan kelengkapan' : 'Kirim pesan kepada petugas'}>
      {infoRequestId ? <input type="hidden" name="infoRequestId" value={infoRequestId} /> : null}
      <FormMessage state={state}>
        {state.status === 'error' ? <p className="text-sm">Bila Anda melampirkan berkas, pilih ulang berkasnya.</p> : null}
      </FormMessage>
      <TextAreaField
        id={`${prefix}-body`}
        name="body"
        rows={4}
        required
        maxLength={5000}
        label={kind === 'answer' ? 'Jawaban Anda' : 'Pesan untuk petugas'}
        defaultValue={values.body}
        error={errors.body}
      />
      <div className="space-y-1">
        <label htmlFor={`${prefix}-evidence`} className="block font-semibold">
          Lampiran <span className="font-normal text-slate-600">(opsional)</span>
        </label>
        <p id={`${prefix}-evidence-hint`} className="text-sm text-slate-700">
          {ALLOWED_TYPES_TEXT}. {METADATA_CLEANED_TEXT} {METADATA_NOT_CLEANED_TEXT}
        </p>
        {errors.evidence ? (
          <p id={`${prefix}-evidence-error`} className="text-sm font-medium text-red-700">
            {errors.evidence}
          </p>
        ) : null}
        <input
          id={`${prefix}-evidence`}
          name="evidence"
          type="file"
          multiple
          accept={ACCEPT_ATTRIBUTE}
          aria-describedby={[`${prefix}-evidence-hint`, errors.evidence ? `${prefix}-evidence-error` : null].filter(Boolean).join(' ')}
          aria-invalid={errors.evidence ? true : undefined}
          className="block w-full text-base file:mr-3 file:rounded-md file:border-0 file:bg-brand-100 file:px-4 file:py-2 file:font-semibold file:text-brand-800"
        />
      </div>
      <SubmitButton label={kind === 'answer' ? 'Kirim Jawaban' : 'Kirim Pesan'} pendingLabel="Mengirim…" />
    </form>
  );
}
