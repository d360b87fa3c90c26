import { eq } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { officers, type Officer } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { getSettings } from '@/lib/settings';
import { activationDependsOnOffice, activationSteps, type ActivationSteps } from './activation';

/**
 * The one authorisation check behind every officer page, action and service, free of
 * Next.js so it can be tested directly. The session only says who claims to be there;
 * the officer row decides: it must still exist, be active, and hold the role asked for.
 *
 * What it returns is branded: services and read models take an `AuthorizedOfficer`
 * (never a session user they would each re-read), and only this module can make one,
 * so a page or action cannot reach case data without having passed this check.
 */

export type OfficerRole = Officer['role'];

declare const signedIn: unique symbol;
declare const activated: unique symbol;
declare const admin: unique symbol;

/** What a caller may know about the signed-in officer. Never the password hash. */
type OfficerFacts = {
  readonly id: number;
  readonly name: string;
  readonly email: string;
  readonly role: OfficerRole;
  readonly totpEnabled: boolean;
  readonly mustChangePassword: boolean;
  /** What is left of the account's activation (lib/auth/activation.ts). */
  readonly activation: ActivationSteps;
};

/**
 * A signed-in, active officer whose account may still be activating: enough for the
 * account's own steps (password, TOTP, notifications) and the layouts, not for cases.
 */
export type AuthenticatedOfficer = OfficerFacts & { readonly [signedIn]: true };

/** A signed-in, active, activated officer: what every case service and read model takes. */
export type AuthorizedOfficer = AuthenticatedOfficer & { readonly [activated]: true };

/** An authorized officer who holds the admin role now. */
export type AuthorizedAdmin = AuthorizedOfficer & { readonly role: 'admin'; readonly [admin]: true };

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
 * Loads the officer behind a session: it must exist and be active. The account may
 * still be activating; use `authorizeOfficer` for anything but the account's own steps.
 * Throws AppError 'unauthorized' (no session, unknown or deactivated officer).
 */
export async function sessionOfficer(db: Database, user: SessionUser): Promise<AuthenticatedOfficer> {
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
  // Settings are read only when they can matter (an officer without TOTP): the common
  // case costs no query.
  const requireTotp = activationDependsOnOffice(row) && (await getSettings(db)).requireTotp;
  const facts: OfficerFacts = {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    totpEnabled: row.totpEnabled,
    mustChangePassword: row.mustChangePassword,
    activation: activationSteps(row, { requireTotp }),
  };
  return facts as AuthenticatedOfficer;
}

/**
 * Loads the officer behind a session and checks it may act with `role`.
 * Throws AppError 'unauthorized' (no session, unknown or deactivated officer),
 * 'activation_required' (one-time password or required TOTP not done yet: calling an
 * action or a download directly must not skip the activation page) or 'forbidden'
 * (role not held now; the stored role wins over the one in the session).
 */
export async function authorizeOfficer(db: Database, user: SessionUser, role: 'admin'): Promise<AuthorizedAdmin>;
export async function authorizeOfficer(db: Database, user: SessionUser, role?: OfficerRole): Promise<AuthorizedOfficer>;
export async function authorizeOfficer(
  db: Database,
  user: SessionUser,
  role: OfficerRole = 'officer',
): Promise<AuthorizedOfficer> {
  const officer = activatedOfficer(await sessionOfficer(db, user));
  return role === 'admin' ? asAdmin(officer) : officer;
}

/** The same officer once its activation is done; 'activation_required' otherwise. */
export function activatedOfficer(officer: AuthenticatedOfficer): AuthorizedOfficer {
  if (officer.activation.pending) throw activationRequired();
  return officer as AuthorizedOfficer;
}

/**
 * The same officer as an admin, or AppError 'forbidden'. Admin services call it on the
 * officer they are given, so a page that forgot the role check still gets a refusal.
 */
export function asAdmin(officer: AuthorizedOfficer): AuthorizedAdmin {
  if (officer.role !== 'admin') throw forbidden();
  return officer as AuthorizedAdmin;
}
