'use client';

import { useActionState } from 'react';
import { FieldFrame, TextField } from '@/components/forms/field';
import { FormMessage } from '@/components/forms/form-message';
import type { ActionState } from '@/lib/auth/session';
import { IDLE } from '@/lib/forms';
import { createOfficerAction, manageOfficerAction, type OneTimePassword } from './actions';

/*
 * Officer management forms. Each posts with JavaScript off too (permalink). A one-time
 * password appears once, in the response to the action that made it, and nowhere else.
 */

const PERMALINK = '/petugas/admin/petugas';

const primary =
  'inline-flex min-h-12 items-center justify-center rounded-lg bg-brand-700 px-5 py-3 text-base font-semibold text-white hover:bg-brand-800 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-75';
const small =
  'inline-flex min-h-11 items-center justify-center rounded-md border-2 border-brand-700 bg-white px-3 py-2 text-sm font-semibold text-brand-800 hover:bg-brand-50 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-75';
const danger =
  'inline-flex min-h-11 items-center justify-center rounded-md border-2 border-red-700 bg-white px-3 py-2 text-sm font-semibold text-red-800 hover:bg-red-50 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-red-700 disabled:opacity-75';

function OneTimePasswordNotice({ password }: { password: string }) {
  return (
    <div className="rounded-md border border-amber-600 bg-amber-50 p-3">
      <p className="font-semibold">Kata sandi sementara (hanya ditampilkan sekali):</p>
      <p className="mt-1">
        <code className="inline-block rounded bg-white px-3 py-2 font-mono text-lg tracking-wider select-all">{password}</code>
      </p>
      <p className="mt-2 text-sm text-slate-700">
        Sampaikan langsung kepada petugas yang bersangkutan, jangan melalui grup percakapan. Petugas wajib
        menggantinya saat pertama kali masuk.
      </p>
    </div>
  );
}

export function CreateOfficerForm() {
  const [state, formAction, pending] = useActionState<ActionState<OneTimePassword>, FormData>(
    createOfficerAction,
    IDLE,
    PERMALINK,
  );
  const error = state.status === 'error' ? state : null;
  const created = state.status === 'success' ? state.data : undefined;
  return (
    <div className="space-y-4">
      <FormMessage state={state} id="buat-pesan" />
      {created ? <OneTimePasswordNotice password={created.oneTimePassword} /> : null}
      <form action={formAction} className="space-y-4" noValidate>
        <TextField
          id="new-name"
          name="name"
          label="Nama lengkap"
          required
          maxLength={120}
          autoComplete="off"
          defaultValue={error?.values.name ?? ''}
          error={error?.fieldErrors.name}
        />
        <TextField
          id="new-email"
          name="email"
          type="email"
          label="Email dinas"
          required
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
          defaultValue={error?.values.email ?? ''}
          error={error?.fieldErrors.email}
        />
        <FieldFrame id="new-role" label="Peran" required error={error?.fieldErrors.role}>
          {(describedBy) => (
            <select
              id="new-role"
              name="role"
              required
              defaultValue={error?.values.role ?? 'officer'}
              aria-describedby={describedBy}
              aria-invalid={error?.fieldErrors.role ? true : undefined}
              className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base sm:w-auto"
            >
              <option value="officer">Petugas</option>
              <option value="admin">Administrator</option>
            </select>
          )}
        </FieldFrame>
        <button type="submit" disabled={pending} className={primary}>
          {pending ? 'Membuat akun…' : 'Buat akun'}
        </button>
      </form>
    </div>
  );
}

export type OfficerRowProps = {
  id: number;
  name: string;
  role: 'officer' | 'admin';
  active: boolean;
  totpEnabled: boolean;
  isSelf: boolean;
};

/**
 * The actions for one officer; all its forms share one result region. The permalink
 * names the row: with JavaScript off, React hands the action's result to every form
 * with the same action and permalink, so a shared one would show one officer's result
 * (and one-time password) in every row. The fragment also scrolls back to the row.
 */
export function OfficerRowActions({ id, name, role, active, totpEnabled, isSelf }: OfficerRowProps) {
  const [state, formAction, pending] = useActionState<ActionState<{ oneTimePassword: string }>, FormData>(
    manageOfficerAction,
    IDLE,
    `${PERMALINK}#petugas-${id}`,
  );
  const issued = state.status === 'success' ? state.data : undefined;
  const hidden = <input type="hidden" name="officerId" value={id} />;

  return (
    <div className="space-y-3">
      <FormMessage state={state} id={`petugas-${id}-pesan`} />
      {issued ? <OneTimePasswordNotice password={issued.oneTimePassword} /> : null}
      <div className="flex flex-wrap items-end gap-3">
        <form action={formAction} className="flex items-end gap-2">
          {hidden}
          <input type="hidden" name="intent" value="set_role" />
          <div>
            <label htmlFor={`role-${id}`} className="block text-sm font-semibold">
              Peran <span className="sr-only">untuk {name}</span>
            </label>
            <select
              id={`role-${id}`}
              name="role"
              defaultValue={role}
              className="block rounded-md border border-slate-400 bg-white px-2 py-2 text-base"
            >
              <option value="officer">Petugas</option>
              <option value="admin">Administrator</option>
            </select>
          </div>
          <button type="submit" disabled={pending} className={small}>
            Ubah peran<span className="sr-only"> {name}</span>
          </button>
        </form>
        <form action={formAction}>
          {hidden}
          <input type="hidden" name="intent" value="reset_password" />
          <button type="submit" disabled={pending} className={small}>
            Atur ulang kata sandi<span className="sr-only"> {name}</span>
          </button>
        </form>
        {totpEnabled ? (
          <form action={formAction}>
            {hidden}
            <input type="hidden" name="intent" value="reset_totp" />
            <button type="submit" disabled={pending} className={small}>
              Hapus verifikasi dua langkah<span className="sr-only"> {name}</span>
            </button>
          </form>
        ) : null}
        {isSelf ? null : (
          <form action={formAction}>
            {hidden}
            <input type="hidden" name="intent" value={active ? 'deactivate' : 'reactivate'} />
            <button type="submit" disabled={pending} className={active ? danger : small}>
              {active ? 'Nonaktifkan' : 'Aktifkan kembali'}
              <span className="sr-only"> {name}</span>
            </button>
          </form>
        )}
      </div>
    </div>
  );
}
