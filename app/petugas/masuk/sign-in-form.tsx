'use client';

import { useActionState } from 'react';
import { TextField } from '@/components/forms/field';
import { FormMessage } from '@/components/forms/form-message';
import { IDLE, type FormState } from '@/lib/forms';
import { signInAction, type SignInValues } from './actions';

/**
 * The officer login. The permalink makes React render `action="/petugas/masuk"`, so
 * the form posts and works before (or without) JavaScript. After a refusal the e-mail
 * stays; the password and code fields come back empty.
 */
export function SignInForm({ next }: { next?: string }) {
  const [state, formAction, pending] = useActionState<FormState<SignInValues>, FormData>(
    signInAction,
    IDLE as FormState<SignInValues>,
    '/petugas/masuk',
  );
  const error = state.status === 'error' ? state : null;
  const formMessage = error && !error.fieldErrors.email && !error.fieldErrors.password && !error.fieldErrors.code ? error.message : null;

  return (
    <form action={formAction} className="space-y-5" noValidate>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <FormMessage id="masuk-error" state={formMessage ? { status: 'error', message: formMessage } : IDLE} />
      <TextField
        id="email"
        name="email"
        type="email"
        label="Email"
        required
        autoComplete="username"
        inputMode="email"
        spellCheck={false}
        maxLength={200}
        defaultValue={error?.values.email ?? ''}
        error={error?.fieldErrors.email}
      />
      <TextField
        id="password"
        name="password"
        type="password"
        label="Kata sandi"
        required
        autoComplete="current-password"
        maxLength={200}
        error={error?.fieldErrors.password}
      />
      <TextField
        id="code"
        name="code"
        type="text"
        label="Kode verifikasi dua langkah"
        hint="Isi bila akun Anda memakai verifikasi dua langkah: 6 digit dari aplikasi autentikator."
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9 ]*"
        maxLength={20}
        error={error?.fieldErrors.code}
      />
      <button
        type="submit"
        disabled={pending}
        className="inline-flex min-h-12 w-full items-center justify-center rounded-lg bg-brand-700 px-5 py-3 text-base font-semibold text-white hover:bg-brand-800 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-75"
      >
        {pending ? 'Memeriksa…' : 'Masuk'}
      </button>
    </form>
  );
}
