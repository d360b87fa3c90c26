import { and, asc, count, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '@/lib/audit/log';
import type { Database, DbTransaction as Tx } from '@/lib/db/client';
import { OFFICER_ROLES, officers } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { asAdmin, type AuthorizedOfficer, type OfficerRole } from './guard';
import { generatePassword, hashPassword } from './password';
import { normaliseEmail } from './login';
import { endOfficerSessions } from './sessions';

/**
 * Officer accounts, managed by admins. Each function takes the database and the acting
 * officer as the guard authorised it (lib/auth/guard.ts), refuses one without the admin
 * role, then changes one thing and writes its audit row in one transaction.
 * Nothing here knows about Next.js.
 */

export const ROLE_LABELS: Record<OfficerRole, string> = { officer: 'Petugas', admin: 'Administrator' };

export const createOfficerSchema = z.object({
  name: z
    .string({ error: 'Nama wajib diisi.' })
    .trim()
    .min(1, 'Nama wajib diisi.')
    .max(120, 'Nama terlalu panjang (maksimal 120 karakter).'),
  email: z.preprocess(
    normaliseEmail,
    z.string().min(1, 'Email wajib diisi.').max(200, 'Email terlalu panjang.').pipe(z.email('Format email tidak valid, contoh: nama@kantor.go.id.')),
  ),
  role: z.enum(OFFICER_ROLES, { error: 'Pilih peran: Petugas atau Administrator.' }),
});
export type CreateOfficerInput = z.infer<typeof createOfficerSchema>;

export type OfficerListItem = {
  id: number;
  name: string;
  email: string;
  role: OfficerRole;
  active: boolean;
  totpEnabled: boolean;
  mustChangePassword: boolean;
  lockedUntil: Date | null;
  createdAt: Date;
};

const LAST_ADMIN_MESSAGE =
  'Tindakan ditolak: harus selalu ada sedikitnya satu administrator yang aktif. Jadikan petugas lain administrator terlebih dahulu.';

/** Every officer, admins first, for the management page. */
export async function listOfficers(db: Database, officer: AuthorizedOfficer): Promise<OfficerListItem[]> {
  asAdmin(officer);
  return db
    .select({
      id: officers.id,
      name: officers.name,
      email: officers.email,
      role: officers.role,
      active: officers.active,
      totpEnabled: officers.totpEnabled,
      mustChangePassword: officers.mustChangePassword,
      lockedUntil: officers.lockedUntil,
      createdAt: officers.createdAt,
    })
    .from(officers)
    .orderBy(asc(officers.role), asc(officers.name), asc(officers.id));
}

async function loadTarget(tx: Tx, officerId: number) {
  const [target] = await tx.select().from(officers).where(eq(officers.id, officerId)).limit(1);
  if (!target) throw new AppError('not_found', { userMessage: 'Akun petugas tidak ditemukan.' });
  return target;
}

async function otherActiveAdmins(tx: Tx, officerId: number): Promise<number> {
  const [{ n }] = await tx
    .select({ n: count() })
    .from(officers)
    .where(and(eq(officers.role, 'admin'), eq(officers.active, true), ne(officers.id, officerId)));
  return n;
}

/**
 * Creates an account with a generated one-time password (returned once, to show the
 * admin) that must be changed at first sign-in.
 */
export async function createOfficer(
  db: Database,
  officer: AuthorizedOfficer,
  input: CreateOfficerInput,
): Promise<{ officerId: number; oneTimePassword: string }> {
  const admin = asAdmin(officer);
  const data = createOfficerSchema.parse(input);
  const oneTimePassword = generatePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: officers.id }).from(officers).where(eq(officers.email, data.email)).limit(1);
    if (taken) {
      throw new AppError('email_taken', { field: 'email', userMessage: 'Email ini sudah dipakai oleh akun petugas lain.' });
    }
    const [created] = await tx
      .insert(officers)
      .values({ name: data.name, email: data.email, role: data.role, passwordHash, mustChangePassword: true })
      .returning({ id: officers.id });
    await appendAudit(tx, {
      officerId: admin.id,
      action: 'officer_created',
      detail: { targetOfficerId: created.id, role: data.role },
    });
    return { officerId: created.id, oneTimePassword };
  });
}

