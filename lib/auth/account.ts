import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '@/lib/audit/log';
import type { Database } from '@/lib/db/client';
import { NOTIFY_MODES, officers, type Officer } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { getSettings } from '@/lib/settings';
import type { AuthenticatedOfficer } from './guard';
import { hashPassword, verifyPassword } from './password';
import { endOfficerSessions } from './sessions';
import { formatSecretForDisplay, lastAcceptedStep, newTotpSecret, openTotp, sealTotp, totpQrDataUrl, totpUri, verifyTotpCode } from './totp';

/**
 * An officer's own account: password, two-step verification and email notifications. Each
 * function takes the officer the guard signed in (lib/auth/guard.ts), which may still be
 * activating: these are the steps such an account may take.
 */

export const MIN_PASSWORD_LENGTH = 12;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: 'Kata sandi saat ini wajib diisi.' }).min(1, 'Kata sandi saat ini wajib diisi.'),
    newPassword: z
      .string({ error: 'Kata sandi baru wajib diisi.' })
      .min(MIN_PASSWORD_LENGTH, `Kata sandi baru minimal ${MIN_PASSWORD_LENGTH} karakter.`)
      .max(200, 'Kata sandi baru terlalu panjang (maksimal 200 karakter).'),
    confirmPassword: z.string({ error: 'Ulangi kata sandi baru.' }).min(1, 'Ulangi kata sandi baru.'),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    error: 'Kedua isian kata sandi baru tidak sama.',
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ['newPassword'],
    error: 'Kata sandi baru harus berbeda dari kata sandi saat ini.',
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const totpCodeSchema = z.object({
  code: z
    .string({ error: 'Masukkan 6 digit kode dari aplikasi autentikator.' })
    .transform((v) => v.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, 'Masukkan 6 digit kode dari aplikasi autentikator.')),
});

/**
 * Sets a new password after checking the current one; the one-time-password flag clears
 * and every open session of the officer ends (the caller signs the officer in again).
 */
export async function changeOwnPassword(db: Database, me: AuthenticatedOfficer, input: ChangePasswordInput): Promise<void> {
  const data = changePasswordSchema.parse(input);
  const [row] = await db.select({ passwordHash: officers.passwordHash }).from(officers).where(eq(officers.id, me.id));
  if (!(await verifyPassword(row.passwordHash, data.currentPassword))) {
    throw new AppError('wrong_password', { field: 'currentPassword', userMessage: 'Kata sandi saat ini salah.' });
  }
  const passwordHash = await hashPassword(data.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(officers).set({ passwordHash, mustChangePassword: false }).where(eq(officers.id, me.id));
    await endOfficerSessions(tx, me.id);
    await appendAudit(tx, { officerId: me.id, action: 'password_changed' });
  });
}

export type TotpEnrolment = { secret: string; secretForDisplay: string; uri: string; qrDataUrl: string };

/**
 * The enrolment in progress (secret stored, not yet confirmed with a code), or null.
 * Shown only to the officer it belongs to.
 */
export async function pendingTotpEnrolment(db: Database, me: AuthenticatedOfficer): Promise<TotpEnrolment | null> {
  const [row] = await db
    .select({ enc: officers.totpSecretEnc, enabled: officers.totpEnabled })
    .from(officers)
    .where(eq(officers.id, me.id));
  if (!row.enc || row.enabled) return null;
  const { secret } = openTotp(me.id, row.enc);
  const { officeName } = await getSettings(db);
  const uri = totpUri({ officeName, email: me.email, secret });
  return { secret, secretForDisplay: formatSecretForDisplay(secret), uri, qrDataUrl: await totpQrDataUrl(uri) };
}

/** Starts (or restarts) enrolment with a fresh secret; refused while TOTP is already on. */
export async function beginTotpEnrolment(db: Database, me: AuthenticatedOfficer): Promise<void> {
  if (me.totpEnabled) {
    throw new AppError('totp_already_enabled', { userMessage: 'Verifikasi dua langkah sudah aktif pada akun Anda.' });
  }
  await db.update(officers).set({ totpSecretEnc: sealTotp(me.id, { secret: newTotpSecret() }) }).where(eq(officers.id, me.id));
}

/**
 * Turns TOTP on once the officer proves the app shows the right code. Every open session
 * ends (a copied cookie from before the change is refused); the caller renews the
 * officer's own session (lib/auth/session.ts renewOwnSession).
 */
