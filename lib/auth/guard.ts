import { eq } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { officers, type Officer } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { getSettings } from '@/lib/settings';

/**
 * The one authorisation check behind every officer page, action and service, free of
 * Next.js so it can be tested directly. The session only says who claims to be there;
 * the officer row decides: it must still exist, be active, and hold the role asked for.
 */

export type OfficerRole = Officer['role'];

/** What a caller may know about the signed-in officer. Never the password hash. */
export type AuthorizedOfficer = {
  id: number;
  name: string;
  email: string;
  role: OfficerRole;
  totpEnabled: boolean;
  mustChangePassword: boolean;
};

/** The part of a session an authorisation check reads (`null` when there is none). */
export type SessionUser = { id?: unknown; role?: unknown; sv?: unknown } | null | undefined;

export const UNAUTHORIZED_MESSAGE = 'Sesi Anda telah berakhir atau Anda belum masuk. Silakan masuk kembali.';
export const FORBIDDEN_MESSAGE = 'Anda tidak memiliki hak akses untuk tindakan ini.';

export function unauthorized(): AppError {
  return new AppError('unauthorized', { userMessage: UNAUTHORIZED_MESSAGE });
}

export const ACTIVATION_REQUIRED_MESSAGE =
  'Selesaikan aktivasi akun Anda terlebih dahulu (ganti kata sandi sementara dan/atau aktifkan verifikasi dua langkah).';

export function activationRequired(): AppError {
  return new AppError('activation_required', { userMessage: ACTIVATION_REQUIRED_MESSAGE });
}

export function forbidden(): AppError {
  return new AppError('forbidden', { userMessage: FORBIDDEN_MESSAGE });
}

/** The numeric officer id in a session, or null when the session is missing or malformed. */
export function officerIdFrom(user: SessionUser): number | null {
  const raw = user?.id;
  const id = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/**
 * Loads the officer behind a session and checks it may act with `role`.
 * Throws AppError 'unauthorized' (no session, unknown or deactivated officer) or
 * 'forbidden' (role not held now; the stored role wins over the one in the session).
 */
export async function authorizeOfficer(
  db: Database,
  user: SessionUser,
  role: OfficerRole = 'officer',
  options: { allowPendingActivation?: boolean } = {},
): Promise<AuthorizedOfficer> {
  const id = officerIdFrom(user);
  if (id === null) throw unauthorized();
  const [row] = await db
    .select({
      id: officers.id,
      name: officers.name,
      email: officers.email,
      role: officers.role,
      active: officers.active,
      totpEnabled: officers.totpEnabled,
      mustChangePassword: officers.mustChangePassword,
      sessionVersion: officers.sessionVersion,
    })
    .from(officers)
    .where(eq(officers.id, id))
    .limit(1);
  if (!row || !row.active) throw unauthorized();
  // A session names the session version it was opened with (auth.ts); a raised version
  // (sign-out, password or TOTP change, deactivation) ends it, copied cookies included.
  if (user?.sv !== undefined && user.sv !== row.sessionVersion) throw unauthorized();
  if (role === 'admin' && row.role !== 'admin') throw forbidden();
  // An account still on its one-time password, or without the two-step verification the
  // office requires, may only finish its activation: otherwise calling an action or a
  // download directly would skip what the activation page enforces.
  if (!options.allowPendingActivation) {
    // Settings are read only for an officer without TOTP: the common case costs no query.
    const pending = row.mustChangePassword || (!row.totpEnabled && (await getSettings(db)).requireTotp);
    if (pending) throw activationRequired();
  }
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    totpEnabled: row.totpEnabled,
    mustChangePassword: row.mustChangePassword,
  };
}
