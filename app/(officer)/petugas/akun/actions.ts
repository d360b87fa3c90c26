'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { signOut } from '@/auth';
import {
  beginTotpEnrolment,
  changeOwnPassword,
  changePasswordSchema,
  confirmTotpEnrolment,
  disableTotp,
  notifyModeSchema,
  setNotifyMode,
  totpCodeSchema,
} from '@/lib/auth/account';
import { officerAction, renewOwnSession } from '@/lib/auth/session';

/*
 * The officer's own account. Each action re-checks the session and the officer row
 * through officerAction before it reads the form. Only async actions are exported.
 */

const ACCOUNT_PAGES = ['/petugas/akun', '/petugas/aktivasi'];

function afterChange(formData: FormData): void {
  for (const page of ACCOUNT_PAGES) revalidatePath(page);
  // From the activation page, the officer goes on to the inbox once nothing is left.
  if (formData.get('next') === '/petugas') redirect('/petugas');
}

/** The steps an account still activating may take (it can do nothing else yet). */
const ACTIVATION_STEP = { allowPendingActivation: true } as const;

const changePassword = officerAction(changePasswordSchema, async (input, { db, officer }) => {
  await changeOwnPassword(db, officer, input);
  // The session was bound to the old password: end it here and sign in again.
  await signOut({ redirectTo: '/petugas/masuk?info=sandi-diubah' });
  return { message: 'Kata sandi telah diubah.' };
}, ACTIVATION_STEP);

const beginTotp = officerAction(z.object({}), async (_input, { db, officer }) => {
  await beginTotpEnrolment(db, officer);
  for (const page of ACCOUNT_PAGES) revalidatePath(page);
  return { message: 'Kode rahasia dibuat. Ikuti langkah di bawah untuk menyelesaikan aktivasi.' };
}, ACTIVATION_STEP);

const confirmTotp = officerAction(totpCodeSchema, async (input, { db, officer, formData }) => {
  await confirmTotpEnrolment(db, officer, input);
  // The change ended every session (copies included); this browser keeps a fresh one.
  await renewOwnSession(officer.id);
  afterChange(formData);
  return { message: 'Verifikasi dua langkah telah aktif. Mulai sekarang, masukkan kode dari aplikasi setiap kali masuk.' };
}, ACTIVATION_STEP);

const disableTotpAction = officerAction(totpCodeSchema, async (input, { db, officer, formData }) => {
  await disableTotp(db, officer, input);
  await renewOwnSession(officer.id);
  afterChange(formData);
  return { message: 'Verifikasi dua langkah telah dinonaktifkan.' };
});

const NOTIFY_MODE_MESSAGES = {
  immediate: 'Tersimpan. Anda akan menerima email untuk setiap kejadian yang perlu ditangani, ditambah ringkasan tenggat harian.',
  digest: 'Tersimpan. Anda hanya akan menerima ringkasan tenggat harian; kejadian baru tetap terlihat di Kotak Masuk.',
} as const;

const notifyMode = officerAction(notifyModeSchema, async (input, { db, officer }) => {
  const mode = await setNotifyMode(db, officer, input.mode);
  revalidatePath('/petugas/akun');
  return { message: NOTIFY_MODE_MESSAGES[mode] };
});

export async function changePasswordAction(...args: Parameters<typeof changePassword>) {
  return changePassword(...args);
}
export async function beginTotpAction(...args: Parameters<typeof beginTotp>) {
  return beginTotp(...args);
}
export async function confirmTotpAction(...args: Parameters<typeof confirmTotp>) {
  return confirmTotp(...args);
}
export async function disableTotpFormAction(...args: Parameters<typeof disableTotpAction>) {
  return disableTotpAction(...args);
}
export async function setNotifyModeAction(...args: Parameters<typeof notifyMode>) {
  return notifyMode(...args);
}