export async function confirmTotpEnrolment(db: Database, me: AuthenticatedOfficer, input: { code: string }): Promise<void> {
  const [row] = await db
    .select({ enc: officers.totpSecretEnc, enabled: officers.totpEnabled })
    .from(officers)
    .where(eq(officers.id, me.id));
  if (row.enabled) return;
  if (!row.enc) {
    throw new AppError('totp_not_started', { userMessage: 'Mulai aktivasi verifikasi dua langkah terlebih dahulu.' });
  }
  const stored = openTotp(me.id, row.enc);
  const check = await verifyTotpCode(stored.secret, input.code);
  if (!check.valid) {
    throw new AppError('totp_invalid', {
      field: 'code',
      userMessage: 'Kode tidak cocok. Periksa jam pada ponsel Anda dan masukkan kode yang sedang tampil.',
    });
  }
  await db.transaction(async (tx) => {
    await tx
      .update(officers)
      .set({ totpEnabled: true, totpSecretEnc: sealTotp(me.id, { secret: stored.secret }), totpLastStep: check.timeStep })
      .where(eq(officers.id, me.id));
    await endOfficerSessions(tx, me.id);
    await appendAudit(tx, { officerId: me.id, action: 'totp_enrolled' });
  });
}

/** Turns TOTP off with a current code; refused when the office requires it. Ends every open session, as enrolment does. */
export async function disableTotp(db: Database, me: AuthenticatedOfficer, input: { code: string }): Promise<void> {
  if ((await getSettings(db)).requireTotp) {
    throw new AppError('totp_required_by_office', {
      userMessage: 'Kantor mewajibkan verifikasi dua langkah, sehingga tidak dapat dinonaktifkan.',
    });
  }
  const [row] = await db
    .select({ enc: officers.totpSecretEnc, enabled: officers.totpEnabled, lastStep: officers.totpLastStep })
    .from(officers)
    .where(eq(officers.id, me.id));
  if (!row.enabled || !row.enc) return;
  const stored = openTotp(me.id, row.enc);
  const check = await verifyTotpCode(stored.secret, input.code, lastAcceptedStep(row.lastStep, stored));
  if (!check.valid) {
    throw new AppError('totp_invalid', { field: 'code', userMessage: 'Kode tidak cocok atau sudah dipakai. Masukkan kode yang sedang tampil.' });
  }
  await db.transaction(async (tx) => {
    await tx.update(officers).set({ totpEnabled: false, totpSecretEnc: null, totpLastStep: null }).where(eq(officers.id, me.id));
    await endOfficerSessions(tx, me.id);
    await appendAudit(tx, { officerId: me.id, action: 'totp_disabled' });
  });
}

export type NotifyMode = Officer['notifyMode'];

export const notifyModeSchema = z.object({
  mode: z.enum(NOTIFY_MODES, { error: 'Pilih salah satu cara pemberitahuan email.' }),
});

/** How the signed-in officer chose to hear of events: 'immediate' or 'digest'. */
export async function getNotifyMode(db: Database, me: AuthenticatedOfficer): Promise<NotifyMode> {
  const [row] = await db.select({ notifyMode: officers.notifyMode }).from(officers).where(eq(officers.id, me.id));
  return row.notifyMode;
}

/**
 * The officer's own notification choice: an email for every event ('immediate'), or
 * only the daily deadline digest ('digest'). Takes effect for the next event: emails
 * already in the outbox stay. Audited as `officer.notify_mode` with the new mode; a
 * choice that changes nothing writes nothing.
 */
export async function setNotifyMode(db: Database, me: AuthenticatedOfficer, mode: NotifyMode): Promise<NotifyMode> {
  const parsed = notifyModeSchema.safeParse({ mode });
  if (!parsed.success) {
    throw new AppError('invalid_notify_mode', { field: 'mode', userMessage: 'Pilih salah satu cara pemberitahuan email.' });
  }
  const next = parsed.data.mode;
  await db.transaction(async (tx) => {
    const [row] = await tx.select({ notifyMode: officers.notifyMode }).from(officers).where(eq(officers.id, me.id));
    if (row.notifyMode === next) return;
    await tx.update(officers).set({ notifyMode: next }).where(eq(officers.id, me.id));
    await appendAudit(tx, { officerId: me.id, action: 'officer.notify_mode', detail: { mode: next } });
  });
  return next;
}
