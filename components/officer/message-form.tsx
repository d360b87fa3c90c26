'use client';

import { TextAreaField } from '@/components/forms/field';
import { ActionCard, CaseHiddenFields, fieldError, Submit, typed, useCaseAction, type CaseAction, type CaseFormProps } from './form-kit';

/** A message to the reporter, shown on /status; open while the case is. */
export function MessageForm({ action, available, ...props }: CaseFormProps & { action: CaseAction; available: boolean }) {
  const anchor = 'kirim-pesan';
  const [state, formAction, pending] = useCaseAction(action, props.caseNumber, anchor);
  return (
    <ActionCard
      collapsible={false}
      anchor={anchor}
      title="Kirim pesan kepada pelapor"
      description="Pelapor membacanya saat memeriksa status dengan kode tiketnya. Untuk meminta kelengkapan dengan batas waktu, gunakan “Minta kelengkapan informasi”."
      state={state}
      available={available}
    >
      <form action={formAction} aria-labelledby={`${anchor}-judul`} className="space-y-4" noValidate>
        <CaseHiddenFields {...props} />
        <TextAreaField
          id={`${anchor}-isi`}
          name="body"
          label="Pesan untuk pelapor"
          required
          rows={3}
          maxLength={4000}
          defaultValue={typed(state, 'body')}
          error={fieldError(state, 'body')}
        />
        <Submit label="Kirim Pesan" pending={pending} />
      </form>
    </ActionCard>
  );
}
