'use client';

import { useActionState } from 'react';
import { TextField } from '@/components/forms/field';
import { FormMessage } from '@/components/forms/form-message';
import { IDLE } from '@/lib/forms';
import type { ActionState } from '@/lib/auth/session';
import { beginTotpAction, changePasswordAction, confirmTotpAction, disableTotpFormAction, setNotifyModeAction } from './actions';

/*
 * The account forms. Each passes a permalink to useActionState so it renders a real
 * `action` URL and still posts with JavaScript off. Passwords and codes are never
 * written back into the page.
 */

type Props = { permalink: string; next?: string };

const buttonClass =
  'inline-flex min-h-12 items-center justify-center rounded-lg bg-brand-700 px-5 py-3 text-base font-semibold text-white hover:bg-brand-800 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-75';
const secondaryButtonClass =
  'inline-flex min-h-12 items-center justify-center rounded-lg border-2 border-brand-700 bg-white px-5 py-3 text-base font-semibold text-brand-800 hover:bg-brand-50 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-75';

function useFormAction(action: (s: ActionState, f: FormData) => Promise<ActionState>, permalink: string) {
  return useActionState<ActionState, FormData>(action, IDLE, permalink);
}

function fieldError(state: ActionState, name: string): string | undefined {
  return state.status === 'error' ? state.fieldErrors[name] : undefined;
}

export function ChangePasswordForm({ permalink }: Props) {
  const [state, formAction, pending] = useFormAction(changePasswordAction, permalink);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} id="sandi-pesan" />
      <TextField
        id="currentPassword"
        name="currentPassword"
        type="password"
        label="Kata sandi saat ini"
        required
        autoComplete="current-password"
        maxLength={200}
        error={fieldError(state, 'currentPassword')}
      />
      <TextField
        id="newPassword"
        name="newPassword"
        type="password"
        label="Kata sandi baru"
        hint="Minimal 12 karakter. Frasa beberapa kata yang mudah Anda ingat lebih kuat daripada kata pendek yang rumit."
        required
        minLength={12}
        autoComplete="new-password"
        maxLength={200}
        error={fieldError(state, 'newPassword')}
      />
      <TextField
        id="confirmPassword"
        name="confirmPassword"
        type="password"
        label="Ulangi kata sandi baru"
        required
        autoComplete="new-password"
        maxLength={200}
        error={fieldError(state, 'confirmPassword')}
      />
      <p className="text-sm text-slate-600">Setelah kata sandi diubah, Anda akan diminta masuk kembali.</p>
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? 'Menyimpan…' : 'Ubah kata sandi'}
      </button>
    </form>
  );
}

export function BeginTotpForm({ permalink, restart = false }: Props & { restart?: boolean }) {
  const [state, formAction, pending] = useFormAction(beginTotpAction, permalink);
  return (
    <form action={formAction} className="space-y-3">
      <FormMessage state={state} id={restart ? 'totp-ulang-pesan' : 'totp-mulai-pesan'} />
      <button type="submit" disabled={pending} className={restart ? secondaryButtonClass : buttonClass}>
        {pending ? 'Memproses…' : restart ? 'Buat kode rahasia baru' : 'Aktifkan verifikasi dua langkah'}
      </button>
    </form>
  );
}

function CodeField({ state, id }: { state: ActionState; id: string }) {
  return (
    <TextField
      id={id}
      name="code"
      type="text"
      label="Kode dari aplikasi"
      hint="6 digit yang sedang tampil di aplikasi autentikator."
      required
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9 ]*"
      maxLength={20}
      error={fieldError(state, 'code')}
    />
  );
}

export function ConfirmTotpForm({ permalink, next }: Props) {
  const [state, formAction, pending] = useFormAction(confirmTotpAction, permalink);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <FormMessage state={state} id="totp-konfirmasi-pesan" />
      <CodeField state={state} id="totp-code" />
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? 'Memeriksa…' : 'Konfirmasi dan aktifkan'}
      </button>
    </form>
  );
}

export function DisableTotpForm({ permalink }: Props) {
  const [state, formAction, pending] = useFormAction(disableTotpFormAction, permalink);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} id="totp-nonaktif-pesan" />
      <CodeField state={state} id="totp-disable-code" />
      <button type="submit" disabled={pending} className={secondaryButtonClass}>
        {pending ? 'Memproses…' : 'Nonaktifkan verifikasi dua langkah'}
      </button>
    </form>
  );
}

const NOTIFY_CHOICES = [
  {
    value: 'immediate',
    label: 'Segera untuk setiap kejadian',
    hint: 'Satu email setiap ada laporan baru, jawaban atau pesan pelapor, batas waktu yang terlewati, dan pemanggilan esok hari.',
  },
  {
    value: 'digest',
    label: 'Hanya ringkasan harian',
    hint: 'Satu email sehari berisi kasus yang terlambat atau segera jatuh tempo. Kejadian lain hanya terlihat di Kotak Masuk.',
  },
] as const;

/** Immediate emails or the daily digest only; `current` is what is stored now. */
export function NotifyModeForm({ permalink, current }: Props & { current: 'immediate' | 'digest' }) {
  const [state, formAction, pending] = useFormAction(setNotifyModeAction, permalink);
  // After a refused post keep the choice the officer made; otherwise show what is stored.
  const chosen = state.status === 'error' ? (state.values.mode ?? current) : current;
  const error = fieldError(state, 'mode');
  return (
    <form action={formAction} className="space-y-4">
      <FormMessage state={state} id="notifikasi-pesan" />
      <fieldset aria-describedby={error ? 'notifikasi-error' : 'notifikasi-hint'} className="space-y-2">
        <legend className="font-semibold">Kapan Anda ingin menerima email pemberitahuan?</legend>
        <p id="notifikasi-hint" className="text-sm text-slate-700">
          Email hanya memuat nomor kasus dan tautan, tidak pernah isi laporan.
        </p>
        {error ? (
          <p id="notifikasi-error" className="text-sm font-medium text-red-700">
            {error}
          </p>
        ) : null}
        {/* Remounted when the stored or typed choice changes, so a form reset shows it. */}
        <div key={chosen} className="space-y-2">
          {NOTIFY_CHOICES.map((choice) => (
            <label key={choice.value} className="flex items-start gap-3 rounded-md border border-slate-300 p-3">
              <input
                type="radio"
                name="mode"
                value={choice.value}
                defaultChecked={chosen === choice.value}
                aria-describedby={`notifikasi-${choice.value}-hint`}
                className="mt-1 h-5 w-5"
              />
              <span>
                <span className="font-semibold">{choice.label}</span>
                <span id={`notifikasi-${choice.value}-hint`} className="block text-sm text-slate-700">
                  {choice.hint}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? 'Menyimpan…' : 'Simpan pilihan'}
      </button>
    </form>
  );
}
