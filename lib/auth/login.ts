import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { appendAudit } from '@/lib/audit/log';
import type { Database } from '@/lib/db/client';
import { officers, type Officer } from '@/lib/db/schema';
import { getSettings } from '@/lib/settings';
import { activationSteps } from './activation';
import { hashPassword, verifyPassword } from './password';
import { openTotp, sealTotp, verifyTotpCode } from './totp';

/**
 * Officer sign-in, framework-free: auth.ts's `authorize` maps the result to Auth.js.
 *
 * Order: find the account → refuse while locked (without checking the password, so a
 * locked account cannot be probed) → argon2 → TOTP when enrolled → reset the counters.
 * Unknown e-mails and deactivated accounts answer like a wrong password and "lock" the
 * same way, from an in-memory table, so neither the message nor the lock tells an
 * outsider whether an address has an account.
 */

export const LOCK_THRESHOLD = 5;
const BASE_LOCK_MS = 15 * 60 * 1000;
const MAX_LOCK_MS = 24 * 60 * 60 * 1000;

/** Lock after the n-th consecutive failure: 0 below 5, then 15 min × 2^(n−5), at most 24 h. */
export function lockDurationMs(consecutiveFailures: number): number {
  if (consecutiveFailures < LOCK_THRESHOLD) return 0;
  return Math.min(BASE_LOCK_MS * 2 ** Math.min(consecutiveFailures - LOCK_THRESHOLD, 16), MAX_LOCK_MS);
}

export function normaliseEmail(input: unknown): string {
  return typeof input === 'string' ? input.normalize('NFKC').trim().toLowerCase() : '';
}

export type SignedInOfficer = Pick<Officer, 'id' | 'name' | 'role' | 'passwordHash'>;

export type LoginResult =
  | { ok: true; officer: SignedInOfficer; mustEnrolTotp: boolean; mustChangePassword: boolean }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; retryAfterMinutes: number }
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

type ShadowEntry = { failures: number; lockedUntil: number; lastFailure: number };
const shadowFailures = new Map<string, ShadowEntry>();
const SHADOW_LIMIT = 10_000;

function shadowKey(email: string): string {
  return createHash('sha256').update(`wbs-login:${email}`).digest('base64url');
}

function shadowLockedFor(email: string, now: number): number {
  const entry = shadowFailures.get(shadowKey(email));
  return entry && entry.lockedUntil > now ? entry.lockedUntil - now : 0;
}

function recordShadowFailure(email: string, now: number): number {
  const key = shadowKey(email);
  const previous = shadowFailures.get(key);
  const failures = previous && now - previous.lastFailure < MAX_LOCK_MS ? previous.failures + 1 : 1;
  const lockMs = lockDurationMs(failures);
  shadowFailures.delete(key);
  shadowFailures.set(key, { failures, lockedUntil: lockMs ? now + lockMs : 0, lastFailure: now });
  // Oldest first in a Map: drop from the front when full.
  while (shadowFailures.size > SHADOW_LIMIT) shadowFailures.delete(shadowFailures.keys().next().value!);
  return lockMs;
}

/** Forgets the in-memory failures (tests). */
export function resetShadowFailures(): void {
  shadowFailures.clear();
}

const minutesFrom = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

/** Counts a failure atomically and locks when the threshold is reached; returns the lock in ms. */
async function recordFailure(db: Database, officer: Officer, now: number, reason: string): Promise<number> {
  const [row] = await db
    .update(officers)
    .set({ failedLogins: sql`${officers.failedLogins} + 1` })
    .where(eq(officers.id, officer.id))
    .returning({ failedLogins: officers.failedLogins });
  const lockMs = lockDurationMs(row.failedLogins);
  if (lockMs) {
    await db.update(officers).set({ lockedUntil: new Date(now + lockMs) }).where(eq(officers.id, officer.id));
  }
  await appendAudit(db, {
    officerId: officer.id,
    action: 'sign_in_failed',
    detail: { reason, failedLogins: row.failedLogins, ...(lockMs ? { lockedMinutes: minutesFrom(lockMs) } : {}) },
  });
  return lockMs;
}

