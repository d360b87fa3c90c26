import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { encryptJson } from '@/lib/crypto/aead';
import { decryptJsonWithMasterKeys } from '@/lib/crypto/master';
import type { Database, DbTransaction } from '@/lib/db/client';
import { officers } from '@/lib/db/schema';
import { dataKey } from '@/lib/env';

/**
 * TOTP (RFC 6238, the 6-digit, 30-second codes of Google Authenticator, Aegis,
 * Microsoft Authenticator…). The secret is stored only encrypted, bound to its officer
 * by the associated data. The time step of the last accepted code is kept in clear in
 * `officers.totp_last_step` and claimed with one guarded UPDATE (claimTotpStep), so the
 * same code is accepted once even when several requests carry it at the same moment.
 * (Older rows may still hold a `lastStep` inside the sealed secret; it is honoured.)
 */

export const TOTP_PERIOD_SECONDS = 30;
/** ±1 step: a code from the previous or next 30 seconds still counts (clock drift). */
const EPOCH_TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;

export type StoredTotp = { secret: string; lastStep?: number };

function associatedData(officerId: number): string {
  return `officer-totp:${officerId}`;
}

/** A new base32 secret (20 random bytes, what authenticator apps expect). */
export function newTotpSecret(): string {
  return generateSecret();
}

export function sealTotp(officerId: number, value: StoredTotp): string {
  return encryptJson(value, dataKey(), associatedData(officerId));
}

export function openTotp(officerId: number, sealed: string): StoredTotp {
  return decryptJsonWithMasterKeys<StoredTotp>(sealed, associatedData(officerId));
}

/** The otpauth:// URI an authenticator app reads; the issuer names the office. */
export function totpUri(options: { officeName: string; email: string; secret: string }): string {
  return generateURI({ issuer: `WBS ${options.officeName}`, label: options.email, secret: options.secret });
}

/** The secret grouped by four characters, easier to type into a phone. */
export function formatSecretForDisplay(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

/** Digits only (spaces and dashes typed from the app are dropped); null unless 6 digits. */
export function normaliseTotpCode(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const digits = input.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

/**
 * Checks a code against a secret within ±1 step. `afterTimeStep` refuses a code from
 * that step or earlier (replay). Returns the matched step so the caller can store it.
 */
export async function verifyTotpCode(
  secret: string,
  code: string,
  afterTimeStep?: number,
): Promise<{ valid: true; timeStep: number } | { valid: false }> {
  const token = normaliseTotpCode(code);
  if (!token) return { valid: false };
  try {
    const result = await verify({
      secret,
      token,
      epochTolerance: EPOCH_TOLERANCE_SECONDS,
      ...(afterTimeStep !== undefined ? { afterTimeStep } : {}),
    });
    // The TOTP result carries the matched time step (the HOTP variant of the type does not).
    return result.valid && 'timeStep' in result ? { valid: true, timeStep: result.timeStep } : { valid: false };
  } catch {
    // otplib throws on malformed input or an afterTimeStep beyond the window.
    return { valid: false };
  }
}

/** The step after which a code may be accepted: the newer of the column and a legacy sealed value. */
export function lastAcceptedStep(column: number | null | undefined, stored: StoredTotp): number | undefined {
  const steps = [column, stored.lastStep].filter((v): v is number => typeof v === 'number');
  return steps.length ? Math.max(...steps) : undefined;
}

/**
 * Records `step` as the officer's last accepted TOTP step, only if no code of that step
 * or a later one was accepted before. Atomic in the database: of several concurrent
 * requests with one code, exactly one gets `true`.
 */
export async function claimTotpStep(db: Database | DbTransaction, officerId: number, step: number): Promise<boolean> {
  const claimed = await db
    .update(officers)
    .set({ totpLastStep: step })
    .where(and(eq(officers.id, officerId), or(isNull(officers.totpLastStep), lt(officers.totpLastStep, step))))
    .returning({ id: officers.id });
  return claimed.length === 1;
}

/** The otpauth URI as an SVG QR code in a data: URL (an <img>, no script, CSP-friendly). */
export async function totpQrDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}
