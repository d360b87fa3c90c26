'use client';

import { useActionState } from 'react';
import { TextAreaField } from '@/components/forms/field';
import { fieldError, FormMessage, Submit, typed } from '@/components/officer/form-kit';
import type { ActionState } from '@/lib/auth/session';
import { IDLE } from '@/lib/forms';

type SaveAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * One written section of the report ("Hasil evaluasi" or "Tindak lanjut"). Posts without
 * JavaScript; the permalink brings the admin back to this section of the same period.
 */
export function EvaluationForm({
  action,
  permalink,
  periodKey,
  section,
  label,
  hint,
  current,
}: {
  action: SaveAction;
  permalink: string;
  periodKey: string;
  section: string;
  label: string;
  hint: string;
  current: string;
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, IDLE, permalink);
  return (
    <form action={formAction} className="space-y-3 print:hidden" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="periodKey" value={periodKey} />
      <input type="hidden" name="section" value={section} />
      <TextAreaField
        id={`evaluasi-${section}`}
        name="body"
        label={label}
        hint={hint}
        required
        rows={6}
        maxLength={10_000}
        defaultValue={typed(state, 'body', current)}
        error={fieldError(state, 'body')}
      />
      <Submit label={`Simpan ${label.toLowerCase()}`} pending={pending} />
    </form>
  );
}