/**
 * Checks an officer's e-mail, password and (when enrolled) TOTP code. Writes the
 * failure counters, the lock and the audit rows; never logs the typed password or code.
 */
export async function authenticateOfficer(
  db: Database,
  input: LoginInput,
  options: { now?: Date } = {},
): Promise<LoginResult> {
  const now = (options.now ?? new Date()).getTime();
  const email = normaliseEmail(input.email);
  const password = typeof input.password === 'string' ? input.password : '';
  if (!email || !password) return { ok: false, reason: 'invalid' };

  const [officer] = await db.select().from(officers).where(eq(officers.email, email)).limit(1);

  if (!officer || !officer.active) {
    const shadowLock = shadowLockedFor(email, now);
    if (shadowLock) {
      await appendAudit(db, { officerId: officer?.id ?? null, action: 'sign_in_failed', detail: { reason: 'locked' } });
      return { ok: false, reason: 'locked', retryAfterMinutes: minutesFrom(shadowLock) };
    }
    const passwordRight = await verifyPassword(officer?.passwordHash ?? (await timingDummy()), password);
    if (officer && passwordRight) {
      // Only someone who knows the password learns that the account is switched off.
      await appendAudit(db, { officerId: officer.id, action: 'sign_in_failed', detail: { reason: 'inactive' } });
      return { ok: false, reason: 'inactive' };
    }
    const lockMs = recordShadowFailure(email, now);
    await appendAudit(db, {
      officerId: officer?.id ?? null,
      action: 'sign_in_failed',
      detail: { reason: officer ? 'inactive_wrong_password' : 'unknown_email' },
    });
    return lockMs ? { ok: false, reason: 'locked', retryAfterMinutes: minutesFrom(lockMs) } : { ok: false, reason: 'invalid' };
  }

  const lockedUntil = officer.lockedUntil?.getTime() ?? 0;
  if (lockedUntil > now) {
    await appendAudit(db, { officerId: officer.id, action: 'sign_in_failed', detail: { reason: 'locked' } });
    return { ok: false, reason: 'locked', retryAfterMinutes: minutesFrom(lockedUntil - now) };
  }

  if (!(await verifyPassword(officer.passwordHash, password))) {
    const lockMs = await recordFailure(db, officer, now, 'wrong_password');
    return lockMs ? { ok: false, reason: 'locked', retryAfterMinutes: minutesFrom(lockMs) } : { ok: false, reason: 'invalid' };
  }

  let totpUpdate: { totpSecretEnc: string } | undefined;
  if (officer.totpEnabled && officer.totpSecretEnc) {
    if (input.code === undefined || input.code === null || String(input.code).trim() === '') {
      return { ok: false, reason: 'totp_required' };
    }
    const stored = openTotp(officer.id, officer.totpSecretEnc);
    const check = await verifyTotpCode(stored.secret, String(input.code), stored.lastStep);
    if (!check.valid) {
      const lockMs = await recordFailure(db, officer, now, 'wrong_code');
      return lockMs ? { ok: false, reason: 'locked', retryAfterMinutes: minutesFrom(lockMs) } : { ok: false, reason: 'totp_invalid' };
    }
    totpUpdate = { totpSecretEnc: sealTotp(officer.id, { ...stored, lastStep: check.timeStep }) };
  }

  await db
    .update(officers)
    .set({ failedLogins: 0, lockedUntil: null, ...totpUpdate })
    .where(eq(officers.id, officer.id));
  await appendAudit(db, { officerId: officer.id, action: 'sign_in', detail: { totp: Boolean(totpUpdate) } });

  const { mustEnrolTotp, mustChangePassword } = activationSteps(officer, await getSettings(db));
  return {
    ok: true,
    officer: { id: officer.id, name: officer.name, role: officer.role, passwordHash: officer.passwordHash },
    mustEnrolTotp,
    mustChangePassword,
  };
}