/**
 * Deactivates or reactivates an account. An admin cannot switch off their own account,
 * nor the last active admin.
 */
export async function setOfficerActive(
  db: Database,
  officer: AuthorizedOfficer,
  input: { officerId: number; active: boolean },
): Promise<void> {
  const admin = asAdmin(officer);
  await db.transaction(async (tx) => {
    const target = await loadTarget(tx, input.officerId);
    if (target.active === input.active) return;
    if (!input.active) {
      if (target.id === admin.id) {
        throw new AppError('self_deactivation', { userMessage: 'Anda tidak dapat menonaktifkan akun Anda sendiri.' });
      }
      if (target.role === 'admin' && (await otherActiveAdmins(tx, target.id)) === 0) {
        throw new AppError('last_admin', { userMessage: LAST_ADMIN_MESSAGE });
      }
    }
    await tx
      .update(officers)
      .set(input.active ? { active: true, failedLogins: 0, lockedUntil: null } : { active: false })
      .where(eq(officers.id, target.id));
    // Also on reactivation: a cookie from before the deactivation must not come back to life.
    await endOfficerSessions(tx, target.id);
    await appendAudit(tx, {
      officerId: admin.id,
      action: input.active ? 'officer_reactivated' : 'officer_deactivated',
      detail: { targetOfficerId: target.id },
    });
  });
}

/**
 * Replaces an officer's password with a one-time password (returned once), unlocks the
 * account and requires a new password at the next sign-in. The officer's open sessions
 * end, because a session is bound to the password it was opened with (auth.ts).
 */
export async function resetOfficerPassword(
  db: Database,
  officer: AuthorizedOfficer,
  input: { officerId: number },
): Promise<{ oneTimePassword: string }> {
  const admin = asAdmin(officer);
  const oneTimePassword = generatePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  await db.transaction(async (tx) => {
    const target = await loadTarget(tx, input.officerId);
    await tx
      .update(officers)
      .set({ passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null })
      .where(eq(officers.id, target.id));
    await endOfficerSessions(tx, target.id);
    await appendAudit(tx, { officerId: admin.id, action: 'password_reset', detail: { targetOfficerId: target.id } });
  });
  return { oneTimePassword };
}

/**
 * Removes an officer's two-step verification (a lost phone); the officer enrols again
 * at the next sign-in when the office requires it.
 */
export async function resetOfficerTotp(db: Database, officer: AuthorizedOfficer, input: { officerId: number }): Promise<void> {
  const admin = asAdmin(officer);
  await db.transaction(async (tx) => {
    const target = await loadTarget(tx, input.officerId);
    await tx.update(officers).set({ totpEnabled: false, totpSecretEnc: null, totpLastStep: null }).where(eq(officers.id, target.id));
    await endOfficerSessions(tx, target.id);
    await appendAudit(tx, { officerId: admin.id, action: 'totp_reset', detail: { targetOfficerId: target.id } });
  });
}

/** Changes an officer's role; the last active admin cannot be demoted. */
export async function changeOfficerRole(
  db: Database,
  officer: AuthorizedOfficer,
  input: { officerId: number; role: OfficerRole },
): Promise<void> {
  const admin = asAdmin(officer);
  const role = z.enum(OFFICER_ROLES).parse(input.role);
  await db.transaction(async (tx) => {
    const target = await loadTarget(tx, input.officerId);
    if (target.role === role) return;
    if (target.role === 'admin' && target.active && (await otherActiveAdmins(tx, target.id)) === 0) {
      throw new AppError('last_admin', { userMessage: LAST_ADMIN_MESSAGE });
    }
    await tx.update(officers).set({ role }).where(eq(officers.id, target.id));
    await appendAudit(tx, {
      officerId: admin.id,
      action: 'role_changed',
      detail: { targetOfficerId: target.id, from: target.role, to: role },
    });
  });
}
