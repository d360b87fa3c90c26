'use client';

import { useActionState } from 'react';
import { fieldError, FormMessage, Submit } from '@/components/officer/form-kit';
import type { ActionState } from '@/lib/auth/session';
import { IDLE } from '@/lib/forms';
import { confirmRetentionAction, turnOffRetentionAction } from './retention-actions';

/*
 * The two posts of the retention section. The confirmation form exists only on the
 * preview (it carries the months previewed), and both post without JavaScript.
 */

const PERMALINK = '/petugas/admin/pengaturan#retensi';

export function ConfirmRetentionForm({ months, dueNow }: { months: number; dueNow: number }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(confirmRetentionAction, IDLE, PERMALINK);
  const error = fieldError(state, 'archiveRulesChecked') ?? fieldError(state, 'retentionMonths');
  if (state.status === 'success') return <FormMessage state={state} />;
  return (
    <form action={formAction} aria-label="Konfirmasi retensi" className="space-y-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="months" value={months} />
      <input type="hidden" name="previewedMonths" value={months} />
      <div className="flex items-start gap-3">
        <input
          id="archiveRulesChecked"
          type="checkbox"
          name="archiveRulesChecked"
          aria-invalid={error ? true : undefined}
          aria-describedby="archiveRulesChecked-error"
          className="mt-1 size-5 shrink-0 accent-brand-700"
        />
        <label htmlFor="archiveRulesChecked" className="text-slate-900">
          Saya telah memeriksa Jadwal Retensi Arsip (JRA) dan ketentuan kearsipan yang berlaku bagi kantor ini, dan
          menyetujui bahwa isi {dueNow} kasus di atas (serta kasus lain yang kemudian melewati masa simpannya) dihapus
          secara permanen.
        </label>
      </div>
      {error ? (
        <p id="archiveRulesChecked-error" className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
      <Submit label="Konfirmasi dan aktifkan retensi" pending={pending} variant="danger" />
    </form>
  );
}

/** Stays in the page once retention is off, so the result of turning it off is still announced. */
export function TurnOffRetentionForm({ active }: { active: boolean }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(turnOffRetentionAction, IDLE, PERMALINK);
  if (!active && state.status === 'idle') return null;
  return (
    <form action={formAction} aria-label="Matikan retensi" className="space-y-3" noValidate>
      <FormMessage state={state} />
      {active && state.status !== 'success' ? <Submit label="Matikan retensi" pending={pending} variant="secondary" /> : null}
    </form>
  );
}
