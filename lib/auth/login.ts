import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { appendAudit } from '@/lib/audit/log';
import type { Database } from '@/lib/db/client';
import { officers, type Officer } from '@/lib/db/schema';
import { secrets } from '@/lib/env';
import { getSettings } from '@/lib/settings';
import { activationSteps } from './activation';
import { hashPassword, verifyPassword } from './password';
import type { SignInLimiter } from './sign-in-limits';
import { claimTotpStep, lastAcceptedStep, openTotp, verifyTotpCode } from './totp';

/**
 * Officer sign-in, framework-free. The only caller that can lead to a session is the
 * sign-in action (app/petugas/masuk/actions.ts), which turns a success into a one-time
 * proof for auth.ts (lib/auth/sessions.ts).
 *
 * Order: field lengths → limits (per client, per account, per account-and-client; see
 * sign-in-limits.ts) → argon2 (against a dummy hash for unknown addresses) → TOTP when
 * enrolled, claimed atomically → success.
 *
 * Nothing here locks an account for everyone: a stranger's failures fill the stranger's
 * own buckets, so the officer signing in from elsewhere is not stopped. Known and
 * unknown addresses take the same path with the same counters (keyed by a keyed hash of
 * the typed address, so no unknown address is ever stored), the same messages and an
 * argon2 verification each; only failures on an existing account are written to the
 * audit log, and those are bounded by the limits.
 */

/** The same limits as the sign-in form's fields, whichever way a value arrives. */
export const FIELD_LIMITS = { email: 200, password: 200, code: 20 } as const;

export function normaliseEmail(input: unknown): string {
  return typeof input === 'string' ? input.normalize('NFKC').trim().toLowerCase() : '';
}

/** A keyed hash of a typed e-mail address: the account's key in the limits, known or not. */
export function accountKey(email: string): string {
  return createHmac('sha256', secrets().AUTH_SECRET).update(`wbs-sign-in-account:${normaliseEmail(email)}`).digest('base64url').slice(0, 27);
}

export type SignedInOfficer = Pick<Officer, 'id' | 'name' | 'role'>;

export type LoginResult =
  | { ok: true; officer: SignedInOfficer; mustEnrolTotp: boolean; mustChangePassword: boolean }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'limited'; retryAfterSeconds: number }
  | { ok: false; reason: 'inactive' }
  | { ok: false; reason: 'totp_required' }
  | { ok: false; reason: 'totp_invalid' };

export type LoginInput = { email: unknown; password: unknown; code?: unknown };

// A well-formed argon2id hash of a random string: unknown e-mails are verified against
// it so they take as long as known ones.
let dummyHash: Promise<string> | undefined;
function timingDummy(): Promise<string> {
  dummyHash ??= hashPassword(`dummy-${Math.random()}`);
  return dummyHash;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * Checks an officer's e-mail, password and (when enrolled) TOTP code from the client at
 * `client` (its address as the app decides it, lib/security/client-address.ts). Counts failures in
 * the limiter, writes the audit rows of existing accounts; never logs the typed
 * password, code or an unknown address.
 */
export async function authenticateOfficer(
  db: Database,
  input: LoginInput,
  options: { client: string; limiter: SignInLimiter; now?: Date },
): Promise<LoginResult> {
  const now = options.now ?? new Date();
  const email = normaliseEmail(input.email);
  const password = text(input.password);
  const code = input.code === undefined || input.code === null ? '' : text(input.code).trim();
  if (!email || !password) return { ok: false, reason: 'invalid' };
  // Refused before any work: a 20 MB "password" costs nothing but its parsing.
  if (email.length > FIELD_LIMITS.email || password.length > FIELD_LIMITS.password || code.length > FIELD_LIMITS.code) {
    return { ok: false, reason: 'invalid' };
  }

  const subject = { client: options.client, account: accountKey(email) };
  const admitted = await options.limiter.admit(subject, now);
  if (!admitted.allowed) return { ok: false, reason: 'limited', retryAfterSeconds: admitted.retryAfterSeconds };

  const [officer] = await db.select().from(officers).where(eq(officers.email, email)).limit(1);
  const passwordRight = await verifyPassword(officer?.passwordHash ?? (await timingDummy()), password);

  const fail = async (reason: 'invalid' | 'totp_invalid', auditReason: string): Promise<LoginResult> => {
    await options.limiter.failed(subject, now);
    // Unknown addresses are counted above, never written one by one into the audit log.
    if (officer) await appendAudit(db, { officerId: officer.id, action: 'sign_in_failed', detail: { reason: auditReason }, at: now });
    return { ok: false, reason };
  };

  if (!officer || !passwordRight) return fail('invalid', officer?.active === false ? 'inactive_wrong_password' : 'wrong_password');
  if (!officer.active) {
    // Only someone who knows the password learns that the account is switched off.
    await appendAudit(db, { officerId: officer.id, action: 'sign_in_failed', detail: { reason: 'inactive' }, at: now });
    return { ok: false, reason: 'inactive' };
  }

  let usedTotp = false;
  if (officer.totpEnabled && officer.totpSecretEnc) {
    if (!code) return { ok: false, reason: 'totp_required' };
    const stored = openTotp(officer.id, officer.totpSecretEnc);
    const check = await verifyTotpCode(stored.secret, code, lastAcceptedStep(officer.totpLastStep, stored));
    // The claim is the check that counts: of concurrent requests with one code, one wins.
    if (!check.valid || !(await claimTotpStep(db, officer.id, check.timeStep))) return fail('totp_invalid', 'wrong_code');
    usedTotp = true;
  }

  await options.limiter.succeeded(subject, now);
  await appendAudit(db, { officerId: officer.id, action: 'sign_in', detail: { totp: usedTotp }, at: now });

  const { mustEnrolTotp, mustChangePassword } = activationSteps(officer, await getSettings(db));
  return {
    ok: true,
    officer: { id: officer.id, name: officer.name, role: officer.role },
    mustEnrolTotp,
    mustChangePassword,
  };
}
