'use server';

import { AuthError } from 'next-auth';
import { headers } from 'next/headers';
import { z } from 'zod';
import { SIGN_IN_MESSAGES, SignInRefused, lockedMessage, signIn } from '@/auth';
import { getDb } from '@/lib/db/client';
import { GENERIC_ERROR_MESSAGE, logUnexpected } from '@/lib/errors';
import { fieldErrorsFrom, type FormState } from '@/lib/forms';
import { requestClientAddress } from '@/lib/security/client-address';
import { consumeLimit, retryMessage, SIGN_IN_PER_CLIENT } from '@/lib/security/rate-limit';
import { safeNextPath } from './next-path';

/*
 * Only async actions are exported here: every export of a 'use server' module is a
 * public endpoint. The typed password and code never go back to the page.
 */

const signInSchema = z.object({
  email: z.string().trim().min(1, 'Email wajib diisi.').max(200, 'Email terlalu panjang.'),
  password: z.string().min(1, 'Kata sandi wajib diisi.').max(200, 'Kata sandi terlalu panjang.'),
  code: z.string().max(20, 'Kode verifikasi terdiri dari 6 digit.').optional(),
});

export type SignInValues = { email: string };

/** Signs an officer in; on success Auth.js sets the session cookie and redirects. */
export async function signInAction(_previous: FormState<SignInValues>, formData: FormData): Promise<FormState<SignInValues>> {
  const email = typeof formData.get('email') === 'string' ? String(formData.get('email')).trim() : '';
  const refuse = (message: string, fieldErrors: Record<string, string> = {}): FormState<SignInValues> => ({
    status: 'error',
    message,
    fieldErrors,
    values: { email },
  });

  const parsed = signInSchema.safeParse({
    email: formData.get('email') ?? '',
    password: formData.get('password') ?? '',
    code: formData.get('code') ?? undefined,
  });
  if (!parsed.success) return refuse('Periksa kembali isian yang ditandai.', fieldErrorsFrom(parsed.error));

  // Each account locks after 5 failures; this bounds one address trying one password
  // across many accounts. Keyed hash of the address, never stored.
  const verdict = await consumeLimit(getDb(), SIGN_IN_PER_CLIENT, requestClientAddress(await headers()));
  if (!verdict.allowed) {
    return refuse(`Terlalu banyak percobaan masuk dari jaringan ini. ${retryMessage(verdict.retryAfterSeconds)}`);
  }

  try {
    await signIn('credentials', {
      email: parsed.data.email,
      password: parsed.data.password,
      code: parsed.data.code ?? '',
      redirectTo: safeNextPath(formData.get('next')),
    });
  } catch (error) {
    // signIn ends with redirect(), which throws: only refusals are handled here.
    if (error instanceof SignInRefused) {
      if (error.code === 'locked') return refuse(lockedMessage(error.retryAfterMinutes ?? 15));
      const message = SIGN_IN_MESSAGES[error.code as keyof typeof SIGN_IN_MESSAGES] ?? SIGN_IN_MESSAGES.invalid;
      const field = error.code === 'totp_required' || error.code === 'totp_invalid' ? 'code' : undefined;
      return refuse(message, field ? { [field]: message } : {});
    }
    if (error instanceof AuthError && error.type === 'CredentialsSignin') return refuse(SIGN_IN_MESSAGES.invalid);
    if (error instanceof AuthError) {
      logUnexpected('signInAction', error);
      return refuse(GENERIC_ERROR_MESSAGE);
    }
    throw error;
  }
  return refuse(GENERIC_ERROR_MESSAGE);
}
