'use client';

import { TextAreaField, TextField } from '@/components/forms/field';
import { ActionCard, CaseHiddenFields, fieldError, Submit, typed, useCaseAction, type CaseAction, type CaseFormProps } from './form-kit';

/**
 * Ask the reporter for what is missing. The case waits in Menunggu Kelengkapan until
 * the reporter answers on /status; the due date defaults to the office's setting.
 */
export function RequestInformationForm({
  action,
  available,
  defaultDueDate,
  ...props
}: CaseFormProps & { action: CaseAction; available: boolean; defaultDueDate: string }) {
  const anchor = 'minta-kelengkapan';
  const [state, formAction, pending] = useCaseAction(action, props.caseNumber, anchor);
  return (
    <ActionCard
      anchor={anchor}
      title="Minta kelengkapan informasi"
      description="Pelapor melihat pertanyaan ini saat memeriksa status dengan kode tiketnya dan menjawab di sana. Batas waktu penanganan berhenti sementara sampai pelapor menjawab."
      state={state}
      available={available}
    >
      <form action={formAction} aria-labelledby={`${anchor}-judul`} className="space-y-4" noValidate>
        <CaseHiddenFields {...props} />
        <TextAreaField
          id={`${anchor}-pertanyaan`}
          name="questions"
          label="Pertanyaan untuk pelapor"
          hint="Tulis dengan jelas apa yang kurang, misalnya waktu kejadian, nama terlapor, atau bukti yang perlu dilampirkan. Jangan meminta identitas pelapor."
          required
          rows={4}
          maxLength={4000}
          defaultValue={typed(state, 'questions')}
          error={fieldError(state, 'questions')}
        />
        <TextField
          id={`${anchor}-batas`}
          name="dueDate"
          type="date"
          label="Batas waktu jawaban"
          hint="Akhir hari pada tanggal ini (WITA)."
          required
          className="sm:w-56"
          defaultValue={typed(state, 'dueDate', defaultDueDate)}
          error={fieldError(state, 'dueDate')}
        />
        <Submit label="Minta Kelengkapan" pending={pending} />
      </form>
    </ActionCard>
  );
}
