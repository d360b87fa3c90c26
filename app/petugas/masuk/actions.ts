'use server';

import { AuthError } from 'next-auth';
import { headers } from 'next/headers';
import { z } from 'zod';
import { signIn } from '@/auth';
import { authenticateOfficer, FIELD_LIMITS } from '@/lib/auth/login';
import { issueSignInProof } from '@/lib/auth/sessions';
import { databaseSignInLimiter } from '@/lib/auth/sign-in-limits';
import { getDb } from '@/lib/db/client';
import { GENERIC_ERROR_MESSAGE, logUnexpected } from '@/lib/errors';
import { fieldErrorsFrom, type FormState } from '@/lib/forms';
import { requestClientAddress } from '@/lib/security/client-address';
import { retryMessage } from '@/lib/security/rate-limit';
import { safeNextPath } from './next-path';

/*
 * Only async actions are exported here: every export of a 'use server' module is a
 * public endpoint. The typed password and code never go back to the page.
 *
 * This is the only way into a session: the full check runs here (lib/auth/login.ts,
 * with every limit), and only its success is turned into a one-time proof that the
 * Credentials provider in auth.ts accepts.
 */

const signInSchema = z.object({
  email: z.string().trim().min(1, 'Email wajib diisi.').max(FIELD_LIMITS.email, 'Email terlalu panjang.'),
  password: z.string().min(1, 'Kata sandi wajib diisi.').max(FIELD_LIMITS.password, 'Kata sandi terlalu panjang.'),
  code: z.string().max(FIELD_LIMITS.code, 'Kode verifikasi terdiri dari 6 digit.').optional(),
});

export type SignInValues = { email: string };

const MESSAGES = {
  invalid: 'Email atau kata sandi salah.',
  inactive: 'Akun Anda tidak aktif. Silakan hubungi administrator WBS.',
  totp_required: 'Masukkan kode verifikasi dua langkah dari aplikasi autentikator Anda.',
  totp_invalid: 'Kode verifikasi salah atau sudah dipakai. Masukkan kode yang sedang tampil di aplikasi.',
} as const;

/** The same words for every account, known or not, and every bucket that refused. */
function limitedMessage(retryAfterSeconds: number): string {
  return `Terlalu banyak percobaan masuk. ${retryMessage(retryAfterSeconds)}`;
}

/** Signs an officer in; on success Auth.js sets the session cookie and redirects. */
export async function signInAction(_previous: FormState<SignInValues>, formData: FormData): Promise<FormState<SignInValues>> {
  const rawEmail = formData.get('email');
  const email = typeof rawEmail === 'string' ? rawEmail.trim().slice(0, FIELD_LIMITS.email) : '';
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

  const db = getDb();
  const result = await authenticateOfficer(db, parsed.data, {
    client: requestClientAddress(await headers()),
    limiter: databaseSignInLimiter(db),
  });
  if (!result.ok) {
    if (result.reason === 'limited') return refuse(limitedMessage(result.retryAfterSeconds));
    const message = MESSAGES[result.reason];
    const onCode = result.reason === 'totp_required' || result.reason === 'totp_invalid';
    return refuse(message, onCode ? { code: message } : {});
  }

  try {
    await signIn('credentials', {
      proof: await issueSignInProof(db, result.officer.id),
      redirectTo: safeNextPath(formData.get('next')),
    });
  } catch (error) {
    // signIn ends with redirect(), which throws: only Auth.js errors are handled here.
    if (error instanceof AuthError) {
      logUnexpected('signInAction', error);
      return refuse(GENERIC_ERROR_MESSAGE);
    }
    throw error;
  }
  return refuse(GENERIC_ERROR_MESSAGE);
}
